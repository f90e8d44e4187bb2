/**
 * The rule engine: what a device's events, readings and status mean — an alarm (or a fold into the
 * open incident), a cancel by the elder, vitals out of range, a device offline, low on battery, with
 * a wrong clock, or storming — and the incidents other modules raise (a welfare concern from a
 * visit, a missed meal). It raises through the AlertRaiser; the alarm pipeline calls it.
 */
import {
  isAlarmKind,
  localHour,
  type Alert,
  type AlertKind,
  type DeviceEvent,
  type DeviceStatus,
  type ProvisionalAlert,
  type Severity,
  type Telemetry,
  SYSTEM_LIFECYCLE,
} from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import type { RegisteredDevice } from '../devices/device-registry.js';
import { ClockSkewMonitor } from './clock-skew.js';
import { VitalsMonitor, cancelWindowTiming, classifyEvent, type AlertRules } from './alert-rules.js';
import type { AlertsRepo } from './alerts.repo.js';
import type { DeviceHealthRepo } from './device-health.repo.js';
import type { AlertRaiser } from './alert-raiser.js';
import type { DeviceCommands } from './device-commands.js';
import { TITLES, type EventDelivery } from './alert-model.js';

const STORM_WINDOW_MS = 60_000;

export class AlertEngine {
  private readonly vitals = new VitalsMonitor();
  private readonly eventRate = new Map<string, { windowStart: number; count: number; flagged: boolean }>();
  private readonly clocks = new ClockSkewMonitor();
  /** Devices with an open device-offline alert, so an "online" status can close it cheaply. */
  private offlineDevices = new Set<string>();

  constructor(
    private readonly d: {
      repo: Pick<AlertsRepo, 'transition' | 'addAction' | 'get'>;
      health: DeviceHealthRepo;
      raiser: AlertRaiser;
      commands: DeviceCommands;
      clock: Clock;
      log: Logger;
      rules(tenantId: string): AlertRules;
      timeZone(tenantId: string): string;
    },
  ) {}

  private now(): Date {
    return new Date(this.d.clock.now());
  }

  /** A device whose offline alert is open (raised by any hub), or all of them at once. */
  noteOffline(deviceId: string): void {
    this.offlineDevices.add(deviceId);
  }

  setOffline(deviceIds: string[]): void {
    this.offlineDevices = new Set(deviceIds);
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
    const cached = this.d.raiser.cachedResident(device.residentId);
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

  /** A device's clock, checked against the hub's at receipt of each message: off too far → a device-health item. */
  private async checkClock(device: RegisteredDevice, deviceTs: number, receivedAt: number): Promise<void> {
    const rules = this.d.rules(device.tenantId);
    const v = this.clocks.observe(device.id, deviceTs, receivedAt, rules.clockSkewLimitMs);
    if (!v) return;
    this.d.log.warn({ deviceId: device.id, skewMs: v.skewMs }, 'device clock wrong');
    // A failure here must never fail (and so repeat) the handling of the message that showed it.
    await this.d.raiser
      .raise(
        device,
        { kind: 'clock_wrong', severity: 'low', queue: 'device_health' },
        {
          ts: new Date(receivedAt),
          eventId: null,
          type: 'clock_wrong',
          detail: { skewSeconds: Math.round(v.skewMs / 1000), deviceTime: new Date(deviceTs).toISOString() },
        },
        { receivedAt },
      )
      .catch((err: Error) => this.d.log.warn({ deviceId: device.id, err }, 'clock report not raised'));
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
    const ctx = await this.d.raiser.resident(device.residentId);
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
        await this.d.raiser.raise(
          device,
          { kind: 'device_storm', severity: 'medium', queue: 'device_health' },
          { ts, eventId: null, type: 'storm', detail: { perMinute: rules.stormPerMinute } },
          { receivedAt },
        );
        const active = await this.d.health.findCancellable(device.tenantId, device.id, undefined);
        if (active) {
          const row = await this.d.health.setFlagged(active.id, this.now());
          if (row) this.d.raiser.publish(row);
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
    await this.d.raiser.raise(
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
    const target = await this.d.health.findCancellable(
      device.tenantId,
      device.id,
      e.cancels,
      e.cancels ? undefined : at,
    );
    if (!target) return;
    if (target.status === 'pending' || target.status === 'open') {
      const row = await this.d.repo.transition(
        target.id,
        device.tenantId,
        SYSTEM_LIFECYCLE.elder_cancel.from,
        { status: SYSTEM_LIFECYCLE.elder_cancel.to, closedAt: at, dueAt: null, outcome: 'false_alarm' },
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
        this.d.raiser.publish(row);
        void this.d.commands.send(device.id, 'alarm_closed', device.tenantId, row.id);
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
    if (row) this.d.raiser.publish(row);
  }

  async onTelemetry(device: RegisteredDevice, t: Telemetry, receivedAt = this.d.clock.now()): Promise<void> {
    await this.checkClock(device, t.ts, receivedAt);
    if (!device.residentId) return;
    const ctx = await this.d.raiser.resident(device.residentId);
    if (!ctx) return;
    const rules = this.d.rules(device.tenantId);
    const thresholds = { ...rules.vitals, ...(ctx.thresholds as Partial<AlertRules['vitals']>) };
    for (const [metric, value] of Object.entries(t.readings)) {
      const hit = this.vitals.observe(device.residentId, metric, value!, t.ts, thresholds, rules.vitalsSustainMs);
      if (hit) {
        await this.d.raiser.raise(
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
      await this.d.raiser.raise(
        device,
        { kind: 'device_offline', severity: 'medium', queue: 'device_health' },
        { ts, eventId: null, type: 'offline', detail: {} },
        { receivedAt },
      );
      this.noteOffline(device.id);
      return;
    }
    if (this.offlineDevices.has(device.id)) {
      this.offlineDevices.delete(device.id);
      await this.closeDeviceHealth(device, 'device_offline', 'back_online', ts);
    }
    if (s.battery !== undefined && s.battery <= rules.lowBatteryPct) {
      await this.d.raiser.raise(
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
    const alert = await this.d.health.activeDeviceHealthAlert(device.tenantId, device.id, kind);
    if (!alert) return;
    const row = await this.d.repo.transition(
      alert.id,
      device.tenantId,
      SYSTEM_LIFECYCLE.device_cleared.from,
      { status: SYSTEM_LIFECYCLE.device_cleared.to, closedAt: at, dueAt: null, outcome: 'no_action_needed' },
      { actorId: null, action, note: '', data: { deviceId: device.id }, at },
    );
    if (row) this.d.raiser.publish(row);
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
    return this.d.raiser.raise(
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
    return this.d.raiser.raise(
      { id: null, tenantId: c.tenantId, residentId: c.residentId, institutionId: c.institutionId },
      { kind: 'missed_meal', severity: c.severity, queue: 'emergency' },
      { ts: this.now(), eventId: null, type: 'missed_meal', detail: c.detail },
    );
  }

  // ---- dispatch API -------------------------------------------------------------------------
}
