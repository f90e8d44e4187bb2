/**
 * The register of rural left-behind elders (留守老年人): who is in it (elders living in a village),
 * their care contacts, and their welfare-visit status from the visit plans. Registering an elder
 * also gives them the `left_behind` risk category (so their visit tier follows); taking them out
 * of the register removes it.
 */
import type {
  LeftBehindContact,
  LeftBehindElder,
  LeftBehindList,
  LeftBehindPatch,
  User,
  leftBehindBodySchema,
} from '@eldercare/shared';
import { can, type Capability } from '@eldercare/shared';
import type { z } from 'zod';
import type { Clock } from '../../clock.js';
import { conflict, forbidden, invalidField, notFound, referenced } from '../../http/errors.js';
import type { RegisterAudit } from '../audit/register-audit.js';
import type { RegionsService } from '../regions/regions.service.js';
import { ageOn, type ResidentsService } from '../residents/residents.service.js';
import { localDate } from '@eldercare/shared';
import type { VisitsService } from '../visits/visits.service.js';
import type { EntryRow, LeftBehindRepo, LeftBehindRow } from './left-behind.repo.js';

const snapshot = (r: LeftBehindRow | undefined) =>
  r
    ? { registeredOn: r.registeredOn, careContacts: r.careContacts, retiredAt: r.retiredAt?.toISOString() ?? null }
    : null;

export class LeftBehindService {
  constructor(
    private readonly repo: LeftBehindRepo,
    private readonly residents: ResidentsService,
    private readonly regions: RegionsService,
    private readonly visits: VisitsService,
    private readonly audit: RegisterAudit,
    private readonly clock: Clock,
    private readonly timeZone: (tenantId: string) => string,
  ) {}

  private today(tenantId: string) {
    return localDate(new Date(this.clock.now()), this.timeZone(tenantId));
  }

  private assert(user: User, capability: Capability) {
    if (!can(user.role, capability)) throw forbidden();
  }

  private async elders(tenantId: string, includeRetired: boolean): Promise<LeftBehindElder[]> {
    const rows = await this.repo.entries(tenantId, includeRetired);
    const plans = await this.visits.planStatus(
      tenantId,
      rows.map((r) => r.resident_id),
    );
    const now = new Date(this.clock.now());
    return rows.map((r: EntryRow) => {
      const p = plans.get(r.resident_id);
      return {
        residentId: r.resident_id,
        name: r.name,
        age: ageOn(r.birth_date, now),
        villageId: r.village_id,
        villageName: r.village_name ?? '',
        townshipId: r.township_id,
        townshipName: r.township_name ?? '',
        registeredOn: r.registered_on,
        careContacts: r.care_contacts as LeftBehindContact[],
        visit: p
          ? {
              tier: p.tier,
              intervalDays: p.intervalDays,
              lastContactAt: p.lastContactAt,
              dueAt: p.dueAt,
              overdue: p.overdue,
              daysOverdue: p.daysOverdue,
            }
          : null,
        retiredAt: r.retired_at?.toISOString() ?? null,
      };
    });
  }

  /** The register, per township/village (`regionId`: a township or a village), overdue ones on demand. */
  async list(
    user: User,
    q: { regionId?: string; overdue?: 'true' | 'false'; all?: 'true' | 'false' },
  ): Promise<LeftBehindList> {
    this.assert(user, 'leftBehind.read');
    let items = await this.elders(user.tenantId, q.all === 'true');
    if (q.regionId) items = items.filter((e) => e.villageId === q.regionId || e.townshipId === q.regionId);
    if (q.overdue) items = items.filter((e) => (e.visit?.overdue ?? false) === (q.overdue === 'true'));
    const villages = new Map<string, LeftBehindList['villages'][number]>();
    for (const e of items) {
      if (e.retiredAt) continue;
      const k = e.villageId ?? '';
      let v = villages.get(k);
      if (!v)
        villages.set(
          k,
          (v = {
            villageId: e.villageId,
            villageName: e.villageName,
            townshipId: e.townshipId,
            townshipName: e.townshipName,
            elders: 0,
            overdue: 0,
            withoutHelper: 0,
          }),
        );
      v.elders++;
      if (e.visit?.overdue) v.overdue++;
      if (!e.careContacts.some((c) => c.kind === 'helper')) v.withoutHelper++;
    }
    return { items, villages: [...villages.values()] };
  }

  /** Elders in the register and those overdue for a visit, per township: counts only (the indicators). */
  async countsByTownship(tenantId: string): Promise<Map<string | null, { elders: number; overdue: number }>> {
    const out = new Map<string | null, { elders: number; overdue: number }>();
    for (const e of await this.elders(tenantId, false)) {
      const n = out.get(e.townshipId) ?? { elders: 0, overdue: 0 };
      n.elders++;
      if (e.visit?.overdue) n.overdue++;
      out.set(e.townshipId, n);
    }
    return out;
  }

  private async one(user: User, residentId: string): Promise<LeftBehindElder> {
    const e = (await this.elders(user.tenantId, true)).find((x) => x.residentId === residentId);
    if (!e) throw notFound('left-behind elder');
    return e;
  }

  /** Sets or clears the elder's `left_behind` risk category (recorded in the register's audit log). */
  private async flag(user: User, residentId: string, on: boolean) {
    const r = await this.residents.get(user, residentId);
    const has = r.riskCategories.includes('left_behind');
    if (has === on) return;
    await this.residents.update(user, residentId, {
      riskCategories: on ? [...r.riskCategories, 'left_behind'] : r.riskCategories.filter((c) => c !== 'left_behind'),
    });
  }

  async register(user: User, body: z.output<typeof leftBehindBodySchema>): Promise<LeftBehindElder> {
    this.assert(user, 'leftBehind.write');
    const resident = await referenced('residentId', this.residents.get(user, body.residentId));
    if (resident.institutionId) throw invalidField('residentId', 'lives in a care institution, not at home');
    if (!resident.regionId) throw invalidField('residentId', 'has no village: set the elder’s region first');
    const region = await this.regions.usable(user.tenantId, resident.regionId, 'residentId', ['community']);
    if (!region.rural) throw invalidField('residentId', 'lives in an urban community, not a village');
    const today = this.today(user.tenantId);
    const registeredOn = body.registeredOn ?? today;
    if (registeredOn > today) throw invalidField('registeredOn', 'is in the future');
    const before = await this.repo.get(user.tenantId, body.residentId);
    if (before && !before.retiredAt) throw conflict('this elder is already in the register');
    await this.repo.upsert({
      tenantId: user.tenantId,
      residentId: body.residentId,
      registeredOn,
      careContacts: body.careContacts,
    });
    await this.flag(user, body.residentId, true);
    const after = await this.repo.get(user.tenantId, body.residentId);
    await this.audit.record(user, 'left_behind', body.residentId, snapshot(before), snapshot(after));
    return this.one(user, body.residentId);
  }

  async update(user: User, residentId: string, patch: LeftBehindPatch): Promise<LeftBehindElder> {
    this.assert(user, 'leftBehind.write');
    const before = await this.repo.get(user.tenantId, residentId);
    if (!before) throw notFound('left-behind elder');
    if (patch.registeredOn && patch.registeredOn > this.today(user.tenantId))
      throw invalidField('registeredOn', 'is in the future');
    const { retired, ...fields } = patch;
    await this.repo.update(user.tenantId, residentId, {
      ...fields,
      ...(retired === undefined
        ? {}
        : { retiredAt: retired ? (before.retiredAt ?? new Date(this.clock.now())) : null }),
    });
    if (retired !== undefined) await this.flag(user, residentId, !retired);
    const after = await this.repo.get(user.tenantId, residentId);
    await this.audit.record(user, 'left_behind', residentId, snapshot(before), snapshot(after));
    return this.one(user, residentId);
  }
}
