/**
 * One simulated device, and the MQTT connection(s) that carry it. By default every device is its
 * own MQTT client (clientId = username = device id, its own password, the retained status topic
 * as its last will), exactly like a real device. With multiplexing, one connection carries K
 * devices (for load generation; needs a broker user allowed to publish under every device id).
 */
import { randomBytes } from 'node:crypto';
import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import {
  deviceCommandSchema,
  topicFor,
  type DeviceCommand,
  type DeviceEventInput,
  type EventType,
} from '@eldercare/shared';
import type { DeviceSpec } from './fleet.js';
import {
  OFFLINE_WILL,
  eventPayload,
  readingsFor,
  statusPayload,
  telemetryPayload,
  type BadPayload,
} from './payloads.js';
import type { Rng } from './rng.js';
import {
  BATTERY_DRAIN_PER_DAY,
  activityLevel,
  batteryLevel,
  isAsleep,
  isInBed,
  localHour,
  type Profile,
} from './signals.js';

export interface Counters {
  telemetry: number;
  events: number;
  status: number;
  bad: number;
  commands: number;
  commandsInvalid: number;
  errors: number;
  connectFailures: number;
  /** Devices on a live connection now, and the most at any time. */
  connected: number;
  connectedPeak: number;
  eventsByType: Record<string, number>;
  commandsByType: Record<string, number>;
}

export function newCounters(): Counters {
  return {
    telemetry: 0,
    events: 0,
    status: 0,
    bad: 0,
    commands: 0,
    commandsInvalid: 0,
    errors: 0,
    connectFailures: 0,
    connected: 0,
    connectedPeak: 0,
    eventsByType: {},
    commandsByType: {},
  };
}

/** What the devices share: the simulated clock, counters and reporting hooks. */
export interface SimEnv {
  counters: Counters;
  /** Simulated time now (ms); signals follow it, payload timestamps stay real. */
  simNow(): number;
  speed: number;
  tzOffsetMin: number;
  telemetryIntervalMs: number;
  /** Every device sends telemetry every base interval instead of its type's own pace. */
  uniformTelemetry: boolean;
  telemetryQos: 0 | 1;
  /** On stop, also clear each device's retained status (so a load test leaves no trace on the broker). */
  clearRetained?: boolean;
  /** Unique per run, so event ids never repeat across runs of the same seed. */
  runNonce: string;
  onCommand?(deviceId: string, command: DeviceCommand): void;
  onError?(message: string): void;
}

export interface Credentials {
  username: string;
  clientId: string;
  password: string;
}

export interface LinkOptions {
  url: string;
  protocolVersion: 4 | 5;
  /** For a dedicated link: the device's own credentials (absent when anonymous). */
  credentials?: Credentials;
  /** For a multiplexed link: a broker user allowed to speak for all of its devices. */
  username?: string;
  password?: string;
  clientId: string;
}

const isAuthError = (code: unknown) => code === 4 || code === 5 || code === 134 || code === 135;

/** One MQTT connection carrying one device (dedicated) or several (multiplexed). */
export class MqttLink {
  client: MqttClient | null = null;
  connected = false;
  failed = false;
  readonly devices = new Map<string, SimDevice>();
  private closing = false;

  constructor(
    private readonly opts: LinkOptions,
    private readonly env: SimEnv,
    readonly multiplexed: boolean,
  ) {}

  add(device: SimDevice): void {
    this.devices.set(device.id, device);
    device.link = this;
  }

  start(): void {
    if (this.client || this.closing) return;
    const first = this.devices.values().next().value;
    const o: IClientOptions = {
      clientId: this.opts.clientId,
      protocolVersion: this.opts.protocolVersion,
      clean: true,
      keepalive: 30,
      connectTimeout: 15_000,
      reconnectPeriod: 2000 + Math.floor(Math.random() * 2000),
      queueQoSZero: false,
    };
    if (this.opts.credentials) {
      o.username = this.opts.credentials.username;
      o.password = this.opts.credentials.password;
    } else if (this.opts.username) {
      o.username = this.opts.username;
      if (this.opts.password !== undefined) o.password = this.opts.password;
    }
    if (!this.multiplexed && first) {
      // The broker publishes this, retained, if the device vanishes without a clean goodbye.
      o.will = {
        topic: topicFor(first.id, 'status'),
        payload: Buffer.from(JSON.stringify(OFFLINE_WILL)),
        qos: 1,
        retain: true,
      };
    }
    const client = connect(this.opts.url, o);
    this.client = client;
    client.on('connect', () => {
      this.connected = true;
      const c = this.env.counters;
      c.connected += this.devices.size;
      c.connectedPeak = Math.max(c.connectedPeak, c.connected);
      const topics = [...this.devices.keys()].map((id) => topicFor(id, 'commands'));
      client.subscribe(topics, { qos: 1 }, (err) => {
        if (err) this.error(`subscribe ${this.opts.clientId}: ${err.message}`);
      });
      for (const d of this.devices.values()) d.onConnected();
    });
    client.on('close', () => this.markDown());
    client.on('error', (err: Error & { code?: unknown }) => {
      if (isAuthError(err.code)) {
        this.failed = true;
        this.env.counters.connectFailures++;
        this.error(`${this.opts.clientId}: ${err.message}`);
        client.end(true);
        return;
      }
      this.error(`${this.opts.clientId}: ${err.message}`);
    });
    client.on('message', (topic, payload) => {
      const id = topic.split('/')[3];
      const d = id ? this.devices.get(id) : undefined;
      if (d) d.onCommand(payload);
    });
  }

  publish(topic: string, payload: string | Buffer, qos: 0 | 1, retain = false): Promise<boolean> {
    const client = this.client;
    if (!client || !this.connected) return Promise.resolve(false);
    return new Promise((resolve) => {
      client.publish(topic, payload, { qos, retain }, (err) => {
        if (err) {
          this.error(`publish ${topic}: ${err.message}`);
          resolve(false);
        } else resolve(true);
      });
    });
  }

  private markDown(): void {
    if (!this.connected) return;
    this.connected = false;
    this.env.counters.connected -= this.devices.size;
    for (const d of this.devices.values()) d.onDisconnected();
  }

  /** Drops the connection without DISCONNECT, so the broker publishes the last will. */
  kill(): void {
    this.closing = true;
    this.markDown();
    if (this.client) this.client.end(true);
  }

  /** A new connection after kill(). */
  revive(): void {
    this.closing = false;
    this.client?.removeAllListeners();
    this.client = null;
    this.start();
  }

  /** Clean goodbye: retained offline status for every device, then DISCONNECT. */
  async stop(timeoutMs = 3000): Promise<void> {
    this.closing = true;
    const client = this.client;
    if (!client) return;
    if (this.connected) {
      const ts = Date.now();
      await Promise.race([
        Promise.all(
          [...this.devices.values()].map((d) => {
            d.stopTimers();
            return d.publishRaw('status', JSON.stringify({ ts, online: false }), 1, true).then(async (ok) => {
              if (ok) this.env.counters.status++;
              // Load-test hygiene: an empty retained message removes the retained status.
              if (this.env.clearRetained) await d.publishRaw('status', '', 1, true);
            });
          }),
        ),
        new Promise((r) => setTimeout(r, timeoutMs)),
      ]);
    }
    for (const d of this.devices.values()) d.stopTimers();
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        client.end(true);
        resolve();
      }, timeoutMs);
      client.end(false, {}, () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.markDown();
  }

  private error(message: string): void {
    this.env.counters.errors++;
    this.env.onError?.(message);
  }
}

const MIN = 60_000;

/** One simulated device: its state, its telemetry, its everyday events, its command handling. */
export class SimDevice {
  readonly id: string;
  readonly type: DeviceSpec['type'];
  link: MqttLink | null = null;
  battery: number;
  /** Quiet-house scenario: no motion, no steps, no motion events. */
  quiet = false;
  /** Silent: publishes nothing (multiplexed stand-in for "offline"). */
  silent = false;
  /** Wandering scenario (GPS): distance grows from `since`. */
  wander: { since: number; bearing: number; until: number } | null = null;
  /** Scenario override of the battery level. */
  batteryOverride: number | null = null;
  commandsReceived = 0;
  lastCommand: DeviceCommand | null = null;

  private seq = 0;
  private timer: NodeJS.Timeout | null = null;
  private firstTimer: NodeJS.Timeout | null = null;
  private extraTimers = new Set<NodeJS.Timeout>();
  private intervalMs: number;
  private readonly simStart: number;
  private lastInBed: boolean | null = null;
  private lastMotionEventSim = -Infinity;
  private lastStatusBattery = -1;
  private lowBatterySent = false;
  private doorOpen = false;

  constructor(
    readonly spec: DeviceSpec,
    readonly profile: Profile,
    private readonly rng: Rng,
    private readonly env: SimEnv,
  ) {
    this.id = spec.id;
    this.type = spec.type;
    this.battery = spec.initialBattery;
    this.intervalMs = env.telemetryIntervalMs * (env.uniformTelemetry ? 1 : spec.telemetryEvery);
    this.simStart = env.simNow();
  }

  get connected(): boolean {
    return !!this.link?.connected && !this.silent;
  }

  onConnected(): void {
    this.updateBattery();
    void this.publishStatus();
    this.schedule();
  }

  onDisconnected(): void {
    this.stopTimers(false);
  }

  stopTimers(all = true): void {
    if (this.firstTimer) clearTimeout(this.firstTimer);
    if (this.timer) clearInterval(this.timer);
    this.firstTimer = this.timer = null;
    if (all) {
      for (const t of this.extraTimers) clearTimeout(t);
      this.extraTimers.clear();
    }
  }

  /** A one-off timer that stopTimers() clears. */
  later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.extraTimers.delete(t);
      fn();
    }, ms);
    this.extraTimers.add(t);
  }

  private schedule(): void {
    this.stopTimers(false);
    // Spread the devices over the interval so they do not all publish in the same millisecond.
    this.firstTimer = setTimeout(
      () => {
        this.firstTimer = null;
        this.tick();
        this.timer = setInterval(() => this.tick(), this.intervalMs);
      },
      Math.floor(this.rng.next() * this.intervalMs),
    );
  }

  private updateBattery(): void {
    const elapsed = this.env.simNow() - this.simStart;
    this.battery = this.batteryOverride ?? batteryFor(this.spec, elapsed);
  }

  /** One telemetry interval: readings, and the everyday events of a normal day. */
  tick(): void {
    if (!this.connected) return;
    const simNow = this.env.simNow();
    const hour = localHour(simNow, this.env.tzOffsetMin);
    this.updateBattery();
    const intervalSimMs = this.intervalMs * this.env.speed;
    let wander: { metres: number; bearing: number } | null = null;
    if (this.wander) {
      const now = Date.now();
      if (now > this.wander.until) this.wander = null;
      else
        wander = {
          metres: Math.min(5000, 150 + ((now - this.wander.since) / 1000) * 1.2 * this.env.speed),
          bearing: this.wander.bearing,
        };
    }
    const readings = readingsFor({
      spec: this.spec,
      profile: this.profile,
      hour,
      intervalSimMs,
      battery: this.battery,
      rng: this.rng,
      quiet: this.quiet,
      wander,
    });
    void this.publishRaw(
      'telemetry',
      JSON.stringify(telemetryPayload(Date.now(), readings)),
      this.env.telemetryQos,
    ).then((ok) => {
      if (ok) this.env.counters.telemetry++;
    });

    // Everyday events.
    if (this.type === 'bed_sensor') {
      const inBed = isInBed(hour, this.profile);
      if (this.lastInBed !== null && inBed !== this.lastInBed) void this.sendEvent(inBed ? 'bed_enter' : 'bed_exit');
      this.lastInBed = inBed;
    } else if (this.type === 'motion_sensor' && !this.quiet && (readings.motion ?? 0) > 0) {
      if (simNow - this.lastMotionEventSim >= 10 * MIN) {
        this.lastMotionEventSim = simNow;
        void this.sendEvent('motion', { data: { count: readings.motion ?? 0 } });
      }
    } else if (this.type === 'door_sensor' && !this.quiet && !this.doorOpen && !isAsleep(hour, this.profile)) {
      // Going out, a visitor, a meal delivery: a few times a day, more when active.
      const p = (activityLevel(hour, this.profile) * intervalSimMs) / (4 * 60 * MIN);
      if (this.rng.chance(Math.min(0.5, p))) this.openDoor(this.rng.int(3, 8) * 1000);
    }
    if (this.battery < 15 && !this.lowBatterySent) {
      this.lowBatterySent = true;
      void this.sendEvent('low_battery', { data: { battery: this.battery } });
      void this.publishStatus();
    } else if (this.battery > 20) this.lowBatterySent = false;
    if (Math.abs(this.battery - this.lastStatusBattery) >= 5) void this.publishStatus();
  }

  openDoor(closeAfterMs: number): void {
    this.doorOpen = true;
    void this.sendEvent('door_open');
    this.later(closeAfterMs, () => {
      this.doorOpen = false;
      void this.sendEvent('door_close');
    });
  }

  /** Unique per event (globally, not just per device): run nonce, sequence, random part. */
  nextEventId(): string {
    this.seq++;
    return `${this.env.runNonce}-${this.seq}-${randomBytes(4).toString('hex')}`;
  }

  /** Scenario: the battery falls to `level` %: status at once, and a low_battery event. */
  setBatteryLevel(level: number): void {
    this.batteryOverride = level;
    this.battery = level;
    void this.publishStatus();
    if (level < 15) {
      this.lowBatterySent = true;
      void this.sendEvent('low_battery', { data: { battery: level } });
    }
  }

  /** Publishes an event (QoS 1) with a fresh eventId; resolves to the eventId, or null if not sent. */
  async sendEvent(
    type: EventType,
    extra: Pick<DeviceEventInput, 'cancels' | 'location' | 'data'> = {},
    eventId = this.nextEventId(),
  ): Promise<string | null> {
    const ok = await this.publishRaw('events', JSON.stringify(eventPayload(eventId, Date.now(), type, extra)), 1);
    if (!ok) return null;
    this.env.counters.events++;
    this.env.counters.eventsByType[type] = (this.env.counters.eventsByType[type] ?? 0) + 1;
    return eventId;
  }

  async publishStatus(): Promise<void> {
    this.lastStatusBattery = this.battery;
    const ok = await this.publishRaw(
      'status',
      JSON.stringify(statusPayload(Date.now(), this.battery, this.rng, this.spec.firmware)),
      1,
      true,
    );
    if (ok) this.env.counters.status++;
  }

  async sendBad(bad: BadPayload): Promise<void> {
    const ok = await this.publishRaw(bad.kind, bad.payload, 1, false);
    if (ok) this.env.counters.bad++;
  }

  publishRaw(
    kind: 'telemetry' | 'events' | 'status',
    payload: string | Buffer,
    qos: 0 | 1,
    retain = false,
  ): Promise<boolean> {
    if (!this.link || this.silent) return Promise.resolve(false);
    return this.link.publish(topicFor(this.id, kind), payload, qos, retain);
  }

  onCommand(payload: Buffer): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload.toString('utf8'));
    } catch {
      parsed = undefined;
    }
    const cmd = deviceCommandSchema.safeParse(parsed);
    if (!cmd.success) {
      this.env.counters.commandsInvalid++;
      this.env.onError?.(`${this.id}: invalid command ${payload.toString('utf8').slice(0, 120)}`);
      return;
    }
    const c = cmd.data;
    this.commandsReceived++;
    this.lastCommand = c;
    this.env.counters.commands++;
    this.env.counters.commandsByType[c.type] = (this.env.counters.commandsByType[c.type] ?? 0) + 1;
    this.env.onCommand?.(this.id, c);
    if (c.type === 'ping') void this.publishStatus();
    if (c.type === 'configure' && c.config) {
      const sec = c.config['telemetryIntervalSec'];
      if (typeof sec === 'number' && sec >= 0.1 && sec <= 86_400) {
        this.intervalMs = Math.round(sec * 1000);
        if (this.connected) this.schedule();
      }
    }
  }
}

export function batteryFor(spec: DeviceSpec, elapsedSimMs: number): number {
  return batteryLevel(spec.initialBattery, BATTERY_DRAIN_PER_DAY[spec.type] ?? 0.5, Math.max(0, elapsedSimMs));
}
