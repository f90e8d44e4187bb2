/**
 * Typed in-process event bus for observers of the device traffic (the district-day run counts what
 * the hub saw). The alarm path does not go through it: ingest hands every message to the alarm
 * pipeline directly (modules/alerts/alarm-pipeline.ts). Every listener is wrapped: one failing
 * listener is logged and counted and never takes the hub (or the other listeners) down.
 */
import type { DeviceStatus, Telemetry } from '@eldercare/shared';
import type { RegisteredDevice } from './modules/devices/device-registry.js';
import type { Logger } from './logger.js';

export interface BusEvents {
  'device.telemetry': { device: RegisteredDevice; telemetry: Telemetry; receivedAt: number };
  'device.status': { device: RegisteredDevice; status: DeviceStatus; receivedAt: number };
}

type Listener<K extends keyof BusEvents> = (payload: BusEvents[K]) => void | Promise<void>;

export class EventBus {
  private readonly listeners: { [K in keyof BusEvents]?: Listener<K>[] } = {};

  constructor(
    private readonly log: Logger,
    private readonly onError?: (where: string) => void,
  ) {}

  on<K extends keyof BusEvents>(event: K, listener: Listener<K>): () => void {
    const list = (this.listeners[event] ??= []) as Listener<K>[];
    list.push(listener);
    return () => list.splice(list.indexOf(listener), 1);
  }

  emit<K extends keyof BusEvents>(event: K, payload: BusEvents[K]): void {
    for (const l of (this.listeners[event] ?? []) as Listener<K>[]) {
      try {
        const r = l(payload);
        if (r instanceof Promise) r.catch((err: unknown) => this.fail(event, err));
      } catch (err) {
        this.fail(event, err);
      }
    }
  }

  private fail(event: string, err: unknown): void {
    this.log.error({ event, err }, 'bus listener failed');
    this.onError?.(`bus:${event}`);
  }
}
