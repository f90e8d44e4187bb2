/** SIA DC-09 alarm receiver: the accounts API (which panel account speaks for which device). */
import { z } from 'zod';
import { deviceTypeSchema } from './domain.js';
import { deviceIdSchema } from './contract.js';

const hex = (min: number, max: number, what: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^[0-9A-Fa-f]{${min},${max}}$`), `${what}: ${min}-${max} hex digits`)
    .transform((v) => v.toUpperCase());

export const dc09ReceiverSchema = hex(1, 6, 'receiver number');
export const dc09LineSchema = hex(1, 6, 'line (account prefix)');
export const dc09AccountNumberSchema = hex(3, 16, 'account number');
/** AES key as hex: 32, 48 or 64 digits (128, 192 or 256 bits). */
export const dc09KeySchema = z
  .string()
  .trim()
  .regex(/^(?:[0-9A-Fa-f]{32}|[0-9A-Fa-f]{48}|[0-9A-Fa-f]{64})$/, 'key: 32, 48 or 64 hex digits (AES-128/192/256)');
export const dc09VendorSchema = z.string().regex(/^[a-z0-9-]{1,40}$/, 'vendor profile name');
/** Longest silence before the device is reported offline; null = not supervised. */
export const dc09SupervisionSchema = z.number().int().min(10).max(604_800).nullable();

export const createDc09AccountBodySchema = z
  .strictObject({
    /** The registered device whose events these are … */
    deviceId: deviceIdSchema.optional(),
    /** … or a resident's home: the hub registers a device for the panel there. */
    residentId: z.uuid().optional(),
    /** Type of the device registered for a home (default sos_pendant: a telecare base unit). */
    deviceType: deviceTypeSchema.default('sos_pendant'),
    label: z.string().trim().max(100).default(''),
    receiver: dc09ReceiverSchema.nullable().default(null),
    line: dc09LineSchema,
    account: dc09AccountNumberSchema,
    vendor: dc09VendorSchema.default('standard'),
    key: dc09KeySchema.nullable().default(null),
    supervisionSeconds: dc09SupervisionSchema.default(null),
  })
  .refine((b) => !!b.deviceId !== !!b.residentId, { message: 'give either deviceId or residentId' });
export type CreateDc09AccountBody = z.input<typeof createDc09AccountBodySchema>;

/** PATCH: only the fields sent change; `key: null` removes the key, `supervisionSeconds: null` stops supervision. */
export const updateDc09AccountBodySchema = z.strictObject({
  receiver: dc09ReceiverSchema.nullable().optional(),
  line: dc09LineSchema.optional(),
  account: dc09AccountNumberSchema.optional(),
  vendor: dc09VendorSchema.optional(),
  key: dc09KeySchema.nullable().optional(),
  supervisionSeconds: dc09SupervisionSchema.optional(),
});
export type UpdateDc09AccountBody = z.input<typeof updateDc09AccountBodySchema>;

export const dc09AccountSchema = z.object({
  id: z.string(),
  deviceId: z.string(),
  receiver: z.string().nullable(),
  line: z.string(),
  account: z.string(),
  vendor: z.string(),
  /** Whether the panel must encrypt; the key itself is never returned. */
  encrypted: z.boolean(),
  supervisionSeconds: z.number().nullable(),
  lastMessageAt: z.string().nullable(),
  /** The supervision interval passed without a message: the device was reported offline. */
  supervisionLost: z.boolean(),
  createdAt: z.string(),
});
export type Dc09Account = z.infer<typeof dc09AccountSchema>;

export const dc09CodeEntrySchema = z.object({
  protocol: z.enum(['cid', 'sia']),
  code: z.string(),
  label: z.string(),
  /** The hub event type raised, or null when the code is only recorded. */
  event: z.string().nullable(),
  condition: z.string().nullable(),
  /** Whether a vendor profile overrides the standard entry. */
  vendor: z.boolean(),
});
export const dc09ProfileSchema = z.object({ name: z.string(), label: z.string() });
