/**
 * Shift handover of the dispatch centre: who is on duty now (live screens open, and who took the
 * shift at the last handover); the outgoing dispatcher writes a handover — a note, the incidents
 * open at that moment and what happened during the shift — and the incoming one acknowledges it.
 */
import type {
  Handover,
  HandoverDraft,
  HandoverIncident,
  HandoverPage,
  OnDuty,
  ShiftSummary,
  User,
} from '@eldercare/shared';
import { can } from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import { badReference, conflict, forbidden, notFound } from '../../http/errors.js';
import type { HandoverRepo, HandoverRow, IncidentRow } from './handover.repo.js';

/** Without an earlier handover, a shift is taken to have begun this long before. */
export const DEFAULT_SHIFT_MS = 12 * 3600_000;
const NOTABLE_OUTCOMES = ['taken_to_hospital', 'emergency_services_attended', 'deceased'];
const NOTABLE_MAX = 30;

/** A live screen of the dispatch room (from the socket server). */
export interface ConnectedScreen {
  userId: string;
  name: string;
  role: string;
  connectedAt: number;
}

const toIncident = (r: IncidentRow): HandoverIncident => ({
  id: r.id,
  seq: Number(r.seq),
  kind: r.kind,
  severity: r.severity,
  status: r.status,
  title: r.title,
  residentName: r.resident_name,
  createdAt: r.created_at.toISOString(),
  acknowledgedByName: r.ack_name,
  outcome: r.status === 'cancelled' ? 'cancelled' : r.outcome,
  overSla: r.over_sla,
});

/** What happened in a shift: counts over the incidents raised or closed in it, and the notable ones. */
export function summarise(rows: IncidentRow[], from: Date, to: Date): ShiftSummary {
  const raised = rows.filter((r) => r.created_at >= from && r.created_at < to);
  const closed = rows.filter((r) => r.closed_at && r.closed_at >= from && r.closed_at < to);
  const notable = rows.filter(
    (r) =>
      (r.queue === 'emergency' && r.severity === 'critical') ||
      r.escalation_level > 0 ||
      r.over_sla ||
      (r.outcome !== null && NOTABLE_OUTCOMES.includes(r.outcome)),
  );
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    raised: raised.length,
    emergencies: raised.filter((r) => r.queue === 'emergency').length,
    deviceHealth: raised.filter((r) => r.queue === 'device_health').length,
    closed: closed.length,
    falseAlarms: closed.filter((r) => r.outcome === 'false_alarm').length,
    overSla: raised.filter((r) => r.over_sla).length,
    escalated: raised.filter((r) => r.escalation_level > 0).length,
    notable: notable.slice(-NOTABLE_MAX).map(toIncident),
  };
}

export function toHandover(r: HandoverRow): Handover {
  return {
    id: r.id,
    fromUserId: r.from_user_id,
    fromUserName: r.from_name,
    toUserId: r.to_user_id,
    toUserName: r.to_name,
    createdAt: r.created_at.toISOString(),
    note: r.note,
    openIncidents: r.open_incidents,
    summary: r.summary as ShiftSummary,
    acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy: r.acknowledged_by,
    acknowledgedByName: r.ack_name,
    acknowledgeNote: r.acknowledge_note,
  };
}

export class HandoverService {
  constructor(
    private readonly repo: HandoverRepo,
    private readonly clock: Clock,
    /** The dispatch-room screens connected now for a tenant (empty when the live channel is not running). */
    private readonly connected: (tenantId: string) => Promise<ConnectedScreen[]>,
  ) {}

  private readers(user: User) {
    if (!can(user.role, 'handover.read')) throw forbidden();
  }

  private writers(user: User) {
    if (!can(user.role, 'handover.write')) throw forbidden();
  }

  async onDuty(user: User): Promise<OnDuty> {
    this.readers(user);
    const screens = await this.connected(user.tenantId);
    const byUser = new Map<string, OnDuty['connected'][number]>();
    // Coordinators watch the board too, but they do not take alarms: not "on duty".
    for (const s of screens.filter((x) => can(x.role, 'handover.write'))) {
      const e = byUser.get(s.userId);
      const since = new Date(s.connectedAt).toISOString();
      if (!e) byUser.set(s.userId, { userId: s.userId, name: s.name, role: s.role, screens: 1, since });
      else {
        e.screens++;
        if (since < e.since) e.since = since;
      }
    }
    const [acked, latest] = await Promise.all([
      this.repo.latestAcknowledged(user.tenantId),
      this.repo.latest(user.tenantId),
    ]);
    return {
      connected: [...byUser.values()].sort((a, b) => a.since.localeCompare(b.since)),
      shift:
        acked && acked.acknowledged_by && acked.acknowledged_at
          ? { userId: acked.acknowledged_by, name: acked.ack_name ?? '', since: acked.acknowledged_at.toISOString() }
          : null,
      pendingHandoverId: latest && !latest.acknowledged_at ? latest.id : null,
    };
  }

  /** What a handover written now would carry. */
  async draft(user: User): Promise<HandoverDraft> {
    this.readers(user);
    const now = new Date(this.clock.now());
    const last = await this.repo.latest(user.tenantId);
    const from = last ? last.created_at : new Date(now.getTime() - DEFAULT_SHIFT_MS);
    const [open, shift] = await Promise.all([
      this.repo.openIncidents(user.tenantId, now),
      this.repo.shiftIncidents(user.tenantId, from, now),
    ]);
    return { openIncidents: open.map(toIncident), summary: summarise(shift, from, now) };
  }

  async create(user: User, body: { note: string; toUserId?: string }): Promise<Handover> {
    this.writers(user);
    if (body.toUserId) {
      const role = await this.repo.userRole(user.tenantId, body.toUserId);
      if (!can(role, 'handover.write'))
        throw badReference('toUserId', 'is not a dispatcher, supervisor or admin of your district');
      if (body.toUserId === user.id) throw badReference('toUserId', 'is yourself: hand over to the next shift');
    }
    const draft = await this.draft(user);
    const id = await this.repo.insert({
      tenantId: user.tenantId,
      fromUserId: user.id,
      toUserId: body.toUserId ?? null,
      at: new Date(this.clock.now()),
      note: body.note,
      openIncidents: draft.openIncidents,
      summary: draft.summary,
    });
    return this.get(user, id);
  }

  async acknowledge(user: User, id: string, note: string): Promise<Handover> {
    this.writers(user);
    const h = await this.repo.get(user.tenantId, id);
    if (!h) throw notFound('handover');
    if (h.acknowledged_at) throw conflict('this handover was acknowledged already');
    if (h.from_user_id === user.id) throw conflict('the next shift acknowledges a handover, not its author');
    if (h.to_user_id && h.to_user_id !== user.id && user.role === 'dispatcher')
      throw forbidden('this handover is addressed to another dispatcher');
    if (!(await this.repo.acknowledge(user.tenantId, id, user.id, new Date(this.clock.now()), note)))
      throw conflict('this handover was acknowledged already');
    return this.get(user, id);
  }

  async get(user: User, id: string): Promise<Handover> {
    this.readers(user);
    const h = await this.repo.get(user.tenantId, id);
    if (!h) throw notFound('handover');
    return toHandover(h);
  }

  async list(user: User, limit: number, offset: number): Promise<HandoverPage> {
    this.readers(user);
    const { rows, total } = await this.repo.list(user.tenantId, limit, offset);
    return { items: rows.map(toHandover), total };
  }
}
