/**
 * The admission waiting list (轮候) of public institutions: applications, their order by the one
 * rule in shared/src/waiting-list.ts, and the admit and withdraw decisions, each recorded in the
 * register's audit log. Admitting places the elder in a free bed of the institution; passing over
 * someone ahead in the order needs a reason, which is kept with the decision.
 */
import {
  compareWaiting,
  priorityGroupOf,
  type Application,
  type ApplicationPatch,
  type CapabilityGrade,
  type EconomicStatus,
  type Institution,
  type User,
  type WaitingList,
  type admitBodySchema,
  type applicationBodySchema,
  can,
  type Capability,
} from '@eldercare/shared';
import type { z } from 'zod';
import type { Clock } from '../../clock.js';
import { conflict, forbidden, invalidField, notFound, referenced } from '../../http/errors.js';
import type { RegisterAudit } from '../audit/register-audit.js';
import type { InstitutionsService } from '../institutions/institutions.service.js';
import { ageOn, type ResidentsService } from '../residents/residents.service.js';
import { localDate } from '@eldercare/shared';
import type { ApplicationRow, ApplicationView, WaitingListRepo } from './waiting-list.repo.js';

const snapshot = (a: ApplicationRow | undefined) =>
  a
    ? {
        institutionId: a.institutionId,
        residentId: a.residentId,
        appliedOn: a.appliedOn,
        status: a.status,
        note: a.note,
        bedId: a.bedId,
        decisionReason: a.decisionReason,
      }
    : null;

const freeBeds = (inst: Institution) =>
  inst.rooms.filter((r) => !r.retiredAt).flatMap((r) => r.beds.filter((b) => !b.retiredAt && b.residentId === null));

export class WaitingListService {
  constructor(
    private readonly repo: WaitingListRepo,
    private readonly institutions: InstitutionsService,
    private readonly residents: ResidentsService,
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

  /** Every application of the institutions in view, the waiting ones numbered in the order of the rule. */
  private async applications(user: User, institutionId?: string): Promise<Application[]> {
    const rows = await this.repo.list(user.tenantId, { institutionId });
    const now = new Date(this.clock.now());
    const entry = (r: ApplicationView) => ({
      economicStatus: r.economic_status as EconomicStatus[],
      grade: r.capability_grade as CapabilityGrade | null,
      appliedOn: r.applied_on,
      createdAt: r.created_at.toISOString(),
    });
    const position = new Map<string, number>();
    const waiting = rows.filter((r) => r.status === 'waiting');
    for (const inst of new Set(waiting.map((r) => r.institution_id)))
      waiting
        .filter((r) => r.institution_id === inst)
        .sort((a, b) => compareWaiting(entry(a), entry(b)))
        .forEach((r, i) => position.set(r.id, i + 1));
    return rows.map((r) => ({
      id: r.id,
      institutionId: r.institution_id,
      institutionName: r.institution_name,
      residentId: r.resident_id,
      residentName: r.resident_name,
      age: ageOn(r.birth_date, now),
      community: r.community,
      grade: r.capability_grade as CapabilityGrade | null,
      economicStatus: r.economic_status as EconomicStatus[],
      priorityGroup: priorityGroupOf(r.economic_status as EconomicStatus[]),
      appliedOn: r.applied_on,
      status: r.status as Application['status'],
      position: position.get(r.id) ?? null,
      note: r.note,
      bedId: r.bed_id,
      decisionReason: r.decision_reason,
      decidedAt: r.decided_at?.toISOString() ?? null,
      decidedByName: r.decided_by_name,
      createdAt: r.created_at.toISOString(),
    }));
  }

  async list(
    user: User,
    q: { institutionId?: string; status: 'waiting' | 'admitted' | 'withdrawn' | 'all' },
  ): Promise<WaitingList> {
    this.assert(user, 'waitingList.read');
    // Institution staff see their own institution's list only.
    const institutionId =
      user.role === 'institution_staff'
        ? (user.institutionId ?? '00000000-0000-0000-0000-000000000000')
        : q.institutionId;
    if (user.role === 'institution_staff' && q.institutionId && q.institutionId !== institutionId)
      throw invalidField('institutionId', 'is not your institution');
    const items = (await this.applications(user, institutionId))
      .filter((a) => q.status === 'all' || a.status === q.status)
      .sort(
        (a, b) =>
          a.institutionName.localeCompare(b.institutionName, 'zh') ||
          (a.position ?? Infinity) - (b.position ?? Infinity) ||
          (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''),
      );
    const all = await this.applications(user, institutionId);
    const institutions = (await this.institutions.list(user))
      .filter((i) => i.ownership === 'public' && (!institutionId || i.id === institutionId))
      .map((i) => {
        const beds = i.rooms.filter((r) => !r.retiredAt).flatMap((r) => r.beds.filter((b) => !b.retiredAt));
        const free = freeBeds(i).length;
        return {
          institutionId: i.id,
          name: i.name,
          beds: beds.length,
          occupied: beds.length - free,
          free,
          waiting: all.filter((a) => a.institutionId === i.id && a.status === 'waiting').length,
        };
      });
    return { items, institutions };
  }

  private async one(user: User, id: string): Promise<Application> {
    const a = (await this.applications(user)).find((x) => x.id === id);
    if (!a) throw notFound('application');
    return a;
  }

  private async waitingRow(user: User, id: string): Promise<ApplicationRow> {
    const row = await this.repo.get(user.tenantId, id);
    if (!row) throw notFound('application');
    if (row.status !== 'waiting') throw conflict(`this application is ${row.status}, no longer waiting`);
    return row;
  }

  async create(user: User, body: z.output<typeof applicationBodySchema>): Promise<Application> {
    this.assert(user, 'waitingList.write');
    const inst = await referenced('institutionId', this.institutions.get(user, body.institutionId));
    if (inst.ownership !== 'public') throw invalidField('institutionId', 'is not a public institution');
    const resident = await referenced('residentId', this.residents.get(user, body.residentId));
    if (resident.institutionId === inst.id) throw invalidField('residentId', 'already lives in this institution');
    const today = this.today(user.tenantId);
    const appliedOn = body.appliedOn ?? today;
    if (appliedOn > today) throw invalidField('appliedOn', 'is in the future');
    const waiting = await this.repo.list(user.tenantId, { institutionId: inst.id });
    if (waiting.some((a) => a.resident_id === resident.id && a.status === 'waiting'))
      throw conflict('this elder is already waiting for this institution', [
        { path: 'residentId', message: 'is already waiting for this institution' },
      ]);
    const row = await this.repo.insert({
      tenantId: user.tenantId,
      institutionId: inst.id,
      residentId: resident.id,
      appliedOn,
      note: body.note,
      createdBy: user.id,
    });
    await this.audit.record(user, 'admission_application', row.id, null, snapshot(row));
    return this.one(user, row.id);
  }

  async update(user: User, id: string, patch: ApplicationPatch): Promise<Application> {
    this.assert(user, 'waitingList.write');
    const before = await this.waitingRow(user, id);
    if (patch.appliedOn && patch.appliedOn > this.today(user.tenantId))
      throw invalidField('appliedOn', 'is in the future');
    const after = await this.repo.update(user.tenantId, id, patch);
    await this.audit.record(user, 'admission_application', id, snapshot(before), snapshot(after));
    return this.one(user, id);
  }

  /**
   * Admits the elder to a free bed of the institution. Refused (409) when the institution has no free
   * bed or the bed is taken; passing over applications ahead in the order needs a reason (400).
   * The elder's other waiting applications are withdrawn.
   */
  async admit(user: User, id: string, body: z.output<typeof admitBodySchema>): Promise<Application> {
    this.assert(user, 'waitingList.write');
    const before = await this.waitingRow(user, id);
    const inst = await this.institutions.get(user, before.institutionId);
    const free = freeBeds(inst);
    if (!free.length) throw conflict('the institution has no free bed');
    const bedExists = inst.rooms.some((r) => r.beds.some((b) => b.id === body.bedId && !b.retiredAt && !r.retiredAt));
    if (!bedExists) throw invalidField('bedId', 'is not a bed in service of this institution');
    if (!free.some((b) => b.id === body.bedId))
      throw conflict('that bed is occupied', [{ path: 'bedId', message: 'is occupied' }]);
    const me = (await this.applications(user, inst.id)).find((a) => a.id === id)!;
    if (me.position! > 1 && !body.reason)
      throw invalidField(
        'reason',
        `is required: ${me.position! - 1} application(s) are ahead of this one in the order`,
      );
    await this.residents.update(user, before.residentId, { institutionId: inst.id, bedId: body.bedId });
    const after = await this.repo.update(user.tenantId, id, {
      status: 'admitted',
      bedId: body.bedId,
      decisionReason: body.reason,
      decidedAt: new Date(this.clock.now()),
      decidedBy: user.id,
    });
    await this.audit.record(user, 'admission_application', id, snapshot(before), snapshot(after));
    for (const other of await this.repo.list(user.tenantId, {}))
      if (other.resident_id === before.residentId && other.status === 'waiting')
        await this.withdraw(user, other.id, { reason: `admitted to ${inst.name}` });
    return this.one(user, id);
  }

  async withdraw(user: User, id: string, body: { reason: string }): Promise<Application> {
    this.assert(user, 'waitingList.write');
    const before = await this.waitingRow(user, id);
    const after = await this.repo.update(user.tenantId, id, {
      status: 'withdrawn',
      decisionReason: body.reason,
      decidedAt: new Date(this.clock.now()),
      decidedBy: user.id,
    });
    await this.audit.record(user, 'admission_application', id, snapshot(before), snapshot(after));
    return this.one(user, id);
  }
}
