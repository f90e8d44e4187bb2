/**
 * Alerts: turns device events, readings and silence into incidents, runs their lifecycle and
 * escalation, and publishes every change. Plain TypeScript: SQL lives in the repository, MQTT and
 * sockets behind the injected `publish` and `notifyDevice`.
 */
import {
  CLOSED_STATUSES,
  compareAlerts,
  isAlarmKind,
  type Alert,
  type AlertPlace,
  type EscalationNotice,
  type FoldNotice,
  type LiveSettings,
  type AlertActionBody,
  type AlertDetail,
  type AlertKind,
  type AlertStatus,
  type DeviceCommand,
  type PhoneInKind,
  DEFAULT_MAP_URL_TEMPLATE,
  mapUrl,
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
import { ClockSkewMonitor } from './clock-skew.js';
import {
  ACTIVITY_EVENTS,
  ACTIVITY_SENSORS,
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
import {
  escalationReason,
  type AlertRow,
  type AlertsRepo,
  type RaiseInput,
  type TransitionAudit,
} from './alerts.repo.js';
import type { PoolClient } from 'pg';
import { answerOffer, askResponders, endAskedOffers, setOfferStep } from '../notifications/outbox.repo.js';
import { deviceMessage, type Language } from '../notifications/messages.js';
import { AppError, badReference, invalidField } from '../../http/errors.js';
import type { ActionPlansService, ChecklistItem } from './action-plans.service.js';

export interface AlertsDeps {
  repo: AlertsRepo;
  clock: Clock;
  log: Logger;
  rules(tenantId: string): AlertRules;
  timeZone(tenantId: string): string;
  publish(alert: Alert, tenantId: string): void;
  /** An alert went up an escalation level (level 1: to supervisors). */
  escalated?(notice: EscalationNotice, tenantId: string): void;
  /** A signal of a kind the incident did not hold yet was folded into it. */
  folded?(notice: FoldNotice, tenantId: string): void;
  notifyDevice(deviceId: string, command: DeviceCommand): Promise<void>;
  /** The district's language for messages to devices (default zh). */
  language?(tenantId: string): Language;
  /** Action plans (the incident checklist) and the map link template. */
  plans?: Pick<ActionPlansService, 'checklistFor' | 'mapUrlTemplate'>;
}

/** A responder's answer came too late: the offer was answered, withdrawn or timed out. */
export class OfferGone extends AppError {
  constructor(msg = 'this dispatch was already answered, withdrawn or timed out') {
    super(410, msg);
  }
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
  power_loss: 'Mains power lost',
  device_storm: 'Device sending too many events',
  watchdog: 'Nobody watching',
  welfare_concern: 'Welfare concern from a visit',
  missed_meal: 'Missed meal: welfare check',
  missed_test: 'Missed periodic self-test',
  clock_wrong: 'Device clock wrong',
  not_monitored: 'Not monitored: activity sensors offline',
};

const DISPATCH_ROLES = ['admin', 'coordinator', 'dispatcher', 'supervisor'] as const;

/** How urgent a phone-in incident is, by what the caller reports. */
const PHONE_SEVERITY: Record<PhoneInKind, Severity> = {
  sos: 'critical',
  fall: 'critical',
  smoke: 'critical',
  gas: 'critical',
  vitals: 'high',
  geofence_exit: 'high',
  welfare_concern: 'high',
  water_leak: 'medium',
};
const ACTIVE_AFTER_ACK: AlertStatus[] = [
  'acknowledged',
  'contact_made',
  'no_contact',
  'dispatched',
  'accepted',
  'on_scene',
];
/** Institution staff mark themselves on scene from any claimed step before it. */
const ON_SCENE_FROM_STAFF: AlertStatus[] = ['acknowledged', 'contact_made', 'no_contact', 'dispatched', 'accepted'];

export function toAlert(r: AlertRow): Alert {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: r.id,
    seq: Number(r.seq),
    queue: r.queue as Alert['queue'],
    kind: r.kind as AlertKind,
    kinds: (r.kinds?.length ? r.kinds : [r.kind]) as AlertKind[],
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
    occurredAt: (r.occurred_at ?? r.created_at).toISOString(),
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
    place: (r.place as AlertPlace | null) ?? null,
    source: (r.source ?? 'device') as Alert['source'],
    caller: (r.caller as Alert['caller']) ?? null,
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
  private readonly clocks = new ClockSkewMonitor();
  private readonly places = new Map<string, { at: number; place: AlertPlace | null }>();
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
    // A storming device's other signals are rate-limited and not announced; an alarm always is.
    if (!isAlarmKind(m.alert.kind) && this.eventsThisMinute(device.id) >= this.d.rules(device.tenantId).stormPerMinute)
      return null;
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
      hour: localHour(receivedAt, this.d.timeZone(device.tenantId)),
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
  /**
   * Where a device's alarm comes from when it belongs to an institution (room, bed, shared device),
   * cached for a minute per device.
   */
  private async placeOf(
    device: Pick<RegisteredDevice, 'residentId' | 'institutionId'> & { id: string | null; roomId?: string | null },
    ctx: ResidentCtx | null,
  ): Promise<AlertPlace | null> {
    const institutionId = device.institutionId ?? ctx?.institutionId ?? null;
    if (!institutionId && !device.roomId) return null;
    const key = `${device.id ?? ''}|${device.residentId ?? ''}`;
    const hit = this.places.get(key);
    if (hit && this.d.clock.now() - hit.at < 60_000) return hit.place;
    const row = await this.d.repo.placeOf({
      institutionId,
      roomId: device.roomId ?? null,
      residentId: device.residentId,
    });
    const place: AlertPlace | null = row
      ? {
          institutionId: row.institution_id,
          institutionName: row.institution_name,
          institutionPhone: row.institution_phone,
          floor: row.floor,
          roomId: row.room_id,
          roomName: row.room_name,
          bedLabel: row.bed_label,
          residents: row.residents,
          staffOnShift: row.staff,
        }
      : null;
    if (this.places.size > RESIDENT_CACHE_MAX) this.places.clear();
    this.places.set(key, { at: this.d.clock.now(), place });
    return place;
  }

  /**
   * Opens or folds an alert for a device's subject (its resident, else the device itself). With
   * `timing` (an event with a cancel window) it waits pending, or opens as of the window's end. Every
   * time it stores is the hub's: `receivedAt` (default now); the signal's `ts` is kept as data.
   */
  private async raise(
    device: Pick<RegisteredDevice, 'tenantId' | 'residentId' | 'institutionId'> & {
      id: string | null;
      roomId?: string | null;
    },
    c: { kind: AlertKind; severity: Severity; queue: 'emergency' | 'device_health' },
    signal: { ts: Date; eventId: string | null; type: string; detail: Record<string, unknown> },
    opts: {
      location?: { lat: number; lon: number } | null;
      timing?: CancelWindowTiming | null;
      receivedAt?: number;
      subjectKey?: string;
      source?: 'device' | 'phone' | 'system';
      caller?: { phone: string; name: string; address: string } | null;
    } = {},
  ): Promise<Alert> {
    return (await this.raiseRow(device, c, signal, opts)).alert;
  }

  private async raiseRow(
    device: Pick<RegisteredDevice, 'tenantId' | 'residentId' | 'institutionId'> & {
      id: string | null;
      roomId?: string | null;
    },
    c: { kind: AlertKind; severity: Severity; queue: 'emergency' | 'device_health' },
    signal: { ts: Date; eventId: string | null; type: string; detail: Record<string, unknown> },
    opts: {
      location?: { lat: number; lon: number } | null;
      timing?: CancelWindowTiming | null;
      receivedAt?: number;
      subjectKey?: string;
      source?: 'device' | 'phone' | 'system';
      caller?: { phone: string; name: string; address: string } | null;
      heldBy?: RaiseInput['heldBy'];
      audit?: RaiseInput['audit'];
    },
  ): Promise<{ alert: Alert; created: boolean }> {
    const rules = this.d.rules(device.tenantId);
    const ctx = await this.resident(device.residentId);
    const now = this.now();
    const receivedAt = new Date(Math.min(opts.receivedAt ?? now.getTime(), now.getTime()));
    const timing = opts.timing ?? null;
    const pendingUntil = timing && 'pendingUntil' in timing ? timing.pendingUntil : null;
    const pending = pendingUntil !== null;
    const escalateAfter = c.queue === 'device_health' ? rules.deviceHealthEscalationMs : rules.ackEscalationMs;
    const subjectKey =
      opts.subjectKey ??
      (c.queue === 'device_health'
        ? `device:${device.id}`
        : device.residentId
          ? `resident:${device.residentId}`
          : `device:${device.id}`);
    const place = await this.placeOf(device, ctx).catch((err: Error) => {
      // The alarm goes on without its place rather than not at all.
      this.d.log.warn({ deviceId: device.id, err }, 'place of alarm not found');
      return null;
    });
    const { row, created, duplicate, newKind, previousSeverity } = await this.d.repo.raise(
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
        dueAt: new Date(pendingUntil ?? receivedAt.getTime() + escalateAfter),
        ackDueAt: new Date(receivedAt.getTime() + escalateAfter),
        openedAt: timing && 'openedAt' in timing ? new Date(timing.openedAt) : undefined,
        opensPending: !pending,
        location: opts.location ?? null,
        place,
        // The outbox event of a new incident: the family hears of an emergency once it reaches
        // dispatch (a fall after its cancel window: see openDuePending); device health to whoever chose it.
        notifyOnCreate: c.queue === 'device_health' ? 'device_health' : pending ? null : 'family_raised',
        source: opts.source ?? (device.id ? 'device' : 'system'),
        caller: opts.caller ?? null,
        heldBy: opts.heldBy ?? null,
        audit: opts.audit ?? [],
        signal: {
          ts: signal.ts,
          receivedAt,
          deviceId: device.id,
          eventId: signal.eventId,
          type: signal.type,
          detail: signal.detail,
        },
      },
      subjectKey,
    );
    if (duplicate) return { alert: toAlert(row), created: false };
    this.d.log.info(
      { alertId: row.id, kind: c.kind, created, deviceId: device.id },
      created ? 'alert raised' : 'signal folded into alert',
    );
    const alert = this.publish(row);
    if (newKind && !created) {
      // Whoever holds the incident hears of the new kind (and it rings if it made the incident critical).
      this.d.folded?.(
        {
          alertId: alert.id,
          kind: c.kind,
          severity: c.severity,
          previousSeverity: (previousSeverity ?? alert.severity) as Severity,
          becameCritical: alert.severity === 'critical' && previousSeverity !== 'critical',
          holderId: alert.acknowledgedBy,
          at: receivedAt.toISOString(),
          alert,
        },
        device.tenantId,
      );
    }
    return { alert, created };
  }

  /** A device's clock, checked against the hub's at receipt of each message: off too far → a device-health item. */
  private async checkClock(device: RegisteredDevice, deviceTs: number, receivedAt: number): Promise<void> {
    const rules = this.d.rules(device.tenantId);
    const v = this.clocks.observe(device.id, deviceTs, receivedAt, rules.clockSkewLimitMs);
    if (!v) return;
    this.d.log.warn({ deviceId: device.id, skewMs: v.skewMs }, 'device clock wrong');
    // A failure here must never fail (and so repeat) the handling of the message that showed it.
    await this.raise(
      device,
      { kind: 'clock_wrong', severity: 'low', queue: 'device_health' },
      {
        ts: new Date(receivedAt),
        eventId: null,
        type: 'clock_wrong',
        detail: { skewSeconds: Math.round(v.skewMs / 1000), deviceTime: new Date(deviceTs).toISOString() },
      },
      { receivedAt },
    ).catch((err: Error) => this.d.log.warn({ deviceId: device.id, err }, 'clock report not raised'));
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
    const receivedAt = delivery.receivedAt ?? this.d.clock.now();
    try {
      await this.applyEvent(device, e, delivery.fresh ?? true, receivedAt, delivery.cancelFollows ?? false);
    } finally {
      // The alarm first; then the device's clock (a wrong one never holds an alarm up).
      if (delivery.fresh ?? true) await this.checkClock(device, e.ts, receivedAt);
    }
  }

  private async applyEvent(
    device: RegisteredDevice,
    e: DeviceEvent,
    fresh: boolean,
    receivedAt: number,
    cancelFollows: boolean,
  ): Promise<void> {
    const rules = this.d.rules(device.tenantId);
    const ts = new Date(e.ts);
    if (e.type === 'cancel') return this.onCancel(device, e);
    if (e.type === 'test' && fresh) return this.closeDeviceHealth(device, 'missed_test', 'test_received', ts);
    // The device says the condition is over: nobody needs to go and fix it.
    if (e.type === 'power_restored') return this.closeDeviceHealth(device, 'power_loss', 'power_restored', ts);
    if (e.type === 'battery_ok') return this.closeDeviceHealth(device, 'low_battery', 'battery_ok', ts);
    const ctx = await this.resident(device.residentId);
    // Night or day by the hub's clock at receipt, not by the device's.
    const c = classifyEvent(e.type, {
      risks: ctx?.risks ?? [],
      hour: localHour(receivedAt, this.d.timeZone(device.tenantId)),
      rules,
    });
    if (!c) return;
    const storm = fresh ? this.storming(device.id, rules) : { storm: false, firstTime: false };
    if (storm.storm) {
      // Rate-limited: counted, and the device is flagged once. Its other signals are not folded one
      // by one; an alarm (sos, fall, smoke, gas) is never suppressed: it opens or folds as usual.
      if (storm.firstTime) {
        await this.raise(
          device,
          { kind: 'device_storm', severity: 'medium', queue: 'device_health' },
          { ts, eventId: null, type: 'storm', detail: { perMinute: rules.stormPerMinute } },
          { receivedAt },
        );
        const active = await this.d.repo.findCancellable(device.tenantId, device.id, undefined);
        if (active) {
          const row = await this.d.repo.setFlagged(active.id, this.now());
          if (row) this.publish(row);
        }
      }
      if (!isAlarmKind(c.kind)) return;
    }
    // A fall's cancel window runs from the device's timestamp, bounded by when the hub received it.
    const timing = c.pendingMs
      ? cancelWindowTiming({
          eventTs: e.ts,
          receivedAt,
          now: this.d.clock.now(),
          windowMs: c.pendingMs,
          cancelFollows,
        })
      : null;
    await this.raise(
      device,
      c,
      { ts, eventId: e.eventId, type: e.type, detail: { ...(e.data ?? {}) } },
      { location: e.location ?? null, timing, receivedAt },
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
          // The family heard of it once it was open: they hear it was cancelled.
          notify:
            target.status === 'open' ? [{ purpose: 'family_closed', data: { outcome: 'cancelled_by_elder' } }] : [],
        },
      );
      if (row) {
        this.publish(row);
        void this.command(device.id, 'alarm_closed', device.tenantId, row.id);
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

  async onTelemetry(device: RegisteredDevice, t: Telemetry, receivedAt = this.d.clock.now()): Promise<void> {
    await this.checkClock(device, t.ts, receivedAt);
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
          { receivedAt },
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
        { receivedAt },
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
        { receivedAt },
      );
    }
    // A status the device sends (not the broker's last will) also shows its clock.
    if (s.ts !== undefined) await this.checkClock(device, s.ts, receivedAt);
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
      reminder: tenantRules.escalationReminderMs,
      unresolved: tenantRules.resolveEscalationMs,
      deviceHealth: tenantRules.deviceHealthEscalationMs,
      maxLevel: tenantRules.maxEscalationLevel,
    });
    const out = [...opened, ...nextResponder].map((r) => this.publish(r));
    for (const r of escalated) {
      // The escalation itself goes to the supervisors' screens and the metrics; the log stays quiet
      // (first escalation at info, every reminder at debug).
      this.d.log[r.escalation_level === 1 ? 'info' : 'debug'](
        { alertId: r.id, level: r.escalation_level, status: r.status },
        'alert escalated',
      );
      const alert = this.publish(r);
      this.d.escalated?.(
        {
          alertId: alert.id,
          level: alert.escalationLevel,
          to: alert.escalationLevel === 1 ? 'supervisors' : 'reminder',
          reason: escalationReason(r),
          at: now.toISOString(),
          alert,
        },
        r.tenant_id,
      );
      out.push(alert);
    }
    return out;
  }

  /** Devices silent past the offline threshold (missed heartbeats) become device-health alerts. */
  async checkSilentDevices(rules: AlertRules): Promise<number> {
    const silent = await this.d.repo.markSilentDevicesOffline(new Date(this.d.clock.now() - rules.offlineAfterMs));
    for (const d of silent) {
      this.offlineDevices.add(d.id);
      await this.raise(
        {
          id: d.id,
          tenantId: d.tenant_id,
          residentId: d.resident_id,
          institutionId: d.institution_id,
          roomId: d.room_id,
        },
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

  /**
   * "Found days later": no activity for the window, in waking hours, for elders at home living alone
   * or empty-nest — judged only from activity sensors that are online and reporting, and only once
   * they have reported for a whole window. An elder whose activity sensors are all offline or never
   * connected is "not monitored": a device-health item naming the elder, closed by itself when a
   * sensor reports again (never a silent gap, never a false inactivity alarm).
   */
  async checkInactivity(rules: AlertRules, tenantTz: (tenantId: string) => string): Promise<number> {
    const now = this.d.clock.now();
    const since = new Date(now - rules.inactivityMs);
    const candidates = await this.d.repo.inactivityCandidates(
      since,
      ACTIVITY_EVENTS,
      ACTIVITY_SENSORS,
      new Date(now - rules.inactivityQuietMs),
    );
    let raised = 0;
    for (const r of candidates) {
      const subject = { tenantId: r.tenant_id, residentId: r.id, institutionId: r.institution_id };
      if (!r.watching.length) {
        // A sensor just registered gets the offline threshold to connect before anyone is told.
        if (r.unwatched_alert || now - r.newest_sensor_at.getTime() < rules.offlineAfterMs) continue;
        await this.raise(
          { id: r.sensors[0]!, ...subject },
          { kind: 'not_monitored', severity: 'medium', queue: 'device_health' },
          { ts: new Date(now), eventId: null, type: 'not_monitored', detail: { sensors: r.sensors } },
          { subjectKey: `resident:${r.id}` },
        );
        continue;
      }
      if (r.unwatched_alert) {
        const row = await this.d.repo.closeNotMonitored(r.unwatched_alert, new Date(now));
        if (row) this.publish(row);
      }
      if (r.last || !r.watching_since || r.watching_since > since) continue;
      if (!inHours(localHour(now, tenantTz(r.tenant_id)), rules.wakingHours)) continue;
      // Quiet period: her inactivity incident is still being handled, or it was closed (she was
      // reached) and she has not moved since, within `inactivityQuietMs` of its closing.
      if (r.inactivity_active) continue;
      if (r.inactivity_closed_at && !r.moved_since_close) continue;
      await this.raise(
        { id: r.watching[0]!, ...subject },
        { kind: 'inactivity', severity: 'high', queue: 'emergency' },
        {
          ts: new Date(now),
          eventId: null,
          type: 'inactivity',
          detail: { windowHours: rules.inactivityMs / 3600_000, sensors: r.watching },
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
    // The one queue order (shared compareAlerts) for active alerts; closed ones newest first.
    const active = rows
      .filter((r) => !r.closed_at)
      .map(toAlert)
      .sort(compareAlerts);
    return [...active, ...rows.filter((r) => r.closed_at).map(toAlert)];
  }

  /** Replay for a (re)connecting client: active alerts, or everything changed after `since`. */
  async sync(
    user: User,
    since: number,
  ): Promise<{ alerts: Alert[]; seq: number; full: boolean; settings: LiveSettings }> {
    const institutionId = this.scopeInstitution(user);
    const settings: LiveSettings = { ringHigh: this.d.rules(user.tenantId).ringHigh };
    const seq = await this.d.repo.currentSeq();
    if (since > 0 && since <= seq) {
      const rows = await this.d.repo.changedSince(user.tenantId, since, institutionId);
      if (rows.length < 5000) return { alerts: rows.map(toAlert), seq, full: false, settings };
    }
    const rows = await this.d.repo.listActive(user.tenantId, { institutionId, limit: 5000 });
    return { alerts: rows.map(toAlert), seq, full: true, settings };
  }

  private async visible(user: User, id: string): Promise<AlertRow> {
    const row = await this.d.repo.get(id);
    const inst = this.scopeInstitution(user);
    if (!row || row.tenant_id !== user.tenantId || (inst && row.institution_id !== inst)) throw notFound('alert');
    return row;
  }

  /** The incident's checklist: the copy taken when it was claimed, else what it would get now. */
  private async checklistOf(row: AlertRow): Promise<ChecklistItem[]> {
    if (Array.isArray(row.checklist)) return row.checklist as ChecklistItem[];
    if (!this.d.plans) return [];
    return this.d.plans.checklistFor(row.tenant_id, row.kind as AlertKind, row.resident_id);
  }

  /** The checklist with each step's tick, from the audit trail. */
  private checklistWithTicks(items: ChecklistItem[], actions: Awaited<ReturnType<AlertsRepo['actions']>>) {
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
      this.d.repo.signals(id),
      this.d.repo.actions(id),
      this.checklistOf(row),
      this.d.plans?.mapUrlTemplate(row.tenant_id) ?? Promise.resolve(DEFAULT_MAP_URL_TEMPLATE),
      row.resident_id ? this.d.repo.residentHome(row.resident_id) : Promise.resolve(null),
      row.device_id ? this.d.repo.deviceInfo(row.device_id, 20) : Promise.resolve(null),
    ]);
    const alert = toAlert(row);
    // Who is on shift now (the place was taken when the incident opened).
    if (alert.place)
      alert.place = { ...alert.place, staffOnShift: await this.d.repo.staffOnShift(alert.place.institutionId) };
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

  /**
   * Ticks a step of the incident's checklist: an audit entry with the hub's time and who ticked it.
   * Only while it is being handled, by whoever may act on it; each step once.
   */
  async tickStep(user: User, id: string, body: { stepId: string; note: string }): Promise<AlertDetail> {
    const row = await this.visible(user, id);
    if (CLOSED_STATUSES.includes(row.status as AlertStatus)) throw conflict(`the incident is ${row.status}`);
    if (row.status === 'pending' || row.status === 'open') throw conflict('claim the incident first');
    const mayAct = row.acknowledged_by === user.id || user.role === 'supervisor' || user.role === 'admin';
    if (!mayAct) throw forbidden('only the dispatcher who claimed it (or a supervisor) can do that');
    const items = await this.checklistOf(row);
    const index = items.findIndex((s) => s.id === body.stepId);
    if (index < 0) throw invalidField('stepId', "is not a step of this incident's checklist");
    const done = await this.d.repo.actions(id);
    if (done.some((a) => a.action === 'checklist_step' && a.data.stepId === body.stepId))
      throw conflict('that step is already ticked');
    const step = items[index]!;
    const now = this.now();
    const updated = await this.d.repo.transition(
      id,
      user.tenantId,
      ACTIVE_AFTER_ACK,
      Array.isArray(row.checklist) ? {} : { checklist: items },
      {
        actorId: user.id,
        action: 'checklist_step',
        note: body.note,
        data: {
          stepId: step.id,
          key: step.key,
          text: step.text,
          source: step.source,
          index: index + 1,
          of: items.length,
        },
        at: now,
      },
    );
    if (!updated) throw conflict(`the incident is ${(await this.d.repo.get(id))?.status}`);
    this.publish(updated);
    return this.get(user, id);
  }

  /**
   * A phone-in incident: a dispatcher took a call (from the elder, a neighbour, or an unknown caller)
   * and records it. It is the same incident as a device alarm — same lifecycle, timers, escalation,
   * family notice and audit — with source "phone" and the caller kept; the dispatcher who took the
   * call holds it at once. A call about an elder whose incident is already open is folded into it.
   */
  async phoneIn(
    user: User,
    b: {
      residentId?: string;
      callerPhone: string;
      callerName: string;
      kind: PhoneInKind;
      note: string;
      address: string;
    },
  ): Promise<{ alert: Alert; created: boolean }> {
    if (!(DISPATCH_ROLES as readonly string[]).includes(user.role)) throw forbidden();
    const resident = b.residentId ? await this.d.repo.residentOf(user.tenantId, b.residentId) : null;
    if (b.residentId && !resident) throw badReference('residentId');
    const digits = b.callerPhone.replace(/\D/g, '');
    const caller = { phone: b.callerPhone, name: b.callerName, address: b.address };
    const now = this.now();
    // A new incident opens already held by the call taker (no ring, no "unclaimed" moment), with its checklist.
    const checklist = this.d.plans
      ? await this.d.plans.checklistFor(user.tenantId, b.kind, resident?.id ?? null).catch(() => null)
      : null;
    const { alert, created } = await this.raiseRow(
      { id: null, tenantId: user.tenantId, residentId: resident?.id ?? null, institutionId: null },
      { kind: b.kind, severity: PHONE_SEVERITY[b.kind], queue: 'emergency' },
      {
        ts: now,
        eventId: null,
        type: 'phone_call',
        detail: { kind: b.kind, callerPhone: b.callerPhone, callerName: b.callerName, address: b.address },
      },
      {
        source: 'phone',
        caller,
        receivedAt: now.getTime(),
        ...(resident ? {} : { subjectKey: `phone:${digits}` }),
        heldBy: {
          userId: user.id,
          dueAt: new Date(now.getTime() + this.d.rules(user.tenantId).resolveEscalationMs),
          checklist,
        },
        audit: [{ actorId: user.id, action: 'phone_call', note: b.note, data: { kind: b.kind, caller } }],
      },
    );
    // Folded into an incident nobody holds yet: the call taker takes it (someone else's stays theirs).
    if (alert.status === 'open' || alert.status === 'pending')
      return { alert: await this.claim(user, alert.id).catch(() => this.current(alert.id, alert)), created };
    return { alert, created };
  }

  private async current(id: string, fallback: Alert): Promise<Alert> {
    const row = await this.d.repo.get(id);
    return row ? this.publish(row) : fallback;
  }

  private command(
    deviceId: string | null,
    type: DeviceCommand['type'],
    tenantId: string,
    alertId: string,
  ): Promise<void> {
    if (!deviceId) return Promise.resolve();
    // In the district's language: what the elder hears or reads on the device.
    const message = deviceMessage(type, this.d.language?.(tenantId) ?? 'zh');
    return this.d
      .notifyDevice(deviceId, { commandId: randomUUID(), ts: this.d.clock.now(), type, message, alertId })
      .catch((err: Error) => this.d.log.warn({ alertId, err }, 'device command not sent'));
  }

  /** Claims an alert for exactly one dispatcher: an atomic conditional update in the database. */
  async claim(user: User, id: string): Promise<Alert> {
    const row = await this.visible(user, id);
    // The checklist is copied onto the incident as it is claimed (a later edit of the plan does not change it).
    const checklist = row.checklist ? null : await this.checklistOf(row).catch(() => null);
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
        ...(checklist ? { checklist } : {}),
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
    void this.command(claimed.device_id, 'alarm_received', claimed.tenant_id, id);
    return this.publish(claimed);
  }

  async act(user: User, id: string, body: AlertActionBody & { note?: string }): Promise<Alert> {
    const row = await this.visible(user, id);
    const now = this.now();
    const note = body.note ?? '';
    const mayAct = row.acknowledged_by === user.id || user.role === 'supervisor' || user.role === 'admin';
    const audit = (action: string, data: Record<string, unknown> = {}, extra: Partial<TransitionAudit> = {}) => ({
      actorId: user.id,
      action,
      note,
      data,
      at: now,
      ...extra,
    });
    const step = async (
      from: readonly AlertStatus[],
      set: Record<string, unknown>,
      action: string,
      data?: Record<string, unknown>,
      extra?: Partial<TransitionAudit>,
    ) => {
      if (action !== 'note' && action !== 'cancelled' && !mayAct)
        throw forbidden('only the dispatcher who claimed it (or a supervisor) can do that');
      const r = await this.d.repo.transition(id, user.tenantId, from, set, audit(action, data, extra));
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
        const askAll = !!body.askAllAtOnce && tiers.length > 1;
        const rules = this.d.rules(user.tenantId);
        updated = await step(
          ['acknowledged', 'contact_made', 'no_contact', 'dispatched', 'accepted'],
          {
            status: 'dispatched',
            dispatched_at: now,
            accepted_at: null,
            responder: tiers[0],
            responder_ladder: tiers.length > 1 ? { tiers, index: 0, ...(askAll ? { askAllAtOnce: true } : {}) } : null,
            due_at: new Date(now.getTime() + rules.responderTimeoutMs),
          },
          'dispatched',
          { responder: tiers[0], ...(tiers.length > 1 ? { ladder: tiers.length } : {}), ...(askAll ? { askAll } : {}) },
          {
            // The responders are asked (and told) in the same transaction as the dispatch.
            within: async (c) => {
              await askResponders(c, {
                tenantId: user.tenantId,
                alertId: id,
                responders: (askAll ? tiers : tiers.slice(0, 1)).map((responder, position) => ({
                  responder,
                  position,
                })),
                askAll,
                note,
                at: now,
                withdrawEarlier: true,
              });
            },
          },
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
          // Recorded by the dispatcher (e.g. the responder phoned): the offers still asked are withdrawn.
          { within: (c) => endAskedOffers(c, id, 'withdrawn', now) },
        );
        break;
      case 'on_scene':
        // Care-home staff are on the premises: whoever claimed it goes to the room themselves,
        // without a dispatch (ON_SCENE_FROM_STAFF).
        updated = await step(
          user.role === 'institution_staff' ? ON_SCENE_FROM_STAFF : ['dispatched', 'accepted'],
          { status: 'on_scene', on_scene_at: now },
          'on_scene',
          {},
          {
            notify: [{ purpose: 'family_on_scene' }],
            within: (c) => endAskedOffers(c, id, 'withdrawn', now),
          },
        );
        void this.command(row.device_id, 'help_arriving', row.tenant_id, id);
        break;
      case 'resolve':
        updated = await step(
          ACTIVE_AFTER_ACK,
          { status: 'resolved', closed_at: now, outcome: body.outcome, due_at: null },
          'resolved',
          { outcome: body.outcome },
          {
            notify: [{ purpose: 'family_closed', data: { outcome: body.outcome } }],
            within: (c) => endAskedOffers(c, id, 'withdrawn', now),
          },
        );
        void this.command(row.device_id, 'alarm_closed', row.tenant_id, id);
        break;
      case 'cancel':
        if (!mayAct && row.status !== 'open' && row.status !== 'pending') throw forbidden();
        updated = await step(
          ['pending', 'open', ...ACTIVE_AFTER_ACK],
          { status: 'cancelled', closed_at: now, due_at: null },
          'cancelled',
          {},
          {
            // The family was told of the alarm only once it reached dispatch (not while pending).
            notify: row.opened_at ? [{ purpose: 'family_closed', data: { outcome: 'cancelled' } }] : [],
            within: (c) => endAskedOffers(c, id, 'withdrawn', now),
          },
        );
        void this.command(row.device_id, 'alarm_closed', row.tenant_id, id);
        break;
      case 'note':
        await this.d.repo.addAction(id, user.id, 'note', note, {}, now);
        updated = (await this.d.repo.get(id))!;
        break;
    }
    return this.publish(updated);
  }

  // ---- responders' own answers (signed link, push action, webhook callback, or logged in) -------

  /**
   * A responder answers an offer: exactly once (the offer moves from asked in the same transaction
   * as the incident). Accept moves a dispatched incident to accepted and withdraws the other offers
   * (first to accept wins); decline asks the next responder of a ladder at once.
   */
  async responderReply(p: {
    tenantId: string;
    alertId: string;
    offerId: string;
    answer: 'accept' | 'decline';
    note: string;
    via: string;
    actorId: string | null;
    responder: unknown;
  }): Promise<Alert> {
    const now = this.now();
    const takeOffer = (status: 'accepted' | 'declined') => async (c: PoolClient) => {
      if (!(await answerOffer(c, { offerId: p.offerId, status, at: now, via: p.via, note: p.note })))
        throw new OfferGone();
      if (status === 'accepted') await endAskedOffers(c, p.alertId, 'withdrawn', now);
    };
    const audit = (action: string, within: (c: PoolClient) => Promise<void>) => ({
      actorId: p.actorId,
      action,
      note: p.note,
      data: { responder: p.responder, via: p.via, offerId: p.offerId },
      at: now,
      within,
    });
    if (p.answer === 'accept') {
      const row = await this.d.repo.transition(
        p.alertId,
        p.tenantId,
        ['dispatched'],
        {
          status: 'accepted',
          accepted_at: now,
          responder: p.responder,
          due_at: new Date(now.getTime() + this.d.rules(p.tenantId).resolveEscalationMs),
        },
        audit('responder_accepted', takeOffer('accepted')),
      );
      if (!row) throw new OfferGone('the incident is no longer waiting for a responder');
      return this.publish(row);
    }
    const row = await this.d.repo.transition(
      p.alertId,
      p.tenantId,
      ['dispatched', 'accepted', 'acknowledged', 'contact_made', 'no_contact', 'on_scene'],
      {},
      audit('responder_declined', takeOffer('declined')),
    );
    if (!row) throw new OfferGone('the incident is closed');
    this.publish(row);
    // A ladder asks its next responder now rather than after the timeout.
    const next = await this.d.repo.advanceResponderLadders(now, this.d.rules(p.tenantId).responderTimeoutMs, p.alertId);
    for (const r of next) this.publish(r);
    return toAlert(next[0] ?? row);
  }

  /** A responder who accepted reports on my way / on scene / done (with a note). */
  async responderStep(p: {
    tenantId: string;
    alertId: string;
    offerId: string;
    step: 'on_my_way' | 'on_scene' | 'done';
    note: string;
    via: string;
    actorId: string | null;
    responder: unknown;
  }): Promise<Alert> {
    const now = this.now();
    const within = async (c: PoolClient) => {
      if (!(await setOfferStep(c, p.offerId, p.step)))
        throw new OfferGone('only the responder who accepted can report progress');
    };
    const audit = {
      actorId: p.actorId,
      action: `responder_${p.step}`,
      note: p.note,
      data: { responder: p.responder, via: p.via, offerId: p.offerId },
      at: now,
      within,
    };
    const row =
      p.step === 'on_scene'
        ? await this.d.repo.transition(
            p.alertId,
            p.tenantId,
            ['accepted'],
            { status: 'on_scene', on_scene_at: now },
            { ...audit, notify: [{ purpose: 'family_on_scene' }] },
          )
        : await this.d.repo.transition(
            p.alertId,
            p.tenantId,
            p.step === 'on_my_way' ? ['accepted'] : ['accepted', 'on_scene'],
            {},
            audit,
          );
    if (!row) throw conflict(`cannot report ${p.step.replaceAll('_', ' ')} now`);
    if (p.step === 'on_scene') void this.command(row.device_id, 'help_arriving', row.tenant_id, row.id);
    return this.publish(row);
  }

  isClosed(a: Alert): boolean {
    return CLOSED_STATUSES.includes(a.status);
  }
}
