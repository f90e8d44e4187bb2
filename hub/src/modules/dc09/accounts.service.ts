/** DC-09 accounts: which panel account (receiver/line/account) speaks for which device, its key and profile. */
import {
  type CreateDc09AccountBody,
  type Dc09Account,
  type UpdateDc09AccountBody,
  type User,
  createDc09AccountBodySchema,
  updateDc09AccountBodySchema,
} from '@eldercare/shared';
import type { z } from 'zod';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import type { DevicesService } from '../devices/devices.service.js';
import { STANDARD_PROFILE, profileNames, type CodeTables } from './code-table.js';
import type { Dc09AccountChange, Dc09AccountRow, Dc09Repo } from './dc09.repo.js';
import type { KeyVault } from './key-vault.js';

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

export function toAccount(r: Dc09AccountRow): Dc09Account {
  return {
    id: r.id,
    deviceId: r.deviceId,
    receiver: r.receiver,
    line: r.line,
    account: r.account,
    vendor: r.vendor,
    encrypted: !!r.keyEnc,
    supervisionSeconds: r.supervisionSeconds,
    lastMessageAt: r.lastMessageAt?.toISOString() ?? null,
    supervisionLost: r.supervisionLost,
    createdAt: r.createdAt.toISOString(),
  };
}

export class Dc09AccountsService {
  constructor(
    private readonly repo: Dc09Repo,
    private readonly devices: DevicesService,
    private readonly vault: KeyVault,
    private readonly tables: CodeTables,
  ) {}

  private checkVendor(vendor: string): void {
    if (!profileNames(this.tables).includes(vendor))
      throw badRequest(`vendor: unknown profile "${vendor}" (known: ${profileNames(this.tables).join(', ')})`);
  }

  private taken(): never {
    throw conflict('that receiver/line/account is already registered');
  }

  async list(user: User, deviceId?: string): Promise<{ items: Dc09Account[] }> {
    return { items: (await this.repo.list(user.tenantId, deviceId)).map(toAccount) };
  }

  async get(user: User, id: string): Promise<Dc09Account> {
    const row = await this.repo.get(user.tenantId, id);
    if (!row) throw notFound('DC-09 account');
    return toAccount(row);
  }

  async create(
    user: User,
    input: CreateDc09AccountBody | z.output<typeof createDc09AccountBodySchema>,
  ): Promise<Dc09Account> {
    const body = createDc09AccountBodySchema.parse(input);
    this.checkVendor(body.vendor);
    // The device is the tenant's own (404 otherwise), or registered now for the resident's home.
    const deviceId = body.deviceId
      ? (await this.devices.get(user, body.deviceId)).id
      : (
          await this.devices.create(user, {
            type: body.deviceType,
            label: body.label || `DC-09 ${body.account}`,
            residentId: body.residentId!,
            institutionId: null,
            roomId: null,
          })
        ).device.id;
    try {
      const row = await this.repo.insert({
        tenantId: user.tenantId,
        deviceId,
        receiver: body.receiver,
        line: body.line,
        account: body.account,
        vendor: body.vendor,
        keyEnc: body.key ? this.vault.seal(Buffer.from(body.key, 'hex')) : null,
        supervisionSeconds: body.supervisionSeconds,
      });
      return toAccount(row);
    } catch (err) {
      if (isUniqueViolation(err)) this.taken();
      throw err;
    }
  }

  async update(user: User, id: string, input: UpdateDc09AccountBody): Promise<Dc09Account> {
    const body = updateDc09AccountBodySchema.parse(input);
    if (body.vendor !== undefined) this.checkVendor(body.vendor);
    const change: Dc09AccountChange = {
      receiver: body.receiver,
      line: body.line,
      account: body.account,
      vendor: body.vendor,
      supervisionSeconds: body.supervisionSeconds,
      keyEnc:
        body.key === undefined ? undefined : body.key === null ? null : this.vault.seal(Buffer.from(body.key, 'hex')),
    };
    try {
      const row = await this.repo.update(user.tenantId, id, change);
      if (!row) throw notFound('DC-09 account');
      return toAccount(row);
    } catch (err) {
      if (isUniqueViolation(err)) this.taken();
      throw err;
    }
  }

  async remove(user: User, id: string): Promise<void> {
    if (!(await this.repo.remove(user.tenantId, id))) throw notFound('DC-09 account');
  }

  profiles(): { name: string; label: string }[] {
    return [
      { name: STANDARD_PROFILE, label: 'Standard (SIA DCS / Ademco Contact ID tables)' },
      ...Object.entries(this.tables.vendors).map(([name, v]) => ({ name, label: v.label })),
    ];
  }

  /** The effective code table of a profile: the standard entries with the vendor's on top. */
  codeTable(profile: string) {
    this.checkVendor(profile);
    const vendor = this.tables.vendors[profile];
    const rows = (protocol: 'cid' | 'sia', std: CodeTables['contactId'], over: CodeTables['contactId'] | undefined) =>
      Object.entries({ ...std, ...over })
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code, e]) => ({
          protocol,
          code,
          label: e.label,
          event: 'event' in e ? e.event : null,
          condition: 'condition' in e ? e.condition : null,
          vendor: !!over && code in over,
        }));
    return {
      profile,
      items: [
        ...rows('cid', this.tables.contactId, vendor?.contactId),
        ...rows('sia', this.tables.siaDcs, vendor?.siaDcs),
      ],
    };
  }
}
