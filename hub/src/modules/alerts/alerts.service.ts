/**
 * Alerts: turns device events, readings and silence into incidents, runs their lifecycle and
 * escalation, and publishes every change. Plain TypeScript: SQL lives in the repository, MQTT and
 * sockets behind the injected `publish` and `notifyDevice`.
 */
import {
  CLOSED_STATUSES,
  type Alert,
  type AlertActionBody,
  type AlertDetail,
  type AlertKind,
  type AlertStatus,
  type DeviceCommand,
  type DeviceEvent,
  type DeviceStatus,
  type ProvisionalAlert,
  type Severity,
  type Telemetry,
  type User,
} from '@eldercare/shared';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import { conflict, forbidden, notFound } from '../../http/errors.js';
import type { RegisteredDevice } from '../devices/device-registry.js';
import {
  ACTIVITY_EVENTS,
  SELF_TESTING_DEVICES,
  SEVERITY_RANK,
  VitalsMonitor,
  cancelWindowTiming,
  classifyEvent,
  inHours,
  localHour,
  priorityOf,
  type AlertRules,
  type CancelWindowTiming,
} from './alert-rules.js';
import type { AlertRow, AlertsRepo } from './alerts.repo.js';

export interface AlertsDeps {
  repo: AlertsRepo;
  clock: Clock;
  log: Logger;
  rules(tenantId: string): AlertRules;
  timeZone(tenantId: string): string;
  publish(alert: Alert, tenantId: string): void;
  notifyDevice(deviceId: string, command: DeviceCommand): Promise<void>;
}

const TITLES: Record<AlertKind, string> = {
  sos: 'SOS call',
  fall: 'Fall detected',
  smoke: 'Smoke alarm',
  gas: 'Gas alarm',
  water_leak: 'Water leak',
  vitals: 'Vital signs out of range',
  inactivity: 'No activity',
  night_bed_exit: 'Out of bed at night',
  night_door_open: 'Door opened at night',
  geofence_exit: 'Left safe zone',
  device_offline: 'Device offline',
  low_battery: 'Low battery',
  device_storm: 'Device sending too many events',
  watchdog: 'Nobody watching',
  welfare_concern: 'Welfare concern from a visit',
  missed_meal: 'Missed meal: welfare check',
  missed_test: 'Missed periodic self-test',
};

const DISPATCH_ROLES = ['admin', 'coordinator', 'dispatcher', 'supervisor'] as const;
const ACTIVE_AFTER_ACK: AlertStatus[] = [
  'acknowledged',
  'contact_made',
  'no_contact',
  'dispatched',
  'accepted',
  'on_scene',
];

export function toAlert(r: AlertRow): Alert {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: r.id,
    seq: Number(r.seq),
    queue: r.queue as Alert['queue'],
    kind: r.kind as AlertKind,
    severity: r.severity as Severity,
    priority: r.priority,
    status: r.status as AlertStatus,
    title: r.title,
    residentId: r.resident_id,
    residentName: r.resident_name,
    institutionId: r.institution_id,
    deviceId: r.device_id,
    signalCount: r.signal_count,
    escalationLevel: r.escalation_level,
    flagged: r.flagged,
    createdAt: r.created_at.toISOString(),
    openedAt: iso(r.opened_at),
    acknowledgedAt: iso(r.acknowledged_at),
    acknowledgedBy: r.acknowledged_by,
    acknowledgedByName: r.ack_name,
    contactAt: iso(r.contact_at),
    dispatchedAt: iso(r.dispatched_at),
    acceptedAt: iso(r.accepted_at),
    onSceneAt: iso(r.on_scene_at),
    closedAt: iso(r.closed_at),
    outcome: r.outcome,
    responder: (r.responder as Alert['responder']) ?? null,
    responderLadder: (r.responder_ladder as Alert['responderLadder']) ?? null,
    location: r.lat != null && r.lon != null ? { lat: r.lat, lon: r.lon } : null,
    updatedAt: r.updated_at.toISOString(),
  };
}

/** How a device event reached the alert engine. */
export interface EventDelivery {
  /** False for a redelivery of an event that was already stored. */
  fresh: boolean;
  /** When the hub received it (for an event replayed from the spool: when it was spooled). */
  receivedAt: number;
  /** A `cancel` of the same device follows it in the spool being replayed (see `followedByCancel`). */
  cancelFollows?: boolean;
}

interface ResidentCtx {
  name: string;
  risks: string[];
  institutionId: string | null;
  thresholds: Record<string, number>;
}

const RESIDENT_CACHE_MAX = 50_000;
const STORM_WINDOW_MS = 60_000;

export class AlertsService {
  private readonly vitals = new VitalsMonitor();
  private readonly residentCache = new Map<string, { at: number; ctx: ResidentCtx | null }>();
  private readonly residentLoads = new Map<string, Promise<ResidentCtx | null>>();
  private readonly eventRate = new Map<string, { windowStart: number; count: number; flagged: boolean }>();
  /** Devices with an open device-offline alert, so an "online" status can close it cheaply. */
  private offlineDevices = new Set<string>();

  constructor(private readonly d: AlertsDeps) {}

  private now(): Date {
    return new Date(this.d.clock.now());
  }

  /**
   * The resident's alert context, cached for a minute. One lookup per resident at a time (a burst of
   * telemetry from a resident's devices must not queue a query per message on the database), and a
   * stale entry answers at once while it is refreshed.
   */
  private async resident(id: string | null): Promise<ResidentCtx | null> {
    if (!id) return null;
    const hit = this.residentCache.get(id);
    if (hit && this.d.clock.now() - hit.at < 60_000) return hit.ctx;
    let load = this.residentLoads.get(id);
    if (!load) {
      load = this.loadResident(id).finally(() => this.residentLoads.delete(id));
      this.residentLoads.set(id, load);
    }
    if (hit) {
      load.catch(() => {}); // the stale entry stays until a refresh succeeds
      return hit.ctx;
    }
    return load;
  }

  /**
   * Loads the residents behind devices into the cache at start, so the first alarm of each can be
   * announced (early notice) and, during a database outage, shown with the elder's name.
   */
  async warmResidents(): Promise<number> {
    const rows = await this.d.repo.residentContexts(RESIDENT_CACHE_MAX);
    const at = this.d.clock.now();
    for (const row of rows) {
      if (this.residentCache.has(row.id)) continue;
      this.residentCache.set(row.id, {
        at,
        ctx: {
          name: row.name,
          risks: row.risk_categories,
          institutionId: row.institution_id,
          thresholds: row.thresholds,
        },
      });
    }
    return rows.length;
  }

  private async loadResident(id: string): Promise<ResidentCtx | null> {
    const row = await this.d.repo.residentContext(id);
    const ctx = row
      ? { name: row.name, risks: row.risk_categories, institutionId: row.institution_id, thresholds: row.thresholds }
      : null;
    if (this.residentCache.size > RESIDENT_CACHE_MAX) this.residentCache.clear();
    this.residentCache.set(id, { at: this.d.clock.now(), ctx });
    return ctx;
  }

  private publish(row: AlertRow): Alert {
    const a = toAlert(row);
    this.d.publish(a, row.tenant_id);
    return a;
  }

  /**
   * Degraded mode (the database is unreachable): what an event would raise, from what this hub
   * already holds in memory (no database access), to show live as a provisional alarm. Null for
   * events that raise nothing or only a device-health alert.
   */
  provisional(device: RegisteredDevice, e: DeviceEvent, receivedAt: number): ProvisionalAlert | null {
    return this.fromMemory(device, e, receivedAt)?.alert ?? null;
  }

  /**
   * The early notice of an alarm (before it is stored): what the event will raise, from memory, for
   * alarms that open at once — not a fall still inside its cancel window, not a device that is
   * storming (its signals are rate-limited), not a device-health signal. Null otherwise.
   */
  incoming(device: RegisteredDevice, e: DeviceEvent, receivedAt: number): ProvisionalAlert | null {
    const m = this.fromMemory(device, e, receivedAt);
    if (!m || m.pendingMs) return null;
    // The device's next event would be past its storm limit: it is rate-limited, not announced.
    if (this.eventsThisMinute(device.id) >= this.d.rules(device.tenantId).stormPerMinute) return null;
    return m.alert;
  }

  private fromMemory(
    device: RegisteredDevice,
    e: DeviceEvent,
    receivedAt: number,
  ): { alert: ProvisionalAlert; pendingMs: number | undefined } | null {
    const cached = device.residentId ? (this.residentCache.get(device.residentId)?.ctx ?? null) : null;
    const c = classifyEvent(e.type, {
      risks: cached?.risks ?? [],
      hour: localHour(e.ts, this.d.timeZone(device.tenantId)),
      rules: this.d.rules(device.tenantId),
    });
    if (!c || c.queue !== 'emergency') return null;
    const alert: ProvisionalAlert = {
      id: `${device.id}:${e.eventId}`,
      deviceId: device.id,
      eventId: e.eventId,
      type: e.type,
      kind: c.kind,
      severity: c.severity,
      title: TITLES[c.kind],
      residentId: device.residentId,
      residentName: cached?.name ?? null,
      institutionId: device.institutionId ?? cached?.institutionId ?? null,
      ts: new Date(e.ts).toISOString(),
      receivedAt: new Date(receivedAt).toISOString(),
    };
    return { alert, pendingMs: c.pendingMs };
  }

  /**
   * Opens or folds an alert for a device's subject (its resident, else the device itself). With
   * `timing` (an event with a cancel window) it waits pending, or opens as of the window's end.
   */
  private async raise(
    device: Pick<RegisteredDevice, 'tenantId' | 'residentId' | 'institutionId'> & { id: string | null },
    c: { kind: AlertKind; severity: Severity; queue: 'emergency' | 'device_health' },
    signal: { ts: Date; eventId: string | null; type: string; detail: Record<string, unknown> },
    location: { lat: number; lon: number } | null = null,
    timing: CancelWindowTiming | null = null,
  ): Promise<Alert> {
    const rules = this.d.rules(device.tenantId);
    const ctx = await this.resident(device.residentId);
    const now = this.now();
    const pendingUntil = timing && 'pendingUntil' in timing ? timing.pendingUntil : null;
    const pending = pendingUntil !== null;
    const escalateAfter = c.queue === 'device_health' ? rules.deviceHealthEscalationMs : rules.ackEscalationMs;
    const subjectKey =
      c.queue === 'device_health'
        ? `device:${device.id}`
        : device.residentId
          ? `resident:${device.residentId}`
          : `device:${device.id}`;
    const { row, created, duplicate } = await this.d.repo.raise(
      {
        tenantId: device.tenantId,
        residentId: device.residentId,
        institutionId: device.institutionId ?? ctx?.institutionId ?? null,
        deviceId: device.id,
        queue: c.queue,
        kind: c.kind,
        severity: c.severity,
        severityRank: SEVERITY_RANK[c.severity],
        priority: priorityOf(c.severity, ctx?.risks ?? []),
        title: TITLES[c.kind],
        status: pending ? 'pending' : 'open',
        dueAt: new Date(pendingUntil ?? now.getTime() + escalateAfter),
        ackDueAt: new Date(now.getTime() + escalateAfter),
        openedAt: timing && 'openedAt' in timing ? new Date(timing.openedAt) : undefined,
        opensPending: !pending,
        location,
        signal: {
          ts: signal.ts,
          deviceId: device.id,
          eventId: signal.eventId,
          type: signal.type,
          detail: signal.detail,
        },
      },
      subjectKey,
    );
    if (duplicate) return toAlert(row);
    this.d.log.info(
      { alertId: row.id, kind: c.kind, created, deviceId: device.id },
      created ? 'alert raised' : 'signal folded into alert',
    );
    return this.publish(row);
  }

  /** True when this device is storming: past the per-minute limit. */
  /** The device's events counted in its current one-minute storm window. */
  private eventsThisMinute(deviceId: string): number {
    const r = this.eventRate.get(deviceId);
    return r && this.d.clock.now() - r.windowStart < STORM_WINDOW_MS ? r.count : 0;
  }

  private storming(deviceId: string, rules: AlertRules): { storm: boolean; firstTime: boolean } {
    const now = this.d.clock.now();
    let r = this.eventRate.get(deviceId);
    if (!r || now - r.windowStart >= STORM_WINDOW_MS) {
      r = { windowStart: now, count: 0, flagged: r?.flagged && now - r.windowStart < 120_000 ? true : false };
      this.eventRate.set(deviceId, r);
    }
    r.count++;
    if (r.count <= rules.stormPerMinute) return { storm: false, firstTime: false };
    const firstTime = !r.flagged;
    r.flagged = true;
    return { storm: true, firstTime };
  }

  /**
   * Applies a device event. Idempotent (a redelivered event changes nothing), so ingest calls it
   * for redeliveries too: an event stored just before a crash still gets its alert.
   */
  async onDeviceEvent(device: RegisteredDevice, e: DeviceEvent, delivery: Partial<EventDelivery> = {}): Promise<void> {
    const fresh = delivery.fresh ?? true;
    const rules = this.d.rules(device.tenantId);
    const ts = new Date(e.ts);
    if (e.type === 'cancel') return this.onCancel(device, e);
    if (e.type === 'test' && fresh) return this.closeDeviceHealth(device, 'missed_test', 'test_received', ts);
    const ctx = await this.resident(device.residentId);
    const c = classifyEvent(e.type, {
      risks: ctx?.risks ?? [],
      hour: localHour(e.ts, this.d.timeZone(device.tenantId)),
      rules,
    });
    if (!c) return;
    const storm = fresh ? this.storming(device.id, rules) : { storm: false, firstTime: false };
    if (storm.storm) {
      // Rate-limited: the alert this device already opened stays open (its first sos was never
      // dropped); further signals are not folded one by one, and the device is flagged once.
      if (storm.firstTime) {
        await this.raise(
          device,
          { kind: 'device_storm', severity: 'medium', queue: 'device_health' },
          { ts, eventId: null, type: 'storm', detail: { perMinute: rules.stormPerMinute } },
        );
        const active = await this.d.repo.findCancellable(device.tenantId, device.id, undefined);
        if (active) {
          const row = await this.d.repo.setFlagged(active.id, this.now());
          if (row) this.publish(row);
        }
      }
      return;
    }
    // A fall's cancel window runs from the device's timestamp, bounded by when the hub received it.
    const timing = c.pendingMs
      ? cancelWindowTiming({
          eventTs: e.ts,
          receivedAt: delivery.receivedAt ?? this.d.clock.now(),
          now: this.d.clock.now(),
          windowMs: c.pendingMs,
          cancelFollows: delivery.cancelFollows ?? false,
        })
      : null;
    await this.raise(
      device,
      c,
      { ts, eventId: e.eventId, type: e.type, detail: { ...(e.data ?? {}) } },
      e.location ?? null,
      timing,
    );
  }

  /**
   * The elder's `cancel`: withdraws the alarm it names, or — naming none — the device's latest active
   * alarm with a signal not newer than the cancel itself (so a redelivered or replayed cancel cannot
   * withdraw an alarm raised after it).
   */
  private async onCancel(device: RegisteredDevice, e: DeviceEvent): Promise<void> {
    const at = new Date(e.ts);
    const target = await this.d.repo.findCancellable(device.tenantId, device.id, e.cancels, e.cancels ? undefined : at);
    if (!target) return;
    if (target.status === 'pending' || target.status === 'open') {
      const row = await this.d.repo.transition(
        target.id,
        device.tenantId,
        ['pending', 'open'],
        { status: 'cancelled', closed_at: at, due_at: null, outcome: 'false_alarm' },
        {
          actorId: null,
          action: 'cancelled_by_elder',
          note: '',
          data: { deviceId: device.id, eventId: e.eventId },
          at,
        },
      );
      if (row) {
        this.publish(row);
        void this.command(device.id, 'alarm_closed', 'Alarm cancelled', row.id);
      }
      return;
    }
    // Already being handled: the dispatcher decides, but sees that the elder cancelled.
    await this.d.repo.addAction(
      target.id,
      null,
      'elder_cancel_requested',
      '',
      { deviceId: device.id, eventId: e.eventId },
      at,
    );
    const row = await this.d.repo.get(target.id);
    if (row) this.publish(row);
  }

  async onTelemetry(device: RegisteredDevice, t: Telemetry): Promise<void> {
    if (!device.residentId) return;
    const ctx = await this.resident(device.residentId);
    if (!ctx) return;
    const rules = this.d.rules(device.tenantId);
    const thresholds = { ...rules.vitals, ...(ctx.thresholds as Partial<AlertRules['vitals']>) };
    for (const [metric, value] of Object.entries(t.readings)) {
      const hit = this.vitals.observe(device.residentId, metric, value!, t.ts, thresholds, rules.vitalsSustainMs);
      if (hit) {
        await this.raise(
          device,
          { kind: 'vitals', severity: 'high', queue: 'emergency' },
          { ts: new Date(t.ts), eventId: null, type: 'vitals', detail: { metric, value, reason: hit.raise } },
        );
      }
    }
  }

  async onStatus(device: RegisteredDevice, s: DeviceStatus, receivedAt: number): Promise<void> {
    const rules = this.d.rules(device.tenantId);
    const ts = new Date(s.ts ?? receivedAt);
    if (!s.online) {
      await this.raise(
        device,
        { kind: 'device_offline', severity: 'medium', queue: 'device_health' },
        { ts, eventId: null, type: 'offline', detail: {} },
      );
      this.offlineDevices.add(device.id);
      return;
    }
    if (this.offlineDevices.has(device.id)) {
      this.offlineDevices.delete(device.id);
      await this.closeDeviceHealth(device, 'device_offline', 'back_online', ts);
    }
    if (s.battery !== undefined && s.battery <= rules.lowBatteryPct) {
      await this.raise(
        device,
        { kind: 'low_battery', severity: 'low', queue: 'device_health' },
        { ts, eventId: null, type: 'low_battery', detail: { battery: s.battery } },
      );
    }
  }

  /**
   * Closes a device-health alert the device itself has cleared (back online; a self-test received):
   * nobody needs to go and fix it.
   */
  private async closeDeviceHealth(device: RegisteredDevice, kind: AlertKind, action: string, at: Date): Promise<void> {
    const alert = await this.d.repo.activeDeviceHealthAlert(device.tenantId, device.id, kind);
    if (!alert) return;
    const row = await this.d.repo.transition(
      alert.id,
      device.tenantId,
      ['open', ...ACTIVE_AFTER_ACK],
      { status: 'resolved', closed_at: at, due_at: null, outcome: 'no_action_needed' },
      { actorId: null, action, note: '', data: { deviceId: device.id }, at },
    );
    if (row) this.publish(row);
  }

  /** Refreshes which devices have an open device-offline alert (raised by any hub). */
  async refreshOfflineDevices(): Promise<void> {
    this.offlineDevices = new Set(await this.d.repo.activeOfflineDevices());
  }

  /** Timed steps: ends cancel windows and escalates overdue alerts. Exactly one hub fires each. */
  async tick(tenantRules: AlertRules): Promise<Alert[]> {
    const now = this.now();
    const opened = await this.d.repo.openDuePending(now, tenantRules.ackEscalationMs);
    const nextResponder = await this.d.repo.advanceResponderLadders(now, tenantRules.responderTimeoutMs);
    const escalated = await this.d.repo.escalateDue(now, {
      unacked: tenantRules.ackEscalationMs,
      unresolved: tenantRules.resolveEscalationMs,
      deviceHealth: tenantRules.deviceHealthEscalationMs,
    });
    for (const r of escalated)
      this.d.log.warn({ alertId: r.id, level: r.escalation_level, status: r.status }, 'alert escalated');
    return [...opened, ...nextResponder, ...escalated].map((r) => this.publish(r));
  }

  /** Devices silent past the offline threshold (missed heartbeats) become device-health alerts. */
  async checkSilentDevices(rules: AlertRules): Promise<number> {
    const silent = await this.d.repo.markSilentDevicesOffline(new Date(this.d.clock.now() - rules.offlineAfterMs));
    for (const d of silent) {
      this.offlineDevices.add(d.id);
      await this.raise(
        { id: d.id, tenantId: d.tenant_id, residentId: d.resident_id, institutionId: d.institution_id },
        { kind: 'device_offline', severity: 'medium', queue: 'device_health' },
        { ts: this.now(), eventId: null, type: 'missed_heartbeat', detail: {} },
      );
    }
    return silent.length;
  }

  /** Alarm devices that have not sent their periodic self-test become device-health alerts. */
  async checkPeriodicTests(rules: AlertRules): Promise<number> {
    const missing = await this.d.repo.devicesMissingTest(
      new Date(this.d.clock.now() - rules.periodicTestMs),
      SELF_TESTING_DEVICES,
    );
    for (const d of missing) {
      await this.raise(
        { id: d.id, tenantId: d.tenant_id, residentId: d.resident_id, institutionId: d.institution_id },
        { kind: 'missed_test', severity: 'low', queue: 'device_health' },
        { ts: this.now(), eventId: null, type: 'missed_test', detail: { days: rules.periodicTestMs / 86400_000 } },
      );
    }
    return missing.length;
  }

  /** "Found days later": no activity for the window, in waking hours, for elders living alone or empty-nest. */
  async checkInactivity(rules: AlertRules, tenantTz: (tenantId: string) => string): Promise<number> {
    const now = this.d.clock.now();
    const candidates = await this.d.repo.inactivityCandidates(new Date(now - rules.inactivityMs), ACTIVITY_EVENTS);
    let raised = 0;
    for (const r of candidates) {
      if (r.last || !r.first_device) continue;
      if (!inHours(localHour(now, tenantTz(r.tenant_id)), rules.wakingHours)) continue;
      await this.raise(
        { id: r.first_device, tenantId: r.tenant_id, residentId: r.id, institutionId: r.institution_id },
        { kind: 'inactivity', severity: 'high', queue: 'emergency' },
        {
          ts: new Date(now),
          eventId: null,
          type: 'inactivity',
          detail: { windowHours: rules.inactivityMs / 3600_000 },
        },
      );
      raised++;
    }
    return raised;
  }

  /**
   * A concern flagged on a welfare visit becomes an incident on the dispatch board (folded into the
   * elder's active one if there is one). Not tied to a device.
   */
  async raiseWelfareConcern(c: {
    tenantId: string;
    residentId: string;
    institutionId: string | null;
    note: string;
    actor: { id: string; name: string };
    visitId?: string;
  }): Promise<Alert> {
    return this.raise(
      { id: null, tenantId: c.tenantId, residentId: c.residentId, institutionId: c.institutionId },
      { kind: 'welfare_concern', severity: 'high', queue: 'emergency' },
      {
        ts: this.now(),
        eventId: null,
        type: 'welfare_concern',
        detail: { note: c.note, reportedBy: c.actor.name, reportedById: c.actor.id, visitId: c.visitId ?? null },
      },
    );
  }

  /**
   * A meal delivery nobody answered, a pick-up nobody made, or a runner's concern: a welfare-check
   * incident for the elder (emergency queue). The signal detail carries the elder's last activity at
   * home and the calls to make in order; the dispatcher records them with the usual actions.
   */
  async raiseMissedMeal(c: {
    tenantId: string;
    residentId: string;
    institutionId: string | null;
    severity: Severity;
    detail: Record<string, unknown>;
  }): Promise<Alert> {
    return this.raise(
      { id: null, tenantId: c.tenantId, residentId: c.residentId, institutionId: c.institutionId },
      { kind: 'missed_meal', severity: c.severity, queue: 'emergency' },
      { ts: this.now(), eventId: null, type: 'missed_meal', detail: c.detail },
    );
  }

  // ---- dispatch API -------------------------------------------------------------------------

  private scopeInstitution(user: User): string | undefined {
    if (user.role === 'institution_staff') return user.institutionId ?? '00000000-0000-0000-0000-000000000000';
    if ((DISPATCH_ROLES as readonly string[]).includes(user.role)) return undefined;
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
      ...(f.state !== 'closed' ? await this.d.repo.listActive(user.tenantId, q) : []),
      ...(f.state !== 'active' ? await this.d.repo.listClosed(user.tenantId, q) : []),
    ];
    return rows.map(toAlert);
  }

  /** Replay for a (re)connecting client: active alerts, or everything changed after `since`. */
  async sync(user: User, since: number): Promise<{ alerts: Alert[]; seq: number; full: boolean }> {
    const institutionId = this.scopeInstitution(user);
    const seq = await this.d.repo.currentSeq();
    if (since > 0 && since <= seq) {
      const rows = await this.d.repo.changedSince(user.tenantId, since, institutionId);
      if (rows.length < 5000) return { alerts: rows.map(toAlert), seq, full: false };
    }
    const rows = await this.d.repo.listActive(user.tenantId, { institutionId, limit: 5000 });
    return { alerts: rows.map(toAlert), seq, full: true };
  }

  private async visible(user: User, id: string): Promise<AlertRow> {
    const row = await this.d.repo.get(id);
    const inst = this.scopeInstitution(user);
    if (!row || row.tenant_id !== user.tenantId || (inst && row.institution_id !== inst)) throw notFound('alert');
    return row;
  }

  async get(user: User, id: string): Promise<AlertDetail> {
    const row = await this.visible(user, id);
    const [signals, actions] = await Promise.all([this.d.repo.signals(id), this.d.repo.actions(id)]);
    return {
      ...toAlert(row),
      signals: signals.map((s) => ({
        id: Number(s.id),
        ts: s.ts.toISOString(),
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
    };
  }

  private command(
    deviceId: string | null,
    type: DeviceCommand['type'],
    message: string,
    alertId: string,
  ): Promise<void> {
    if (!deviceId) return Promise.resolve();
    return this.d
      .notifyDevice(deviceId, { commandId: randomUUID(), ts: this.d.clock.now(), type, message, alertId })
      .catch((err: Error) => this.d.log.warn({ alertId, err }, 'device command not sent'));
  }

  /** Claims an alert for exactly one dispatcher: an atomic conditional update in the database. */
  async claim(user: User, id: string): Promise<Alert> {
    const row = await this.visible(user, id);
    const now = this.now();
    const rules = this.d.rules(user.tenantId);
    const claimed = await this.d.repo.transition(
      id,
      user.tenantId,
      ['pending', 'open'],
      {
        status: 'acknowledged',
        acknowledged_at: now,
        acknowledged_by: user.id,
        opened_at: row.opened_at ?? now,
        due_at: new Date(now.getTime() + rules.resolveEscalationMs),
      },
      {
        actorId: user.id,
        action: 'acknowledged',
        note: '',
        data: { secondsToAck: Math.round((now.getTime() - row.created_at.getTime()) / 1000) },
        at: now,
      },
    );
    if (!claimed) {
      const current = await this.d.repo.get(id);
      throw conflict(
        current?.acknowledged_by
          ? `already claimed by ${current.ack_name ?? 'another dispatcher'}`
          : `alert is ${current?.status}`,
      );
    }
    void this.command(claimed.device_id, 'alarm_received', 'Alarm received, help is coming', id);
    return this.publish(claimed);
  }

  async act(user: User, id: string, body: AlertActionBody & { note?: string }): Promise<Alert> {
    const row = await this.visible(user, id);
    const now = this.now();
    const note = body.note ?? '';
    const mayAct = row.acknowledged_by === user.id || user.role === 'supervisor' || user.role === 'admin';
    const audit = (action: string, data: Record<string, unknown> = {}) => ({
      actorId: user.id,
      action,
      note,
      data,
      at: now,
    });
    const step = async (
      from: readonly AlertStatus[],
      set: Record<string, unknown>,
      action: string,
      data?: Record<string, unknown>,
    ) => {
      if (action !== 'note' && action !== 'cancelled' && !mayAct)
        throw forbidden('only the dispatcher who claimed it (or a supervisor) can do that');
      const r = await this.d.repo.transition(id, user.tenantId, from, set, audit(action, data));
      if (!r)
        throw conflict(`cannot ${action.replace('_', ' ')} an alert that is ${(await this.d.repo.get(id))?.status}`);
      return r;
    };
    let updated: AlertRow;
    switch (body.action) {
      case 'contact_made':
        updated = await step(
          ['acknowledged', 'no_contact'],
          { status: 'contact_made', contact_at: now },
          'contact_made',
        );
        break;
      case 'no_contact':
        // No voice contact is handled as an emergency: priority up, a responder must go.
        updated = await step(
          ['acknowledged'],
          { status: 'no_contact', contact_at: now, priority: row.priority + 15 },
          'no_contact',
        );
        break;
      case 'dispatch': {
        // One responder, or a ladder tried in order until one accepts (advanced by tick()).
        const tiers = body.responders ?? [body.responder!];
        const rules = this.d.rules(user.tenantId);
        updated = await step(
          ['acknowledged', 'contact_made', 'no_contact', 'dispatched', 'accepted'],
          {
            status: 'dispatched',
            dispatched_at: now,
            accepted_at: null,
            responder: tiers[0],
            responder_ladder: tiers.length > 1 ? { tiers, index: 0 } : null,
            due_at: new Date(now.getTime() + rules.responderTimeoutMs),
          },
          'dispatched',
          { responder: tiers[0], ...(tiers.length > 1 ? { ladder: tiers.length } : {}) },
        );
        break;
      }
      case 'accepted':
        updated = await step(
          ['dispatched'],
          {
            status: 'accepted',
            accepted_at: now,
            due_at: new Date(now.getTime() + this.d.rules(user.tenantId).resolveEscalationMs),
          },
          'responder_accepted',
          { responder: row.responder },
        );
        break;
      case 'on_scene':
        updated = await step(['dispatched', 'accepted'], { status: 'on_scene', on_scene_at: now }, 'on_scene');
        void this.command(row.device_id, 'help_arriving', 'Your helper has arrived', id);
        break;
      case 'resolve':
        updated = await step(
          ACTIVE_AFTER_ACK,
          { status: 'resolved', closed_at: now, outcome: body.outcome, due_at: null },
          'resolved',
          { outcome: body.outcome },
        );
        void this.command(row.device_id, 'alarm_closed', 'Alarm closed', id);
        break;
      case 'cancel':
        if (!mayAct && row.status !== 'open' && row.status !== 'pending') throw forbidden();
        updated = await step(
          ['pending', 'open', ...ACTIVE_AFTER_ACK],
          { status: 'cancelled', closed_at: now, due_at: null },
          'cancelled',
        );
        void this.command(row.device_id, 'alarm_closed', 'Alarm closed', id);
        break;
      case 'note':
        await this.d.repo.addAction(id, user.id, 'note', note, {}, now);
        updated = (await this.d.repo.get(id))!;
        break;
    }
    return this.publish(updated);
  }

  isClosed(a: Alert): boolean {
    return CLOSED_STATUSES.includes(a.status);
  }
}
