/**
 * Device message ingest: topic → registry → JSON → shared zod schema → batch writers / event store.
 * Bad input of any kind is dead-lettered with its reason and counted; nothing here throws to the
 * MQTT layer. Returns a promise only when the caller must wait (back-pressure, or an event that
 * must be stored before it is acknowledged to the broker). The alarm's awaited path reads top to
 * bottom here: handle → handleKnown → onEvent → recordEvent → storeEvent → the alarm pipeline.
 * Its parts: what it hands messages to (ingest.ports.ts), dead letters (dead-letters.ts), the
 * devices' latest state (device-states.ts), the outage guard on storing an event (store-timeout.ts).
 */
import {
  MAX_PAYLOAD_BYTES,
  isPlausibleTs,
  parseTopic,
  schemaForKind,
  topicFor,
  type DeviceEvent,
  type DeviceStatus,
  type Telemetry,
} from '@eldercare/shared';
import type { EventBus } from '../bus.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { DeviceRegistry, DeviceStateUpdate, RegisteredDevice } from '../modules/devices/device-registry.js';
import type { IngestRepo } from './ingest.repo.js';
import { isConnectionError } from '../db/errors.js';
import { followedByCancel } from './spool.js';
import type { AlarmSink, DegradedMode, IngestWriters } from './ingest.ports.js';
import { DeadLetters } from './dead-letters.js';
import { DeviceStates } from './device-states.js';
import { withStoreTimeout } from './store-timeout.js';

const MAX_CONCURRENT_LOOKUPS = 256;

export class IngestService {
  /** Latest state per device, applied to the registry table in one statement per flush. */
  private readonly states = new DeviceStates();
  private readonly dead: DeadLetters;
  private lookups = 0;
  private replaying = false;

  constructor(
    private readonly registry: DeviceRegistry,
    private readonly writers: IngestWriters,
    private readonly repo: IngestRepo,
    private readonly bus: EventBus,
    private readonly metrics: Metrics,
    private readonly clock: Clock,
    private readonly log: Logger,
    /** The alarm pipeline: every checked device message goes there (events awaited, retried until they succeed). */
    private readonly alarms?: AlarmSink,
    private readonly degraded?: DegradedMode,
  ) {
    this.dead = new DeadLetters(writers.deadLetters, metrics, clock, log);
  }

  handle(topic: string, payload: Buffer): void | Promise<void> {
    try {
      const t = parseTopic(topic);
      if (!t) return this.dead.put(topic, null, 'unknown topic', payload);
      if (payload.length > MAX_PAYLOAD_BYTES) {
        return this.dead.put(
          topic,
          t.deviceId,
          `payload too large (${payload.length} > ${MAX_PAYLOAD_BYTES} bytes)`,
          payload,
        );
      }
      const device = this.registry.peek(t.deviceId);
      if (!device) {
        // A device this hub has not cached (registered through another hub, or unknown): look it
        // up without holding up everyone else's messages — except events, which must be stored
        // before the broker's acknowledgement — and without unbounded concurrency.
        const work = this.handleUncached(topic, t.deviceId, payload)
          .catch((err: Error) => {
            this.metrics.handlerErrors.inc({ where: 'ingest' });
            this.log.error({ err }, 'ingest of an uncached device failed');
          })
          .finally(() => this.lookups--);
        this.lookups++;
        if (t.kind === 'events' || this.lookups > MAX_CONCURRENT_LOOKUPS) return work;
        return;
      }
      return this.handleKnown(topic, device, t.kind, payload);
    } catch (err) {
      this.metrics.handlerErrors.inc({ where: 'ingest' });
      this.log.error({ err, topic: topic.slice(0, 200) }, 'ingest failed');
      return this.dead.put(topic, null, 'internal error', payload);
    }
  }

  private async handleUncached(topic: string, deviceId: string, payload: Buffer): Promise<void> {
    const t = parseTopic(topic)!;
    let device: RegisteredDevice | undefined;
    try {
      device = await this.registry.get(deviceId);
    } catch (err) {
      // The database is unreachable: an event of a device this hub has not cached is spooled as
      // it is (no provisional alarm: whose it is stays unknown until the replay looks it up).
      if (t.kind === 'events' && this.degraded && isConnectionError(err))
        return this.spoolUncached(topic, deviceId, payload);
      device = undefined;
    }
    if (!device) return this.dead.put(topic, deviceId, 'unknown device', payload);
    return this.handleKnown(topic, device, t.kind, payload);
  }

  private handleKnown(
    topic: string,
    device: RegisteredDevice,
    kind: 'telemetry' | 'events' | 'status',
    payload: Buffer,
  ): void | Promise<void> {
    let json: unknown;
    const text = payload.toString('utf8');
    try {
      json = JSON.parse(text);
    } catch {
      return this.dead.put(topic, device.id, 'bad JSON', payload);
    }
    // PostgreSQL text and jsonb cannot hold U+0000: such a message would fail its write forever.
    if (text.includes('\\u0000'))
      return this.dead.put(topic, device.id, 'NUL character (\\u0000) not allowed', payload);
    const parsed = schemaForKind[kind].safeParse(json);
    if (!parsed.success) {
      const reason = parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; ');
      return this.dead.put(topic, device.id, `invalid ${kind}: ${reason}`, payload);
    }
    const receivedAt = this.clock.now();
    this.metrics.messages.inc({ kind });
    switch (kind) {
      case 'telemetry':
        return this.onTelemetry(device, parsed.data as Telemetry, receivedAt);
      case 'status':
        return this.onStatus(device, parsed.data as DeviceStatus, receivedAt);
      case 'events':
        return this.onEvent(device, parsed.data as DeviceEvent, receivedAt);
    }
  }

  /** Hands over and clears the device states collected since the last call. */
  takeDeviceStates(): DeviceStateUpdate[] {
    return this.states.take();
  }

  private onTelemetry(device: RegisteredDevice, t: Telemetry, receivedAt: number): void | Promise<void> {
    this.states.touch(device, receivedAt);
    const ts = new Date(t.ts);
    let room = true;
    for (const [metric, value] of Object.entries(t.readings)) {
      room = this.writers.readings.push({
        ts,
        deviceId: device.id,
        residentId: device.residentId,
        metric,
        value: value!,
      });
    }
    this.alarms?.telemetry(device, t, receivedAt);
    this.bus.emit('device.telemetry', { device, telemetry: t, receivedAt });
    if (!room) return this.writers.readings.waitForSpace();
  }

  private onStatus(device: RegisteredDevice, s: DeviceStatus, receivedAt: number): void | Promise<void> {
    this.states.touch(device, receivedAt, s);
    const room = this.writers.statuses.push({
      ts: new Date(s.ts ?? receivedAt),
      deviceId: device.id,
      online: s.online,
      // smallint columns: a device may report 87.5 %
      battery: s.battery != null ? Math.round(s.battery) : null,
      signal: s.signal != null ? Math.round(s.signal) : null,
      firmware: s.firmware ?? null,
    });
    this.alarms?.status(device, s, receivedAt);
    this.bus.emit('device.status', { device, status: s, receivedAt });
    if (!room) return this.writers.statuses.waitForSpace();
  }

  /**
   * Events are stored (exactly once) and their alert raised before the broker gets its
   * acknowledgement. When the database is unreachable they are spooled durably instead (degraded
   * mode), and while anything is spooled new events queue behind it, so the order is kept. An
   * alarm that opens at once is announced to the screens first (early notice), so they need not
   * wait for the database.
   */
  private async onEvent(device: RegisteredDevice, e: DeviceEvent, receivedAt: number): Promise<void> {
    this.states.touch(device, receivedAt);
    // While spooling, the spool's provisional alarm is the live notice.
    const announced = !this.spooling && this.announce(device, e, receivedAt);
    try {
      await this.recordEvent(device, e, receivedAt);
    } finally {
      if (announced) this.settle(device, e);
    }
  }

  private announce(device: RegisteredDevice, e: DeviceEvent, receivedAt: number): boolean {
    try {
      return this.alarms?.announce(device, e, receivedAt) ?? false;
    } catch (err) {
      this.metrics.handlerErrors.inc({ where: 'early-notice' });
      this.log.error({ err }, 'early alarm notice failed');
      return false;
    }
  }

  private settle(device: RegisteredDevice, e: DeviceEvent): void {
    try {
      this.alarms?.settled(device, e);
    } catch (err) {
      this.metrics.handlerErrors.inc({ where: 'early-notice' });
      this.log.error({ err }, 'early alarm notice failed');
    }
  }

  private async recordEvent(device: RegisteredDevice, e: DeviceEvent, receivedAt: number): Promise<void> {
    if (this.degraded?.spool.active && (await this.spoolEvent(device, e, receivedAt))) return;
    for (let attempt = 0; ; attempt++) {
      try {
        await (this.degraded
          ? withStoreTimeout(
              () => this.storeEvent(device, e, receivedAt),
              () => this.degraded?.stillWorking?.() ?? false,
            )
          : this.storeEvent(device, e, receivedAt));
        return;
      } catch (err) {
        this.metrics.dbErrors.inc({ table: 'device_events' });
        if (this.degraded && isConnectionError(err)) {
          this.log.warn({ err, deviceId: device.id }, 'database unreachable: event spooled');
          if (await this.spoolEvent(device, e, receivedAt)) return;
        } else {
          this.log.error({ err, deviceId: device.id, attempt }, 'handling device event failed; retrying');
        }
        if (attempt >= 20) {
          // Never stall the whole pipeline on one event: park it where an operator will see it.
          return this.dead.put(
            topicFor(device.id, 'events'),
            device.id,
            `event handling failed: ${(err as Error).message}`,
            Buffer.from(JSON.stringify(e)),
          );
        }
        await new Promise((r) => setTimeout(r, Math.min(100 * 2 ** attempt, 5_000)));
      }
    }
  }

  /** The normal path: store once, then the (idempotent) alert engine. Throws on any failure. */
  private async storeEvent(
    device: RegisteredDevice,
    e: DeviceEvent,
    receivedAt: number,
    cancelFollows = false,
  ): Promise<void> {
    const fresh = await this.repo.insertEventOnce({
      // A device clock far off (1970, or days ahead) files the event by its receipt; `body` keeps the device's ts.
      ts: new Date(isPlausibleTs(e.ts, receivedAt) ? e.ts : receivedAt),
      receivedAt: new Date(receivedAt),
      deviceId: device.id,
      residentId: device.residentId,
      eventId: e.eventId,
      type: e.type,
      body: e,
    });
    if (fresh) this.metrics.rowsWritten.inc({ table: 'device_events' });
    else this.metrics.duplicateEvents.inc();
    // The alert is raised before the broker gets its acknowledgement; the pipeline is idempotent.
    await this.alarms?.event(device, e, { fresh, receivedAt, cancelFollows });
  }

  /** Appends the event to the spool and shows it live; false when even the spool failed (disk). */
  private async spoolEvent(device: RegisteredDevice, e: DeviceEvent, receivedAt: number): Promise<boolean> {
    try {
      await this.degraded!.spool.append({ deviceId: device.id, receivedAt, event: e });
    } catch (err) {
      this.metrics.handlerErrors.inc({ where: 'spool' });
      this.log.error({ err }, 'could not spool an event; retrying the database');
      return false;
    }
    this.metrics.spooledEvents.inc();
    try {
      this.alarms?.provisional(device, e, receivedAt);
    } catch (err) {
      this.metrics.handlerErrors.inc({ where: 'provisional' });
      this.log.error({ err }, 'provisional alert failed');
    }
    return true;
  }

  private async spoolUncached(topic: string, deviceId: string, payload: Buffer): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(payload.toString('utf8'));
    } catch {
      return this.dead.put(topic, deviceId, 'bad JSON', payload);
    }
    const parsed = schemaForKind.events.safeParse(json);
    if (!parsed.success || payload.toString('utf8').includes('\\u0000'))
      return this.dead.put(topic, deviceId, 'invalid events: (checked again after the outage)', payload);
    await this.degraded!.spool.append({ deviceId, receivedAt: this.clock.now(), event: parsed.data as DeviceEvent });
    this.metrics.spooledEvents.inc();
  }

  /** True while events are being spooled (the database was unreachable) and not yet replayed. */
  get spooling(): boolean {
    return !!this.degraded?.spool.active;
  }

  /**
   * Replays the spool through the normal path once `probe` (a trivial query) succeeds. Called every
   * second; returns the number of events replayed. Stops at the first connection error (the file
   * stays); an event the database refuses as data is dead-lettered.
   */
  async replaySpool(probe: () => Promise<unknown>): Promise<number> {
    const d = this.degraded;
    if (!d || !d.spool.active || this.replaying) return 0;
    this.replaying = true;
    try {
      await withStoreTimeout(probe);
      const n = await d.spool.drain(async (records) => {
        // A fall whose cancel window ended during the outage opens at once, unless its cancel is here too.
        const cancelled = followedByCancel(records);
        for (const r of records) {
          const device = this.registry.peek(r.deviceId) ?? (await this.registry.get(r.deviceId));
          if (!device) {
            await this.dead.put(
              topicFor(r.deviceId, 'events'),
              r.deviceId,
              'unknown device',
              Buffer.from(JSON.stringify(r.event)),
            );
            continue;
          }
          try {
            await withStoreTimeout(() => this.storeEvent(device, r.event, r.receivedAt, cancelled.has(r)));
          } catch (err) {
            if (isConnectionError(err)) throw err;
            await this.dead.put(
              topicFor(device.id, 'events'),
              device.id,
              `event handling failed: ${(err as Error).message}`,
              Buffer.from(JSON.stringify(r.event)),
            );
          }
        }
        this.alarms?.replayed(records);
      });
      if (n) {
        this.metrics.replayedEvents.inc(n);
        this.log.info({ events: n }, 'database back: spooled events replayed');
      }
      return n;
    } catch (err) {
      if (!isConnectionError(err)) {
        this.metrics.handlerErrors.inc({ where: 'spool-replay' });
        this.log.error({ err }, 'spool replay failed');
      }
      return 0;
    } finally {
      this.replaying = false;
    }
  }
}
