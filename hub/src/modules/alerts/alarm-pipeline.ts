/**
 * The alarm's way through the hub, top to bottom. Ingest (ingest/ingest.service.ts) has checked a
 * device message — its topic, its device, its schema — and hands it here; this is the only way
 * device traffic reaches alerts.
 *
 *   1. announce   An alarm that opens at once is pushed to the screens the moment it arrives, from
 *                 what the hub holds in memory (early notice), before anything waits for the database.
 *   2. event      Ingest has stored the event exactly once; its alert is raised (or folded, or a
 *                 cancel applied) by the rule engine. Ingest awaits this: the device's PUBACK is sent
 *                 only after it, so an alarm the broker acknowledged is an alarm on the board.
 *   3. settled    The early notice is taken away (the incident itself is on the screens now).
 *
 *   Outage mode   The database is unreachable: ingest spools the event on disk instead, and it is
 *                 shown live as a provisional alarm (`provisional`) until the replay of the spool has
 *                 taken it through step 2 (`replayed`).
 *
 *   Telemetry and status go to the rule engine too (vitals out of range, offline, low battery,
 *   clock wrong), not awaited: a failure there is logged and counted and holds nothing up.
 *
 * Every send to a screen goes through the gateway (alerts.gateway.ts).
 */
import type { DeviceEvent, DeviceStatus, Telemetry } from '@eldercare/shared';
import type { Logger } from '../../logger.js';
import type { Metrics } from '../../metrics.js';
import type { RegisteredDevice } from '../devices/device-registry.js';
import type { SpooledEvent } from '../../ingest/spool.js';
import type { AlertEngine } from './alert-engine.service.js';
import type { EventDelivery } from './alert-model.js';
import type { EarlyNotices } from './early-notices.js';
import type { ProvisionalBoard } from './provisional-board.js';

export class AlarmPipeline {
  constructor(
    private readonly d: {
      engine: AlertEngine;
      early: EarlyNotices;
      provisionalBoard: ProvisionalBoard;
      metrics: Metrics;
      log: Logger;
    },
  ) {}

  /** 1. Early notice: true when the alarm was announced (then `settled` must follow). */
  announce(device: RegisteredDevice, event: DeviceEvent, receivedAt: number): boolean {
    const notice = this.d.engine.incoming(device, event, receivedAt);
    if (!notice) return false;
    this.d.early.announce(notice, device.tenantId);
    this.d.metrics.earlyNotices.inc();
    return true;
  }

  /** 2. The stored event raises its alert. Idempotent: a redelivery (`fresh` false) changes nothing. */
  async event(device: RegisteredDevice, event: DeviceEvent, delivery: EventDelivery): Promise<void> {
    await this.d.engine.onDeviceEvent(device, event, delivery);
  }

  /** 3. The announced alarm was stored and raised, spooled, or set aside. */
  settled(device: RegisteredDevice, event: DeviceEvent): void {
    this.d.early.done(`${device.id}:${event.eventId}`);
  }

  /** Outage mode: the event was spooled, not stored; shown live until the replay. */
  provisional(device: RegisteredDevice, event: DeviceEvent, receivedAt: number): void {
    const p = this.d.engine.provisional(device, event, receivedAt);
    if (!p) return;
    this.d.metrics.provisionalAlerts.inc();
    this.d.log.warn({ deviceId: device.id, kind: p.kind }, 'database unreachable: provisional alarm sent live');
    this.d.provisionalBoard.add(p, device.tenantId);
  }

  /** The spooled events went through step 2: their provisional alarms leave every screen. */
  replayed(records: SpooledEvent[]): void {
    this.d.provisionalBoard.clear(records.map((r) => `${r.deviceId}:${r.event.eventId}`));
  }

  telemetry(device: RegisteredDevice, telemetry: Telemetry, receivedAt: number): void {
    this.background('telemetry', this.d.engine.onTelemetry(device, telemetry, receivedAt));
  }

  status(device: RegisteredDevice, status: DeviceStatus, receivedAt: number): void {
    this.background('status', this.d.engine.onStatus(device, status, receivedAt));
  }

  private background(what: 'telemetry' | 'status', work: Promise<void>): void {
    work.catch((err: unknown) => {
      this.d.log.error({ err, what }, 'alert rules on device traffic failed');
      this.d.metrics.handlerErrors.inc({ where: `alerts:${what}` });
    });
  }
}
