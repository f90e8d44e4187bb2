/**
 * Service requests, "four orders" (四单): the elder's side orders, the coordinator dispatches, the
 * volunteer accepts, checks in and out, the elder's side rates, and the hours are credited.
 */
import type {
  RequestStatus,
  ServiceRequest,
  ServiceType,
  User,
  confirmBodySchema,
  resolveBodySchema,
  serviceRequestBodySchema,
} from '@eldercare/shared';
import { DAY_MS } from '@eldercare/shared';
import type { z } from 'zod';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import { badReference, conflict, forbidden, invalidField, notFound, referenced } from '../../http/errors.js';
import type { LedgerService } from './ledger.service.js';
import { isStaff, type MembersService } from './members.service.js';
import { ageOn, servedMinutes } from './policy.js';
import { canStep, FLOW, mayAct, type RequestAction } from './request-flow.js';
import type { RequestFilter, RequestPatch, RequestRow, RequestsRepo } from './requests.repo.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toRequest(r: RequestRow): ServiceRequest {
  return {
    id: r.id,
    programId: r.program_id,
    residentId: r.resident_id,
    residentName: r.resident_name,
    community: r.community,
    type: r.type as ServiceType,
    status: r.status as RequestStatus,
    scheduledAt: r.scheduled_at.toISOString(),
    place: r.place,
    notes: r.notes,
    requestedBy: r.requested_by,
    volunteerId: r.volunteer_id,
    volunteerName: r.volunteer_name,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    dispatchedAt: iso(r.dispatched_at),
    acceptedAt: iso(r.accepted_at),
    checkInAt: iso(r.check_in_at),
    checkOutAt: iso(r.check_out_at),
    confirmedAt: iso(r.confirmed_at),
    autoConfirmed: r.auto_confirmed,
    rating: r.rating,
    comment: r.comment,
    minutes: r.minutes,
    disputeReason: r.dispute_reason,
    resolution: r.resolution,
    transferId: r.transfer_id,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** A real contact with the elder (counts towards their visit plan). */
export type RecordContact = (c: {
  tenantId: string;
  residentId: string;
  at: Date;
  source: 'service';
  sourceId: string;
  visitorId: string | null;
  visitorName: string;
}) => Promise<void>;

export class RequestsService {
  constructor(
    private readonly repo: RequestsRepo,
    private readonly members: MembersService,
    private readonly ledger: LedgerService,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly recordContact: RecordContact,
  ) {}

  private now = () => new Date(this.clock.now());

  async create(user: User, b: z.output<typeof serviceRequestBodySchema>): Promise<ServiceRequest> {
    if (!isStaff(user) && !(user.role === 'family' && user.residentId === b.residentId)) throw forbidden();
    await referenced('programId', this.members.programRow(user, b.programId));
    const resident = await this.members.repo.resident(b.residentId);
    if (!resident || resident.tenantId !== user.tenantId)
      throw badReference('residentId', 'is not a resident of this district');
    const row = await this.repo.insert({
      tenantId: user.tenantId,
      programId: b.programId,
      residentId: b.residentId,
      type: b.type,
      scheduledAt: new Date(b.scheduledAt),
      place: b.place,
      notes: b.notes,
      requestedBy: user.id,
      at: this.now(),
    });
    return toRequest(row);
  }

  private async scope(user: User): Promise<Partial<RequestFilter>> {
    if (isStaff(user)) return {};
    if (user.role === 'volunteer') return { volunteerIds: (await this.members.volunteersOf(user)).map((v) => v.id) };
    if (user.role === 'family') return { residentId: user.residentId ?? '00000000-0000-0000-0000-000000000000' };
    throw forbidden();
  }

  async list(user: User, q: Omit<RequestFilter, 'tenantId' | 'volunteerIds'> & { volunteerId?: string }) {
    const { volunteerId, ...rest } = q;
    const f: RequestFilter = {
      ...rest,
      tenantId: user.tenantId,
      ...(volunteerId ? { volunteerIds: [volunteerId] } : {}),
    };
    const s = await this.scope(user);
    if (s.volunteerIds) f.volunteerIds = s.volunteerIds.filter((v) => !volunteerId || v === volunteerId);
    if (s.residentId) f.residentId = s.residentId === (q.residentId ?? s.residentId) ? s.residentId : 'none';
    if (f.residentId === 'none') return { items: [], total: 0 };
    const { rows, total } = await this.repo.list(f);
    return { items: rows.map(toRequest), total };
  }

  /** The request and how the user takes part in it; 404 when they may not see it. */
  private async load(user: User, id: string) {
    const row = await this.repo.get(id);
    if (!row || row.tenant_id !== user.tenantId) throw notFound('service request');
    const mine = user.role === 'volunteer' ? (await this.members.volunteersOf(user)).map((v) => v.id) : [];
    const party = {
      role: user.role,
      assignee: !!row.volunteer_id && mine.includes(row.volunteer_id),
      family: user.role === 'family' && user.residentId === row.resident_id,
    };
    if (!isStaff(user) && !party.assignee && !party.family) throw notFound('service request');
    return { row, party };
  }

  async get(user: User, id: string): Promise<ServiceRequest> {
    return toRequest((await this.load(user, id)).row);
  }

  /** Runs one step: checks the role, the status, then applies it atomically. */
  private async step(
    user: User,
    id: string,
    action: RequestAction,
    set: (row: RequestRow) => Promise<RequestPatch> | RequestPatch,
  ): Promise<RequestRow> {
    const { row, party } = await this.load(user, id);
    if (!mayAct(party, action)) throw forbidden();
    if (!canStep(row.status as RequestStatus, action)) throw conflict(`the request is ${row.status}; cannot ${action}`);
    const next = await this.repo.transition(
      id,
      FLOW[action].from,
      { status: FLOW[action].to, ...(await set(row)) },
      this.now(),
    );
    if (!next) throw conflict('the request changed meanwhile; reload and try again');
    this.log.info({ requestId: id, action, status: next.status }, 'service request step');
    return next;
  }

  async dispatch(user: User, id: string, b: { volunteerId?: string; organisationId?: string }) {
    const row = await this.step(user, id, 'dispatch', async (r) => {
      if (b.volunteerId) {
        const v = await this.members.repo.volunteer(b.volunteerId);
        if (!v || v.programId !== r.program_id) throw badReference('volunteerId', 'is not a volunteer of this program');
        const policy = await this.members.policy(r.program_id);
        if (ageOn(v.birthDate, this.now()) < policy.minVolunteerAge)
          throw invalidField('volunteerId', 'is under the minimum volunteer age');
      } else {
        const o = await this.members.repo.organisation(b.organisationId!);
        if (!o || o.programId !== r.program_id)
          throw badReference('organisationId', 'is not an organisation of this program');
      }
      return {
        volunteerId: b.volunteerId ?? null,
        organisationId: b.organisationId ?? null,
        dispatchedAt: this.now(),
        acceptedAt: null,
      };
    });
    return toRequest(row);
  }

  async decline(user: User, id: string) {
    return toRequest(await this.step(user, id, 'decline', () => ({ volunteerId: null, dispatchedAt: null })));
  }

  async accept(user: User, id: string) {
    return toRequest(await this.step(user, id, 'accept', () => ({ acceptedAt: this.now() })));
  }

  async checkIn(user: User, id: string) {
    return toRequest(await this.step(user, id, 'checkIn', () => ({ checkInAt: this.now() })));
  }

  /** Checks out; `minutes` lets a coordinator record the time of a visit logged on paper. */
  async checkOut(user: User, id: string, minutes?: number) {
    if (minutes !== undefined && !isStaff(user)) throw forbidden();
    const at = this.now();
    const row = await this.step(user, id, 'checkOut', (r) => ({
      checkOutAt: at,
      minutes: minutes ?? servedMinutes(r.check_in_at ?? at, at),
    }));
    // Being there in person is a welfare contact; a failure here never undoes the check-out.
    await this.recordContact({
      tenantId: row.tenant_id,
      residentId: row.resident_id,
      at,
      source: 'service',
      sourceId: row.id,
      visitorId: user.id,
      visitorName: row.volunteer_name ?? row.organisation_name ?? user.name,
    }).catch((err: Error) => this.log.error({ requestId: id, err }, 'could not record the contact'));
    return toRequest(row);
  }

  async confirm(user: User, id: string, b: z.output<typeof confirmBodySchema>) {
    if (b.minutes !== undefined && !isStaff(user)) throw forbidden('only coordinators correct the minutes');
    const row = await this.step(user, id, 'confirm', (r) => ({
      confirmedAt: this.now(),
      confirmedBy: user.id,
      rating: b.rating,
      comment: b.comment,
      minutes: b.minutes ?? r.minutes,
    }));
    return toRequest(await this.credit(row, user.id));
  }

  async dispute(user: User, id: string, reason: string) {
    return toRequest(await this.step(user, id, 'dispute', () => ({ disputeReason: reason })));
  }

  async resolve(user: User, id: string, b: z.output<typeof resolveBodySchema>) {
    if (b.decision === 'reject') {
      const { row } = await this.load(user, id);
      if (!isStaff(user)) throw forbidden();
      const next = await this.repo.transition(
        row.id,
        ['disputed'],
        { status: 'rejected', resolution: b.resolution },
        this.now(),
      );
      if (!next) throw conflict(`the request is ${row.status}; cannot resolve`);
      return toRequest(next);
    }
    const row = await this.step(user, id, 'resolve', (r) => ({
      resolution: b.resolution,
      confirmedAt: this.now(),
      confirmedBy: user.id,
      minutes: b.minutes ?? r.minutes,
    }));
    return toRequest(await this.credit(row, user.id));
  }

  async cancel(user: User, id: string, reason: string) {
    return toRequest(await this.step(user, id, 'cancel', () => ({ resolution: reason })));
  }

  /** Credits a confirmed request's hours (idempotent per request) and links the transfer. */
  private async credit(row: RequestRow, actorId: string | null): Promise<RequestRow> {
    if (!row.minutes || row.transfer_id) return row;
    const account = row.volunteer_id
      ? await this.members.repo.ensureAccount(row.program_id, 'volunteer', row.volunteer_id, row.volunteer_name ?? '')
      : await this.members.repo.ensureAccount(
          row.program_id,
          'organisation',
          row.organisation_id!,
          row.organisation_name ?? '',
        );
    const t = await this.ledger.creditService({
      programId: row.program_id,
      accountId: account.id,
      minutes: row.minutes,
      requestId: row.id,
      actorId,
      memo: `${row.type} · ${row.resident_name}`,
    });
    return (await this.repo.transition(row.id, ['confirmed'], { transferId: t.id }, this.now())) ?? row;
  }

  /**
   * The scheduled job: confirms completed services nobody confirmed or disputed within the
   * program's autoConfirmDays, and credits any confirmed request left uncredited.
   */
  async autoConfirmDue(): Promise<number> {
    let confirmed = 0;
    for (const p of await this.members.repo.allPrograms()) {
      const policy = await this.members.policy(p.id);
      const before = new Date(this.clock.now() - policy.autoConfirmDays * DAY_MS);
      for (const r of await this.repo.unconfirmed(p.id, before)) {
        const next = await this.repo.transition(
          r.id,
          ['completed'],
          { status: 'confirmed', confirmedAt: this.now(), autoConfirmed: true },
          this.now(),
        );
        if (!next) continue;
        await this.credit(next, null);
        confirmed++;
      }
    }
    for (const r of await this.repo.uncredited()) await this.credit(r, null);
    if (confirmed) this.log.info({ confirmed }, 'service requests auto-confirmed');
    return confirmed;
  }
}
