/**
 * What dispatch sees: the queues in their one order, the replay for a (re)connecting screen, and an
 * incident in full (signals, audit trail, checklist with its ticks, the elder's home, the device).
 * Each read is scoped to what the user may see (institution staff: their institution's only).
 */
import {
  compareAlerts,
  DEFAULT_MAP_URL_TEMPLATE,
  mapUrl,
  type Alert,
  type AlertDetail,
  type AlertKind,
  type LiveSettings,
  type User,
  can,
} from '@eldercare/shared';
import { forbidden, notFound } from '../../http/errors.js';
import type { AlertRules } from './alert-rules.js';
import type { AlertRow, AlertsRepo } from './alerts.repo.js';
import type { AlertViewsRepo } from './alert-views.repo.js';
import type { ActionPlansService, ChecklistItem } from './action-plans.service.js';
import { toAlert } from './alert-model.js';

export class AlertViews {
  constructor(
    private readonly d: {
      repo: Pick<AlertsRepo, 'get'>;
      views: Omit<AlertViewsRepo, 'residentOf'>;
      rules(tenantId: string): AlertRules;
      plans?: Pick<ActionPlansService, 'checklistFor' | 'mapUrlTemplate'>;
    },
  ) {}

  scopeInstitution(user: User): string | undefined {
    if (user.role === 'institution_staff') return user.institutionId ?? '00000000-0000-0000-0000-000000000000';
    if (can(user.role, 'alerts.dispatch')) return undefined;
    throw forbidden();
  }

  async list(
    user: User,
    f: {
      state: 'active' | 'closed' | 'all';
      queue?: 'emergency' | 'device_health';
      residentId?: string;
      limit: number;
    },
  ): Promise<Alert[]> {
    const q = { institutionId: this.scopeInstitution(user), queue: f.queue, residentId: f.residentId, limit: f.limit };
    const rows = [
      ...(f.state !== 'closed' ? await this.d.views.listActive(user.tenantId, q) : []),
      ...(f.state !== 'active' ? await this.d.views.listClosed(user.tenantId, q) : []),
    ];
    // The one queue order (shared compareAlerts) for active alerts; closed ones newest first.
    const active = rows
      .filter((r) => !r.closed_at)
      .map(toAlert)
      .sort(compareAlerts);
    return [...active, ...rows.filter((r) => r.closed_at).map(toAlert)];
  }

  /** The tenant's active incidents in queue order, for the hub's own checks (the system reads them all). */
  async activeAlerts(tenantId: string, limit: number): Promise<Alert[]> {
    return (await this.d.views.listActive(tenantId, { limit })).map(toAlert).sort(compareAlerts);
  }

  /** Replay for a (re)connecting client: active alerts, or everything changed after `since`. */
  async sync(
    user: User,
    since: number,
  ): Promise<{ alerts: Alert[]; seq: number; full: boolean; settings: LiveSettings }> {
    const institutionId = this.scopeInstitution(user);
    const settings: LiveSettings = { ringHigh: this.d.rules(user.tenantId).ringHigh };
    const seq = await this.d.views.currentSeq();
    if (since > 0 && since <= seq) {
      const rows = await this.d.views.changedSince(user.tenantId, since, institutionId);
      if (rows.length < 5000) return { alerts: rows.map(toAlert), seq, full: false, settings };
    }
    const rows = await this.d.views.listActive(user.tenantId, { institutionId, limit: 5000 });
    return { alerts: rows.map(toAlert), seq, full: true, settings };
  }

  async visible(user: User, id: string): Promise<AlertRow> {
    const row = await this.d.repo.get(id);
    const inst = this.scopeInstitution(user);
    if (!row || row.tenant_id !== user.tenantId || (inst && row.institution_id !== inst)) throw notFound('alert');
    return row;
  }

  /** The incident's checklist: the copy taken when it was claimed, else what it would get now. */
  async checklistOf(row: AlertRow): Promise<ChecklistItem[]> {
    if (Array.isArray(row.checklist)) return row.checklist as ChecklistItem[];
    if (!this.d.plans) return [];
    return this.d.plans.checklistFor(row.tenant_id, row.kind as AlertKind, row.resident_id);
  }

  /** The checklist with each step's tick, from the audit trail. */
  private checklistWithTicks(items: ChecklistItem[], actions: Awaited<ReturnType<AlertViewsRepo['actions']>>) {
    const ticks = new Map<string, (typeof actions)[number]>();
    for (const a of actions)
      if (a.action === 'checklist_step' && typeof a.data.stepId === 'string' && !ticks.has(a.data.stepId))
        ticks.set(a.data.stepId, a);
    return items.map((s) => {
      const t = ticks.get(s.id);
      return {
        id: s.id,
        key: s.key ?? null,
        text: s.text,
        source: s.source,
        doneAt: t ? t.at.toISOString() : null,
        doneBy: t?.actor_id ?? null,
        doneByName: t?.actor_name ?? null,
        note: t?.note ?? '',
      };
    });
  }

  async get(user: User, id: string): Promise<AlertDetail> {
    const row = await this.visible(user, id);
    const [signals, actions, checklist, template, home, device] = await Promise.all([
      this.d.views.signals(id),
      this.d.views.actions(id),
      this.checklistOf(row),
      this.d.plans?.mapUrlTemplate(row.tenant_id) ?? Promise.resolve(DEFAULT_MAP_URL_TEMPLATE),
      row.resident_id ? this.d.views.residentHome(row.resident_id) : Promise.resolve(null),
      row.device_id ? this.d.views.deviceInfo(row.device_id, 20) : Promise.resolve(null),
    ]);
    const alert = toAlert(row);
    // Who is on shift now (the place was taken when the incident opened).
    if (alert.place)
      alert.place = { ...alert.place, staffOnShift: await this.d.views.staffOnShift(alert.place.institutionId) };
    return {
      ...alert,
      signals: signals.map((s) => ({
        id: Number(s.id),
        ts: s.ts.toISOString(),
        receivedAt: (s.received_at ?? s.ts).toISOString(),
        deviceId: s.device_id,
        eventId: s.event_id,
        type: s.type,
        detail: s.detail,
      })),
      actions: actions.map((a) => ({
        id: Number(a.id),
        at: a.at.toISOString(),
        actorId: a.actor_id,
        actorName: a.actor_name,
        action: a.action,
        note: a.note,
        data: a.data,
      })),
      checklist: this.checklistWithTicks(checklist, actions),
      // An elder at home: the address and a map link from the resident's stored coordinates.
      home:
        home && !home.institution_id
          ? {
              address: home.address,
              community: home.community,
              location: home.lat != null && home.lon != null ? { lat: home.lat, lon: home.lon } : null,
              mapUrl: home.lat != null && home.lon != null ? mapUrl(template, home.lat, home.lon) : null,
            }
          : null,
      locationMapUrl: alert.location ? mapUrl(template, alert.location.lat, alert.location.lon) : null,
      device: device
        ? {
            id: device.id,
            type: device.type,
            label: device.label,
            online: device.online,
            battery: device.battery,
            signal: device.signal,
            lastSeen: device.last_seen?.toISOString() ?? null,
            history: device.history.map((h) => ({
              ts: h.ts.toISOString(),
              online: h.online,
              battery: h.battery,
              signal: h.signal,
            })),
          }
        : null,
    };
  }
}
