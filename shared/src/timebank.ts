/**
 * Volunteer time bank (时间银行): programs and their policy, accounts, the double-entry ledger of
 * integer minutes, statements, and service requests ("four orders": order, dispatch, accept, rate).
 */
import { z } from 'zod';
import { patchOf } from './patch.js';

const uuid = z.uuid();
const name = z.string().trim().min(1).max(200);
const note = z.string().trim().max(2000);
/** Client-chosen key that makes a posting safe to retry: the same key never posts twice. */
export const idempotencyKeySchema = z.string().trim().min(8).max(200);
/** Whole minutes; 1 minute to 1000 hours in one posting. */
export const minutesSchema = z.number().int().min(1).max(60_000);

// ---- programs and policy ------------------------------------------------------------------
export const GIFT_RECIPIENTS = ['anyone', 'family_only', 'none'] as const;
export const programPolicySchema = z.strictObject({
  /** Volunteers younger than this cannot be registered, dispatched or credited. */
  minVolunteerAge: z.number().int().min(0).max(100).default(16),
  /** Account holders younger than this cannot redeem hours (e.g. 60: hours are saved for old age). */
  minRedeemAge: z.number().int().min(0).max(120).default(0),
  /** Most minutes a member account may hold; credits beyond go to the community fund. Null: no cap. */
  capMinutes: z.number().int().min(60).nullable().default(null),
  /** Credits unspent after this many days expire back to the program. Null: never. */
  expiryDays: z.number().int().min(30).nullable().default(null),
  /** Who may receive gifted hours. family_only: elders on the giver's family list and their family. */
  giftRecipients: z.enum(GIFT_RECIPIENTS).default('anyone'),
  /** A completed service nobody confirms or disputes is confirmed after this many days. */
  autoConfirmDays: z.number().int().min(1).max(60).default(7),
  /** Lowest balance of the community fund; null lets it go negative without limit. */
  fundFloorMinutes: z.number().int().nullable().default(0),
});
export type ProgramPolicy = z.infer<typeof programPolicySchema>;
export const DEFAULT_POLICY: ProgramPolicy = programPolicySchema.parse({});

export const programBodySchema = z
  .strictObject({ name, policy: programPolicySchema.default(DEFAULT_POLICY) })
  .refine((b) => b.policy.fundFloorMinutes === null || b.policy.fundFloorMinutes <= 0, {
    message: 'a new community fund holds 0 minutes: its floor must be 0 or below (or null)',
    path: ['policy', 'fundFloorMinutes'],
  });
export type ProgramBody = z.input<typeof programBodySchema>;
/** `policy` is merged: only the policy fields sent change. */
export const programPatchSchema = patchOf(z.strictObject({ name, policy: patchOf(programPolicySchema) }));
export type ProgramPatch = z.input<typeof programPatchSchema>;
export const programSchema = z.object({
  id: uuid,
  name: z.string(),
  policy: programPolicySchema,
  issuanceAccountId: uuid,
  fundAccountId: uuid,
  createdAt: z.string(),
});
export type Program = z.infer<typeof programSchema>;

// ---- accounts -----------------------------------------------------------------------------
export const ACCOUNT_KINDS = ['volunteer', 'elder', 'family', 'organisation', 'fund', 'issuance'] as const;
export const accountKindSchema = z.enum(ACCOUNT_KINDS);
export type AccountKind = z.infer<typeof accountKindSchema>;
export const MEMBER_KINDS: readonly AccountKind[] = ['volunteer', 'elder', 'family', 'organisation'];
/** The accounts of people and organisations (not the program's own fund and issuance). */
export const memberKindSchema = z.enum(['volunteer', 'elder', 'family', 'organisation']);
export type MemberKind = z.infer<typeof memberKindSchema>;

export const accountSchema = z.object({
  id: uuid,
  programId: uuid,
  kind: accountKindSchema,
  ownerId: uuid.nullable(),
  name: z.string(),
  /** Lowest allowed balance; null: no floor (the issuance account). */
  floorMinutes: z.number().nullable(),
  balanceMinutes: z.number(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;
export const accountBodySchema = z.strictObject({
  programId: uuid,
  kind: z.enum(['elder', 'family']),
  /** The resident (elder) or the family member's user id. */
  ownerId: uuid,
});
export type AccountBody = z.input<typeof accountBodySchema>;
export const accountQuerySchema = z.object({
  programId: uuid.optional(),
  kind: accountKindSchema.optional(),
  q: z.string().max(100).optional(),
});

/** Someone an account may give hours to under its program's gift policy: only what a giver needs to choose. */
export const giftRecipientSchema = z.object({
  accountId: uuid,
  name: z.string(),
  kind: memberKindSchema,
});
export type GiftRecipient = z.infer<typeof giftRecipientSchema>;
export const giftRecipientQuerySchema = z.object({
  /** Part of the recipient's name, or a whole account number. */
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

// ---- transfers ----------------------------------------------------------------------------
export const TRANSFER_KINDS = ['service', 'gift', 'donation', 'redemption', 'correction', 'expiry'] as const;
export const transferKindSchema = z.enum(TRANSFER_KINDS);
export type TransferKind = z.infer<typeof transferKindSchema>;

export const entrySchema = z.object({
  accountId: uuid,
  accountName: z.string(),
  accountKind: accountKindSchema,
  amountMinutes: z.number(),
});
export const transferSchema = z.object({
  id: uuid,
  programId: uuid,
  kind: transferKindSchema,
  idempotencyKey: z.string(),
  /** As posted. A correction's memo is generated English (`reversal of <kind> <id>`): show `reason` instead. */
  memo: z.string(),
  reversesId: uuid.nullable(),
  reversedById: uuid.nullable(),
  reason: z.string(),
  actorId: uuid.nullable(),
  actorName: z.string().nullable(),
  requestId: uuid.nullable(),
  createdAt: z.string(),
  entries: z.array(entrySchema),
});
export type Transfer = z.infer<typeof transferSchema>;
export const transferQuerySchema = z.object({
  programId: uuid.optional(),
  accountId: uuid.optional(),
  kind: transferKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const giftBodySchema = z.strictObject({
  fromAccountId: uuid,
  toAccountId: uuid,
  minutes: minutesSchema,
  memo: note.default(''),
  idempotencyKey: idempotencyKeySchema,
});
export type GiftBody = z.input<typeof giftBodySchema>;
export const donationBodySchema = z.strictObject({
  fromAccountId: uuid,
  minutes: minutesSchema,
  memo: note.default(''),
  idempotencyKey: idempotencyKeySchema,
});
export type DonationBody = z.input<typeof donationBodySchema>;
export const redemptionBodySchema = z.strictObject({
  accountId: uuid,
  minutes: minutesSchema,
  /** What the hours bought, e.g. "2 h cleaning for the volunteer's mother". */
  memo: note.min(1),
  idempotencyKey: idempotencyKeySchema,
});
export type RedemptionBody = z.input<typeof redemptionBodySchema>;
export const reversalBodySchema = z.strictObject({ reason: note.min(3), idempotencyKey: idempotencyKeySchema });
export type ReversalBody = z.input<typeof reversalBodySchema>;

// ---- statements, totals, reconciliation ---------------------------------------------------
export const statementLineSchema = z.object({
  transferId: uuid,
  at: z.string(),
  kind: transferKindSchema,
  /** As posted. A correction's memo is generated English (`reversal of <kind> <id>`): show `reason` instead. */
  memo: z.string(),
  /** Why a correction was posted (empty for other kinds). */
  reason: z.string(),
  /** The transfer a correction reverses (null for other kinds). */
  reversesId: uuid.nullable(),
  counterparty: z.string(),
  amountMinutes: z.number(),
  balanceMinutes: z.number(),
});
export const statementSchema = z.object({
  account: accountSchema,
  from: z.string().nullable(),
  to: z.string().nullable(),
  openingMinutes: z.number(),
  closingMinutes: z.number(),
  /** Minutes in and out per transfer kind over the period. */
  byKind: z.record(z.string(), z.object({ in: z.number(), out: z.number() })),
  /** Hours of service this member gave (earned by serving) and received (redeemed or served to them). */
  givenMinutes: z.number(),
  receivedMinutes: z.number(),
  lines: z.array(statementLineSchema),
});
export type Statement = z.infer<typeof statementSchema>;
export const statementQuerySchema = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const programTotalsSchema = z.object({
  programId: uuid,
  /** Minutes the program owes its members (minus the issuance balance). */
  outstandingMinutes: z.number(),
  fundMinutes: z.number(),
  memberMinutes: z.number(),
  byKind: z.record(z.string(), z.object({ transfers: z.number(), minutes: z.number() })),
  organisations: z.array(z.object({ id: uuid, name: z.string(), volunteers: z.number(), servedMinutes: z.number() })),
  accounts: z.record(z.string(), z.object({ count: z.number(), minutes: z.number() })),
});
export type ProgramTotals = z.infer<typeof programTotalsSchema>;

export const reconciliationSchema = z.object({
  programId: uuid,
  checkedAt: z.string(),
  accounts: z.number(),
  /** Sum of every entry of the program: always 0 in a sound ledger. */
  entriesSum: z.number(),
  unbalancedTransfers: z.array(uuid),
  drift: z.array(
    z.object({ accountId: uuid, name: z.string(), cachedMinutes: z.number(), entriesMinutes: z.number() }),
  ),
  ok: z.boolean(),
});
export type Reconciliation = z.infer<typeof reconciliationSchema>;

// ---- volunteers and organisations ---------------------------------------------------------
export const volunteerBodySchema = z.strictObject({
  programId: uuid,
  name,
  phone: z.string().trim().max(40).default(''),
  birthDate: z.iso.date(),
  /** The login of the volunteer, if they have one (role volunteer). */
  userId: uuid.nullable().default(null),
  organisationId: uuid.nullable().default(null),
  /** Elders this volunteer is family of (their own parents): who they may gift hours to under family_only. */
  familyResidentIds: z.array(uuid).max(10).default([]),
});
export type VolunteerBody = z.input<typeof volunteerBodySchema>;
export const volunteerSchema = z.object({
  id: uuid,
  programId: uuid,
  name: z.string(),
  phone: z.string(),
  birthDate: z.string(),
  age: z.number(),
  userId: uuid.nullable(),
  organisationId: uuid.nullable(),
  familyResidentIds: z.array(uuid),
  accountId: uuid,
  balanceMinutes: z.number(),
  createdAt: z.string(),
});
export type Volunteer = z.infer<typeof volunteerSchema>;
export const organisationBodySchema = z.strictObject({ programId: uuid, name });
export const organisationSchema = z.object({ id: uuid, programId: uuid, name: z.string(), accountId: uuid });
export type Organisation = z.infer<typeof organisationSchema>;

// ---- service requests (four orders 四单) ----------------------------------------------------
export const SERVICE_TYPES = [
  'meals',
  'cleaning',
  'medical_escort',
  'emergency',
  'bathing',
  'mobility',
  'visit',
] as const;
export const serviceTypeSchema = z.enum(SERVICE_TYPES);
export type ServiceType = z.infer<typeof serviceTypeSchema>;

/**
 * requested → dispatched → accepted → in_progress (checked in) → completed (checked out) →
 * confirmed (hours credited) | disputed → confirmed | rejected; cancelled before the visit starts.
 */
export const REQUEST_STATUSES = [
  'requested',
  'dispatched',
  'accepted',
  'in_progress',
  'completed',
  'disputed',
  'confirmed',
  'rejected',
  'cancelled',
] as const;
export const requestStatusSchema = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof requestStatusSchema>;

export const serviceRequestBodySchema = z.strictObject({
  programId: uuid,
  residentId: uuid,
  type: serviceTypeSchema,
  scheduledAt: z.iso.datetime({ offset: true }),
  place: z.string().trim().max(500).default(''),
  notes: note.default(''),
});
export type ServiceRequestBody = z.input<typeof serviceRequestBodySchema>;

export const serviceRequestSchema = z.object({
  id: uuid,
  programId: uuid,
  residentId: uuid,
  residentName: z.string(),
  community: z.string(),
  type: serviceTypeSchema,
  status: requestStatusSchema,
  scheduledAt: z.string(),
  place: z.string(),
  notes: z.string(),
  requestedBy: uuid.nullable(),
  volunteerId: uuid.nullable(),
  volunteerName: z.string().nullable(),
  organisationId: uuid.nullable(),
  organisationName: z.string().nullable(),
  dispatchedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  checkInAt: z.string().nullable(),
  checkOutAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  autoConfirmed: z.boolean(),
  rating: z.number().nullable(),
  comment: z.string(),
  minutes: z.number().nullable(),
  disputeReason: z.string(),
  resolution: z.string(),
  transferId: uuid.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ServiceRequest = z.infer<typeof serviceRequestSchema>;
export const serviceRequestQuerySchema = z.object({
  status: requestStatusSchema.optional(),
  type: serviceTypeSchema.optional(),
  residentId: uuid.optional(),
  volunteerId: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const dispatchBodySchema = z
  .strictObject({ volunteerId: uuid.optional(), organisationId: uuid.optional() })
  .refine((b) => !!b.volunteerId !== !!b.organisationId, 'give exactly one of volunteerId or organisationId');
export type DispatchBody = z.input<typeof dispatchBodySchema>;
export const confirmBodySchema = z.strictObject({
  rating: z.number().int().min(1).max(5),
  comment: note.default(''),
  /** Coordinators may correct the minutes measured by check-in and check-out. */
  minutes: minutesSchema.optional(),
});
export type ConfirmBody = z.input<typeof confirmBodySchema>;
export const disputeBodySchema = z.strictObject({ reason: note.min(3) });
export const resolveBodySchema = z.strictObject({
  decision: z.enum(['confirm', 'reject']),
  resolution: note.min(3),
  minutes: minutesSchema.optional(),
});
export type ResolveBody = z.input<typeof resolveBodySchema>;
export const cancelBodySchema = z.strictObject({ reason: note.default('') });

/** What a volunteer sees of themselves: profile, account and tasks. */
export const myTimebankSchema = z.object({
  volunteer: volunteerSchema.nullable(),
  accounts: z.array(accountSchema),
  tasks: z.array(serviceRequestSchema),
});
export type MyTimebank = z.infer<typeof myTimebankSchema>;
