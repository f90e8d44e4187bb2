/**
 * Scriptable, combinable scenarios on top of the normal day (which always runs: telemetry, bed
 * exits, motion, doors, battery). Each is written `name[@time][:option]...`, e.g. `sos@10s`,
 * `fall@30s:cancel`, `fall@30s:cancel=8s`, `storm@60s:rate=20:for=10s`, `surge@1m:count=50`.
 */
import { EVENT_TYPES, type DeviceType, type EventType } from '@eldercare/shared';
import type { SimDevice } from './device.js';
import { badPayloads } from './payloads.js';
import type { Rng } from './rng.js';
import { isAsleep, localHour } from './signals.js';

export const SCENARIOS = {
  normal: { options: [], help: 'the normal day (always on; listed for completeness)' },
  sos: {
    options: ['count', 'target', 'cancel'],
    help: 'SOS from a pendant or pull cord; cancel[=after] sends a cancel',
  },
  fall: {
    options: ['count', 'target', 'cancel'],
    help: 'a fall; cancel[=after] = the elder cancels within the window',
  },
  wander: {
    options: ['count', 'target', 'for'],
    help: 'dementia wandering: door_open, then geofence_exit and a GPS track away',
  },
  quiet: { options: ['count', 'target', 'for'], help: 'quiet house: no motion events, no steps' },
  offline: {
    options: ['count', 'target', 'back'],
    help: 'connection dropped without DISCONNECT (the will fires); back=after reconnects',
  },
  lowbattery: {
    options: ['count', 'target', 'level'],
    help: 'battery falls to level% (default 8): a status, and a low_battery event below 15%',
  },
  storm: {
    options: ['target', 'rate', 'for', 'type', 'dup'],
    help: 'alarm storm from one faulty device (rate/s for a while; dup = share of re-sent eventIds)',
  },
  bad: {
    options: ['count', 'target'],
    help: 'storm of bad payloads: malformed JSON, wrong types, oversized... (count = rounds)',
  },
  surge: {
    options: ['count', 'for', 'fall'],
    help: 'district-wide surge: many sos/fall from different homes in a short time',
  },
} as const;
export type ScenarioName = keyof typeof SCENARIOS;

const ALIASES: Record<string, ScenarioName> = {
  badpayloads: 'bad',
  'bad-payloads': 'bad',
  wandering: 'wander',
  'low-battery': 'lowbattery',
  low_battery: 'lowbattery',
  'alarm-storm': 'storm',
  'quiet-house': 'quiet',
};

export interface Scenario {
  raw: string;
  name: ScenarioName;
  /** When it starts, ms after the run starts. */
  atMs: number;
  options: Record<string, string | true>;
}

export class ScenarioError extends Error {}

/** `500ms`, `10s`, `1.5m`, `2h`, or a bare number of seconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) throw new ScenarioError(`bad duration "${text}" (use e.g. 500ms, 10s, 2m, 1h)`);
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  return Math.round(n * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit as 'ms' | 's' | 'm' | 'h']);
}

export function parseScenario(text: string): Scenario {
  const raw = text.trim();
  const [head = '', ...opts] = raw.split(':');
  const [rawName = '', at, ...rest] = head.split('@');
  if (rest.length) throw new ScenarioError(`scenario "${raw}": one @time only`);
  const lname = rawName.toLowerCase();
  const name = (lname in SCENARIOS ? lname : ALIASES[lname]) as ScenarioName | undefined;
  if (!name) throw new ScenarioError(`unknown scenario "${rawName}" (known: ${Object.keys(SCENARIOS).join(', ')})`);
  const atMs = at === undefined || at === '' ? 0 : parseDuration(at);
  const allowed: readonly string[] = SCENARIOS[name].options;
  const options: Record<string, string | true> = {};
  for (const o of opts) {
    if (!o) continue;
    const eq = o.indexOf('=');
    const key = (eq < 0 ? o : o.slice(0, eq)).trim();
    const value = eq < 0 ? true : o.slice(eq + 1).trim();
    if (!allowed.includes(key))
      throw new ScenarioError(
        `scenario "${raw}": unknown option "${key}" (${name} takes: ${allowed.join(', ') || 'none'})`,
      );
    options[key] = value;
  }
  const s: Scenario = { raw, name, atMs, options };
  // Validate values now, not minutes into a run.
  for (const k of ['count', 'rate', 'level']) if (k in options) num(s, k, 1);
  for (const k of ['for', 'back']) if (k in options) dur(s, k, 0);
  if (typeof options['cancel'] === 'string') dur(s, 'cancel', 0);
  if ('dup' in options || 'fall' in options) for (const k of ['dup', 'fall']) if (k in options) frac(s, k);
  if (typeof options['type'] === 'string' && !(EVENT_TYPES as readonly string[]).includes(options['type']))
    throw new ScenarioError(`scenario "${raw}": type must be one of ${EVENT_TYPES.join(', ')}`);
  return s;
}

function str(s: Scenario, key: string): string | undefined {
  const v = s.options[key];
  if (v === true) throw new ScenarioError(`scenario "${s.raw}": ${key} needs a value (${key}=...)`);
  return v;
}
function num(s: Scenario, key: string, fallback: number): number {
  const v = str(s, key);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new ScenarioError(`scenario "${s.raw}": ${key} must be a positive number`);
  return n;
}
function frac(s: Scenario, key: string, fallback = 0): number {
  const v = str(s, key);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new ScenarioError(`scenario "${s.raw}": ${key} must be between 0 and 1`);
  return n;
}
function dur(s: Scenario, key: string, fallback: number): number {
  const v = str(s, key);
  return v === undefined ? fallback : parseDuration(v);
}

/** What a scenario can act on. */
export interface ScenarioContext {
  devices: readonly SimDevice[];
  homes: number;
  rng: Rng;
  simNow(): number;
  tzOffsetMin: number;
  multiplexed: boolean;
  log(message: string): void;
  /** A timer the run clears when it stops. */
  timer(ms: number, fn: () => void): void;
}

/** The alarm a device of each type naturally raises. */
export const NATURAL_EVENT: Record<DeviceType, EventType> = {
  sos_pendant: 'sos',
  pull_cord: 'sos',
  smartwatch: 'sos',
  fall_detector: 'fall',
  smoke_sensor: 'smoke',
  gas_sensor: 'gas',
  water_sensor: 'water_leak',
  bed_sensor: 'bed_exit',
  door_sensor: 'door_open',
  motion_sensor: 'motion',
  gps_wearable: 'geofence_exit',
  bp_cuff: 'test',
};

/**
 * Picks `count` devices of the preferred types (earlier types first), from different homes or
 * institutions. `target` is a device id or a unit (h0001, i01).
 */
export function pickDevices(
  ctx: ScenarioContext,
  types: readonly DeviceType[],
  count: number,
  target?: string,
  unitFilter?: (unit: string) => boolean,
): SimDevice[] {
  if (target) {
    const exact = ctx.devices.find((d) => d.id === target);
    if (exact) return [exact];
    const inUnit = ctx.devices.filter((d) => d.spec.unit === target);
    for (const t of types) {
      const d = inUnit.find((x) => x.type === t);
      if (d) return [d];
    }
    return [];
  }
  const byUnit = new Map<string, SimDevice[]>();
  for (const d of ctx.devices) {
    if (!types.includes(d.type)) continue;
    if (unitFilter && !unitFilter(d.spec.unit)) continue;
    const list = byUnit.get(d.spec.unit) ?? [];
    list.push(d);
    byUnit.set(d.spec.unit, list);
  }
  const connectedUnits = [...byUnit.keys()].filter((u) => byUnit.get(u)!.some((d) => d.connected));
  const units = ctx.rng.sample(connectedUnits.length ? connectedUnits : [...byUnit.keys()], count);
  return units.map((u) => {
    const list = byUnit.get(u)!;
    for (const t of types) {
      const d = list.find((x) => x.type === t && x.connected) ?? list.find((x) => x.type === t);
      if (d) return d;
    }
    return list[0]!;
  });
}

/** Starts a scenario now (the caller schedules it at `atMs`). */
export function runScenario(s: Scenario, ctx: ScenarioContext): void {
  const count = Math.round(num(s, 'count', 1));
  const target = str(s, 'target');
  const say = (msg: string) => ctx.log(`${s.name}: ${msg}`);
  const none = () => say('no matching device in the fleet; skipped');

  const cancelAfter = () => {
    const c = s.options['cancel'];
    if (c === undefined) return null;
    return c === true ? ctx.rng.int(5, 15) * 1000 : parseDuration(c);
  };
  const alarmWithCancel = async (d: SimDevice, type: EventType, data: Record<string, string | number | boolean>) => {
    const id = await d.sendEvent(type, { data });
    say(`${d.id} ${type}${id ? ` eventId=${id}` : ' NOT SENT (offline)'}`);
    const after = cancelAfter();
    if (id && after !== null)
      ctx.timer(after, () => {
        void d
          .sendEvent('cancel', { cancels: id })
          .then((cid) => say(`${d.id} cancel of ${id} after ${after / 1000}s${cid ? '' : ' NOT SENT'}`));
      });
  };

  switch (s.name) {
    case 'normal':
      return;
    case 'sos': {
      const ds = pickDevices(ctx, ['sos_pendant', 'pull_cord', 'smartwatch'], count, target);
      if (!ds.length) return none();
      for (const d of ds) void alarmWithCancel(d, 'sos', { source: d.type === 'pull_cord' ? 'pull_cord' : 'button' });
      return;
    }
    case 'fall': {
      const ds = pickDevices(ctx, ['fall_detector', 'smartwatch'], count, target);
      if (!ds.length) return none();
      for (const d of ds) void alarmWithCancel(d, 'fall', { confidence: Number(ctx.rng.float(0.8, 0.99).toFixed(2)) });
      return;
    }
    case 'wander': {
      const forMs = dur(s, 'for', 120_000);
      const ds = pickDevices(ctx, ['gps_wearable'], count, target);
      if (!ds.length) return none();
      for (const gps of ds) {
        const night = isAsleep(localHour(ctx.simNow(), ctx.tzOffsetMin), gps.profile);
        const door = ctx.devices.find((d) => d.spec.unit === gps.spec.unit && d.type === 'door_sensor');
        if (door) door.openDoor(4000);
        ctx.timer(door ? 3000 : 0, () => {
          const bearing = ctx.rng.float(0, 2 * Math.PI);
          gps.wander = { since: Date.now(), bearing, until: Date.now() + forMs };
          const loc = {
            lat: gps.profile.home.lat + (150 * Math.cos(bearing)) / 111_320,
            lon: gps.profile.home.lon + (150 * Math.sin(bearing)) / 95_000,
          };
          const location = { lat: Number(loc.lat.toFixed(6)), lon: Number(loc.lon.toFixed(6)) };
          void gps.sendEvent('geofence_exit', { location, data: { metres: 150, night } }).then((id) => {
            say(
              `${gps.spec.unit}: ${door ? `${door.id} door_open, ` : ''}${gps.id} geofence_exit${id ? ` eventId=${id}` : ' NOT SENT'} (${night ? 'at night' : 'daytime in simulated clock'})`,
            );
          });
        });
      }
      return;
    }
    case 'quiet': {
      const forMs = dur(s, 'for', 0);
      const ds = pickDevices(ctx, ['motion_sensor', 'smartwatch', 'bed_sensor'], count, target, (u) =>
        u.startsWith('h'),
      );
      if (!ds.length) return none();
      for (const anchor of ds) {
        const unitDevices = ctx.devices.filter((d) => d.spec.unit === anchor.spec.unit);
        for (const d of unitDevices) d.quiet = true;
        say(`${anchor.spec.unit}: no movement${forMs ? ` for ${forMs / 1000}s` : ' until the end'}`);
        if (forMs)
          ctx.timer(forMs, () => {
            for (const d of unitDevices) d.quiet = false;
            say(`${anchor.spec.unit}: movement again`);
          });
      }
      return;
    }
    case 'offline': {
      const backMs = s.options['back'] === undefined ? null : dur(s, 'back', 0);
      const ds = pickDevices(
        ctx,
        ['sos_pendant', 'smartwatch', 'bed_sensor', 'motion_sensor', 'pull_cord'],
        count,
        target,
      );
      if (!ds.length) return none();
      for (const d of ds) {
        const link = d.link;
        if (!link) continue;
        if (ctx.multiplexed) {
          // One connection carries many devices: no per-device will; the device just goes silent.
          d.silent = true;
          d.stopTimers();
          say(`${d.id} silent (multiplexed: no per-device last will)`);
        } else {
          link.kill();
          say(`${d.id} connection dropped without DISCONNECT (last will → offline)`);
        }
        if (backMs !== null)
          ctx.timer(backMs, () => {
            if (ctx.multiplexed) {
              d.silent = false;
              d.onConnected();
            } else link.revive();
            say(`${d.id} back online`);
          });
      }
      return;
    }
    case 'lowbattery': {
      const level = Math.min(100, num(s, 'level', 8));
      const ds = pickDevices(
        ctx,
        ['sos_pendant', 'smartwatch', 'gps_wearable', 'fall_detector', 'smoke_sensor'],
        count,
        target,
      );
      if (!ds.length) return none();
      for (const d of ds) {
        d.setBatteryLevel(level);
        say(`${d.id} battery ${level}%`);
      }
      return;
    }
    case 'storm': {
      const rate = num(s, 'rate', 10);
      const forMs = dur(s, 'for', 10_000);
      const dup = frac(s, 'dup');
      const [d] = pickDevices(ctx, ['smoke_sensor', 'fall_detector', 'sos_pendant', 'motion_sensor'], 1, target);
      if (!d) return none();
      const type = (str(s, 'type') as EventType | undefined) ?? NATURAL_EVENT[d.type];
      const total = Math.max(1, Math.round((rate * forMs) / 1000));
      const gap = 1000 / rate;
      say(`${d.id} faulty: ${total} × ${type} at ${rate}/s${dup ? `, ${dup * 100}% re-sent eventIds` : ''}`);
      let last: string | null = null;
      for (let i = 0; i < total; i++)
        ctx.timer(Math.round(i * gap), () => {
          const resend = last !== null && dup > 0 && ctx.rng.chance(dup);
          void d.sendEvent(type, { data: { faulty: true } }, resend ? last! : d.nextEventId()).then((id) => {
            if (id) last = id;
          });
        });
      return;
    }
    case 'bad': {
      const [d] = pickDevices(ctx, ['smartwatch', 'sos_pendant', 'motion_sensor'], 1, target);
      if (!d) return none();
      const all = Array.from({ length: count }, () => badPayloads(Date.now(), ctx.rng)).flat();
      say(`${d.id} sends ${all.length} bad payloads`);
      all.forEach((b, i) => ctx.timer(i * 20, () => void d.sendBad(b)));
      return;
    }
    case 'surge': {
      const n = s.options['count'] === undefined ? Math.max(5, Math.ceil(ctx.homes * 0.1)) : count;
      const forMs = dur(s, 'for', 30_000);
      const fallShare = frac(s, 'fall', 0.3);
      const anchors = pickDevices(ctx, ['sos_pendant', 'pull_cord', 'fall_detector', 'smartwatch'], n, undefined, (u) =>
        u.startsWith('h'),
      );
      if (!anchors.length) return none();
      say(`${anchors.length} homes raise alarms within ${forMs / 1000}s`);
      for (const a of anchors) {
        const unit = ctx.devices.filter((d) => d.spec.unit === a.spec.unit);
        const faller = unit.find((d) => d.type === 'fall_detector');
        const useFall = faller !== undefined && ctx.rng.chance(fallShare);
        const d = useFall ? faller : (unit.find((x) => x.type === 'sos_pendant') ?? a);
        const type: EventType = useFall ? 'fall' : NATURAL_EVENT[d.type] === 'fall' ? 'fall' : 'sos';
        ctx.timer(Math.floor(ctx.rng.next() * forMs), () => void d.sendEvent(type, { data: { surge: true } }));
      }
      return;
    }
  }
}
