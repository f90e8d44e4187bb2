/**
 * runSimulation(): the programmatic API (used by the CLI and by benchmarks). Builds the fleet,
 * provisions it with the hub (or runs anonymously), ramps the MQTT connections up at a given
 * rate, runs the normal day plus the scripted scenarios, and stops by itself after the duration.
 */
import { randomBytes } from 'node:crypto';
import type { DeviceCommand } from '@eldercare/shared';
import { MqttLink, SimDevice, newCounters, type Credentials, type SimEnv } from './device.js';
import { fleetFromDevicesFile, readDevicesFile } from './devices-file.js';
import { generateFleet, type FleetSpec } from './fleet.js';
import { DEFAULT_PROFILE } from './payloads.js';
import { fleetTagFor, provisionFleet } from './provision.js';
import { createRng } from './rng.js';
import { parseScenario, runScenario, type Scenario, type ScenarioContext } from './scenarios.js';
import { DEFAULT_TZ_OFFSET_MIN, type Profile } from './signals.js';

export interface SimOptions {
  mqttUrl?: string;
  hubUrl?: string;
  email?: string;
  password?: string;
  homes?: number;
  institutions?: number;
  roomsPerInstitution?: number;
  seed?: number;
  /** Time acceleration of the signals (1 = real time, 60 = an hour a minute). */
  speed?: number;
  /** Base telemetry interval, seconds (wearables send every interval, fixed sensors less often). */
  telemetryIntervalSec?: number;
  /** Every device sends telemetry every interval (predictable load). */
  uniformTelemetry?: boolean;
  telemetryQos?: 0 | 1;
  /** The run stops by itself after this many seconds. */
  durationSec?: number;
  scenarios?: (string | Scenario)[];
  /** New MQTT connections per second. */
  connectRate?: number;
  /** Devices per MQTT connection (1 = one real client per device). */
  multiplex?: number;
  /** No provisioning, no credentials (broker allows anonymous). */
  anonymous?: boolean;
  /** Broker user for multiplexed connections (a hub-level user that may publish for any device). */
  mqttUsername?: string;
  mqttPassword?: string;
  fleetFile?: string;
  /**
   * Devices already registered with the hub, e.g. its DATA_DIR/demo-devices.json
   * (`{devices: [{deviceId, type, password, residentId}]}`): no provisioning, no generated fleet.
   */
  devicesFile?: string;
  /** On stop, clear the retained status of every device (leave no retained messages behind). */
  clearRetained?: boolean;
  protocolVersion?: 4 | 5;
  /** Where the simulated clock starts (default now), e.g. 02:00 to run a night. */
  simStart?: Date | number;
  tzOffsetMin?: number;
  /** Device-id prefix for anonymous runs (default `sim<seed>`). */
  tag?: string;
  signal?: AbortSignal;
  onProgress?(p: Progress): void;
  onLog?(message: string): void;
  onCommand?(deviceId: string, command: DeviceCommand): void;
  onError?(message: string): void;
}

export interface Progress {
  elapsedMs: number;
  devices: number;
  connected: number;
  msgsPerSec: number;
  published: number;
  events: number;
  commands: number;
  errors: number;
}

export interface Summary {
  startedAt: string;
  durationMs: number;
  seed: number;
  tag: string;
  homes: number;
  institutions: number;
  devices: number;
  connections: number;
  connectedPeak: number;
  connectedAtStop: number;
  published: { telemetry: number; events: number; status: number; bad: number; total: number };
  msgsPerSec: number;
  eventsByType: Record<string, number>;
  commands: number;
  commandsByType: Record<string, number>;
  commandsInvalid: number;
  errors: number;
  connectFailures: number;
  scenarioLog: string[];
}

export const DEFAULTS = {
  mqttUrl: 'mqtt://127.0.0.1:1883',
  hubUrl: 'http://127.0.0.1:3000',
  email: 'admin@demo.local',
  password: 'demo-admin-pass',
  homes: 20,
  institutions: 0,
  roomsPerInstitution: 12,
  seed: 1,
  speed: 1,
  telemetryIntervalSec: 5,
  durationSec: 60,
  connectRate: 500,
  multiplex: 1,
  fleetFile: '.sim-fleet.json',
  protocolVersion: 4 as const,
};

function positive(name: string, v: number, integer = false, allowZero = false): number {
  if (!Number.isFinite(v) || v < 0 || (!allowZero && v === 0) || (integer && !Number.isInteger(v)))
    throw new Error(
      `${name} must be a ${allowZero ? 'non-negative' : 'positive'} ${integer ? 'integer' : 'number'} (got ${v})`,
    );
  return v;
}

/** The person each device follows: its resident, the room's first resident, or a default. */
function profilesFor(fleet: FleetSpec): (d: FleetSpec['devices'][number]) => Profile {
  const byKey = new Map(fleet.residents.map((r) => [r.key, r.profile]));
  const byRoom = new Map<string, Profile>();
  for (const r of fleet.residents) if (r.roomKey && !byRoom.has(r.roomKey)) byRoom.set(r.roomKey, r.profile);
  const instLoc = new Map(fleet.institutions.map((i) => [i.key, i.location]));
  return (d) =>
    (d.residentKey && byKey.get(d.residentKey)) ||
    (d.roomKey && byRoom.get(d.roomKey)) || { ...DEFAULT_PROFILE, home: instLoc.get(d.unit) ?? DEFAULT_PROFILE.home };
}

export async function runSimulation(options: SimOptions = {}): Promise<Summary> {
  const o = {
    ...DEFAULTS,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  } as typeof DEFAULTS & SimOptions;
  positive('homes', o.homes, true, true);
  positive('institutions', o.institutions, true, true);
  positive('roomsPerInstitution', o.roomsPerInstitution, true);
  positive('speed', o.speed);
  positive('telemetryIntervalSec', o.telemetryIntervalSec);
  positive('durationSec', o.durationSec);
  positive('connectRate', o.connectRate);
  positive('multiplex', o.multiplex, true);
  if (!Number.isInteger(o.seed)) throw new Error(`seed must be an integer (got ${o.seed})`);
  if (o.homes + o.institutions === 0 && !o.devicesFile)
    throw new Error('nothing to simulate: --homes and --institutions are both 0');
  if (o.multiplex > 1 && !o.anonymous && !o.mqttUsername)
    throw new Error(
      'multiplex shares one connection between devices: only with --anonymous or a broker user (--mqtt-username) allowed to publish for every device, since a device may only publish under its own id',
    );
  const scenarios = (o.scenarios ?? []).map((s) => (typeof s === 'string' ? parseScenario(s) : s));
  const log = (m: string) => o.onLog?.(m);

  // Fleet and credentials.
  const fleetKey = {
    hubUrl: o.hubUrl,
    seed: o.seed,
    homes: o.homes,
    institutions: o.institutions,
    roomsPerInstitution: o.roomsPerInstitution,
  };
  let fleet: FleetSpec;
  let creds: Map<string, Credentials> | null = null;
  if (o.devicesFile) {
    if (o.anonymous) throw new Error('--devices-file brings device credentials: do not combine it with --anonymous');
    const fromFile = fleetFromDevicesFile(readDevicesFile(o.devicesFile), o.seed);
    fleet = fromFile.fleet;
    creds = fromFile.credentials;
    log(`${fleet.devices.length} devices of ${fleet.homes} residents from ${o.devicesFile}`);
  } else {
    const fleetTag = o.anonymous ? (o.tag ?? `sim${o.seed}`) : fleetTagFor({ ...fleetKey, fleetFile: o.fleetFile });
    fleet = generateFleet({
      seed: o.seed,
      homes: o.homes,
      institutions: o.institutions,
      roomsPerInstitution: o.roomsPerInstitution,
      tag: fleetTag,
    });
    if (!o.anonymous) {
      creds = await provisionFleet(fleet, {
        ...fleetKey,
        email: o.email,
        password: o.password,
        fleetFile: o.fleetFile,
        log,
      });
    }
  }
  const tag = fleet.tag;

  // Devices and links.
  const counters = newCounters();
  const rng = createRng(o.seed);
  let t0 = Date.now();
  const simStart = o.simStart === undefined ? Date.now() : new Date(o.simStart).getTime();
  const env: SimEnv = {
    counters,
    simNow: () => simStart + (Date.now() - t0) * o.speed,
    speed: o.speed,
    tzOffsetMin: o.tzOffsetMin ?? DEFAULT_TZ_OFFSET_MIN,
    telemetryIntervalMs: Math.max(50, Math.round(o.telemetryIntervalSec * 1000)),
    uniformTelemetry: !!o.uniformTelemetry,
    telemetryQos: o.telemetryQos ?? 0,
    clearRetained: !!o.clearRetained,
    runNonce: `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`,
    ...(o.onCommand ? { onCommand: o.onCommand } : {}),
    ...(o.onError ? { onError: o.onError } : {}),
  };
  const profileOf = profilesFor(fleet);
  const devices = fleet.devices
    .filter((d) => !creds || creds.has(d.id))
    .map((d) => new SimDevice(d, profileOf(d), rng.fork(`dev:${d.id.slice(tag.length)}`), env));
  if (creds && devices.length < fleet.devices.length)
    log(`${fleet.devices.length - devices.length} devices have no credentials and are left out`);

  const links: MqttLink[] = [];
  const multiplexed = o.multiplex > 1;
  if (multiplexed) {
    for (let i = 0; i < devices.length; i += o.multiplex) {
      const link = new MqttLink(
        {
          url: o.mqttUrl,
          protocolVersion: o.protocolVersion,
          clientId: `${tag}-mux-${i / o.multiplex}-${env.runNonce}`,
          ...(o.mqttUsername ? { username: o.mqttUsername } : {}),
          ...(o.mqttPassword !== undefined ? { password: o.mqttPassword } : {}),
        },
        env,
        true,
      );
      for (const d of devices.slice(i, i + o.multiplex)) link.add(d);
      links.push(link);
    }
  } else {
    for (const d of devices) {
      const c = creds?.get(d.id);
      const link = new MqttLink(
        {
          url: o.mqttUrl,
          protocolVersion: o.protocolVersion,
          clientId: c?.clientId ?? d.id,
          ...(c ? { credentials: c } : {}),
        },
        env,
        false,
      );
      link.add(d);
      links.push(link);
    }
  }
  log(
    `${devices.length} devices (${fleet.homes} homes, ${fleet.institutions.length} institutions) on ${links.length} connections to ${o.mqttUrl}`,
  );

  // Run.
  const timers = new Set<NodeJS.Timeout>();
  const timer = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  const scenarioLog: string[] = [];
  const connectedCount = () => {
    let n = 0;
    for (const l of links)
      if (l.connected) n += multiplexed ? [...l.devices.values()].filter((d) => !d.silent).length : 1;
    return n;
  };
  const ctx: ScenarioContext = {
    devices,
    homes: fleet.homes,
    rng: rng.fork('scenarios'),
    simNow: env.simNow,
    tzOffsetMin: env.tzOffsetMin,
    multiplexed,
    log: (m) => {
      const line = `[${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`;
      scenarioLog.push(line);
      log(line);
    },
    timer,
  };

  t0 = Date.now();
  const startedAt = new Date(t0).toISOString();
  let started = 0;
  let budget = 0;
  const ramp = setInterval(() => {
    budget += o.connectRate / 100;
    while (budget >= 1 && started < links.length) {
      links[started++]!.start();
      budget--;
    }
    if (started >= links.length) clearInterval(ramp);
  }, 10);
  for (const s of scenarios) timer(s.atMs, () => runScenario(s, ctx));

  const total = () => counters.telemetry + counters.events + counters.status + counters.bad;
  let lastTotal = 0;
  let lastAt = t0;
  const progress = setInterval(() => {
    const now = Date.now();
    const t = total();
    const connected = connectedCount();
    o.onProgress?.({
      elapsedMs: now - t0,
      devices: devices.length,
      connected,
      msgsPerSec: Math.round(((t - lastTotal) * 1000) / Math.max(1, now - lastAt)),
      published: t,
      events: counters.events,
      commands: counters.commands,
      errors: counters.errors,
    });
    lastTotal = t;
    lastAt = now;
  }, 1000);

  await new Promise<void>((resolve) => {
    const done = setTimeout(resolve, o.durationSec * 1000);
    o.signal?.addEventListener('abort', () => {
      clearTimeout(done);
      resolve();
    });
    if (o.signal?.aborted) {
      clearTimeout(done);
      resolve();
    }
  });

  // Stop: no new connections or scenario steps, then a clean goodbye from every device.
  clearInterval(ramp);
  clearInterval(progress);
  for (const t of timers) clearTimeout(t);
  timers.clear();
  const connectedAtStop = connectedCount();
  const durationMs = Date.now() - t0;
  await Promise.all(links.map((l) => l.stop()));
  for (const l of links) if (!l.client) for (const d of l.devices.values()) d.stopTimers();

  const published = {
    telemetry: counters.telemetry,
    events: counters.events,
    status: counters.status,
    bad: counters.bad,
    total: 0,
  };
  published.total = published.telemetry + published.events + published.status + published.bad;
  return {
    startedAt,
    durationMs,
    seed: o.seed,
    tag,
    homes: fleet.homes,
    institutions: fleet.institutions.length,
    devices: devices.length,
    connections: links.length,
    connectedPeak: counters.connectedPeak,
    connectedAtStop,
    published,
    msgsPerSec: Math.round((published.total * 1000) / Math.max(1, durationMs)),
    eventsByType: counters.eventsByType,
    commands: counters.commands,
    commandsByType: counters.commandsByType,
    commandsInvalid: counters.commandsInvalid,
    errors: counters.errors,
    connectFailures: counters.connectFailures,
    scenarioLog,
  };
}
