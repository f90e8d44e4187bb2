/**
 * Every message the simulator sends must pass the shared contract schemas, except the deliberate
 * bad-payload storm, none of which may pass.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  deviceCommandSchema,
  deviceStatusSchema,
  DEVICE_TYPES,
  parseTopic,
  schemaForKind,
  MAX_PAYLOAD_BYTES,
} from '@eldercare/shared';
import { SimDevice, newCounters, type MqttLink, type SimEnv } from './device.js';
import { generateFleet } from './fleet.js';
import { DEFAULT_PROFILE, OFFLINE_WILL, badPayloads } from './payloads.js';
import { createRng } from './rng.js';
import { SCENARIOS, parseScenario, runScenario, type ScenarioContext, type ScenarioName } from './scenarios.js';

interface Sent {
  topic: string;
  payload: string | Buffer;
  qos: number;
  retain: boolean;
}

function harness(opts: { homes: number; institutions: number; seed?: number }) {
  const sent: Sent[] = [];
  let simNow = Date.UTC(2025, 0, 1, 16, 0); // 00:00 in Shanghai
  const env: SimEnv = {
    counters: newCounters(),
    simNow: () => simNow,
    speed: 60,
    tzOffsetMin: 480,
    telemetryIntervalMs: 15_000, // × speed 60 = 15 simulated minutes per reading
    uniformTelemetry: true,
    telemetryQos: 0,
    runNonce: 'test',
  };
  const fakeLink = {
    connected: true,
    publish(topic: string, payload: string | Buffer, qos: number, retain = false) {
      sent.push({ topic, payload, qos, retain });
      return Promise.resolve(true);
    },
    kill() {},
    revive() {},
  };
  const fleet = generateFleet({
    seed: opts.seed ?? 5,
    homes: opts.homes,
    institutions: opts.institutions,
    roomsPerInstitution: 6,
  });
  const profiles = new Map(fleet.residents.map((r) => [r.key, r.profile]));
  const rng = createRng(5);
  const devices = fleet.devices.map((spec) => {
    const d = new SimDevice(
      spec,
      (spec.residentKey && profiles.get(spec.residentKey)) || DEFAULT_PROFILE,
      rng.fork(spec.id),
      env,
    );
    d.link = fakeLink as unknown as MqttLink;
    return d;
  });
  return {
    sent,
    env,
    fleet,
    devices,
    advance: (ms: number) => {
      simNow += ms;
    },
  };
}

function validate(s: Sent) {
  const t = parseTopic(s.topic);
  expect(t, s.topic).not.toBeNull();
  const text = typeof s.payload === 'string' ? s.payload : s.payload.toString('utf8');
  expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
  const result = schemaForKind[t!.kind].safeParse(JSON.parse(text));
  if (!result.success) throw new Error(`${s.topic} ${text}: ${result.error.message}`);
  if (t!.kind === 'events') expect(s.qos).toBe(1);
  if (t!.kind === 'status') expect(s.retain).toBe(true);
  return { kind: t!.kind, body: JSON.parse(text) as Record<string, unknown> };
}

describe('payloads', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a whole simulated day of every device type validates against the shared schemas', async () => {
    const h = harness({ homes: 60, institutions: 2 });
    const types = new Set(h.devices.map((d) => d.type));
    expect([...types].sort()).toEqual([...DEVICE_TYPES].sort()); // the fleet covers every type
    for (const d of h.devices) void d.publishStatus();
    for (let step = 0; step < 24 * 4; step++) {
      h.advance(15 * 60_000);
      for (const d of h.devices) d.tick();
      await vi.advanceTimersByTimeAsync(10_000); // doors close again
    }
    const kinds = new Map<string, number>();
    const eventTypes = new Set<string>();
    const metrics = new Set<string>();
    for (const s of h.sent) {
      const { kind, body } = validate(s);
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      if (kind === 'events') eventTypes.add(body['type'] as string);
      if (kind === 'telemetry') for (const m of Object.keys(body['readings'] as object)) metrics.add(m);
    }
    expect(kinds.get('telemetry')).toBeGreaterThan(h.devices.length * 90);
    expect(kinds.get('status')).toBeGreaterThanOrEqual(h.devices.length);
    // A normal day: people get out of bed and back, move, open doors.
    for (const t of ['bed_exit', 'bed_enter', 'motion', 'door_open', 'door_close']) expect(eventTypes).toContain(t);
    for (const m of [
      'heartRate',
      'spo2',
      'temperature',
      'systolic',
      'diastolic',
      'inBed',
      'motion',
      'lat',
      'lon',
      'battery',
      'steps',
      'respirationRate',
    ])
      expect(metrics).toContain(m);
    // Event ids are unique.
    const ids = h.sent.filter((s) => s.topic.endsWith('/events')).map((s) => JSON.parse(String(s.payload)).eventId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every scenario (but the bad-payload storm) sends only valid messages', async () => {
    const h = harness({ homes: 40, institutions: 1 });
    for (const d of h.devices) d.onConnected();
    const logs: string[] = [];
    const ctx: ScenarioContext = {
      devices: h.devices,
      homes: 40,
      rng: createRng(1),
      simNow: h.env.simNow,
      tzOffsetMin: 480,
      multiplexed: false,
      log: (m) => logs.push(m),
      timer: (ms, fn) => setTimeout(fn, ms),
    };
    const scripts: Record<Exclude<ScenarioName, 'bad'>, string> = {
      normal: 'normal',
      sos: 'sos:count=3:cancel',
      fall: 'fall:count=2:cancel=5s',
      wander: 'wander:for=30s',
      quiet: 'quiet:for=20s',
      offline: 'offline:back=5s',
      lowbattery: 'lowbattery:count=2',
      storm: 'storm:rate=20:for=2s:dup=0.3',
      surge: 'surge:count=10:for=5s',
    };
    for (const s of Object.values(scripts)) runScenario(parseScenario(s), ctx);
    await vi.advanceTimersByTimeAsync(60_000);
    const types = new Map<string, number>();
    for (const s of h.sent) {
      const { kind, body } = validate(s);
      if (kind === 'events') types.set(body['type'] as string, (types.get(body['type'] as string) ?? 0) + 1);
    }
    expect(types.get('sos')).toBeGreaterThanOrEqual(3);
    expect(types.get('fall')).toBeGreaterThanOrEqual(2);
    expect(types.get('cancel')).toBe(5);
    expect(types.get('geofence_exit')).toBe(1);
    expect(types.get('door_open')).toBeGreaterThanOrEqual(1);
    expect(types.get('low_battery')).toBe(2);
    expect(types.get('smoke')).toBe(40);
    const cancels = h.sent
      .filter((s) => s.topic.endsWith('/events'))
      .map((s) => JSON.parse(String(s.payload)))
      .filter((e) => e.type === 'cancel');
    for (const c of cancels) expect(typeof c.cancels).toBe('string');
    expect(Object.keys(SCENARIOS)).toHaveLength(Object.keys(scripts).length + 1);
    expect(logs.some((l) => l.startsWith('offline:'))).toBe(true);
  });

  it('the bad-payload storm sends only invalid messages, never retained nor empty', async () => {
    const bad = badPayloads(Date.now(), createRng(1));
    expect(bad.length).toBeGreaterThan(15);
    for (const b of bad) {
      expect(b.payload.length).toBeGreaterThan(0);
      let parsed: unknown;
      try {
        parsed = JSON.parse(b.payload.toString());
      } catch {
        continue; // not JSON at all: invalid, as meant
      }
      const big = Buffer.byteLength(b.payload) > MAX_PAYLOAD_BYTES;
      expect(big || !schemaForKind[b.kind].safeParse(parsed).success, b.reason).toBe(true);
    }
    expect(bad.some((b) => Buffer.byteLength(b.payload) > MAX_PAYLOAD_BYTES)).toBe(true);

    const h = harness({ homes: 5, institutions: 0 });
    for (const d of h.devices) d.onConnected();
    h.sent.length = 0;
    runScenario(parseScenario('bad:count=2'), {
      devices: h.devices,
      homes: 5,
      rng: createRng(2),
      simNow: h.env.simNow,
      tzOffsetMin: 480,
      multiplexed: false,
      log: () => {},
      timer: (ms, fn) => setTimeout(fn, ms),
    });
    await vi.advanceTimersByTimeAsync(5000);
    const badSent = h.sent.filter((s) => !s.topic.endsWith('/telemetry') || !isValid(s));
    expect(badSent.length).toBeGreaterThanOrEqual(bad.length * 2);
    for (const s of badSent) expect(s.retain).toBe(false);
    expect(h.env.counters.bad).toBe(bad.length * 2);
  });

  it('the last will and the clean goodbye are valid status messages', () => {
    expect(deviceStatusSchema.safeParse(OFFLINE_WILL).success).toBe(true);
    expect(deviceStatusSchema.safeParse({ ts: Date.now(), online: false }).success).toBe(true);
  });

  it('counts commands and answers ping with a status', async () => {
    const h = harness({ homes: 1, institutions: 0 });
    const d = h.devices[0]!;
    const seen: string[] = [];
    h.env.onCommand = (_id, c) => seen.push(c.type);
    d.onConnected();
    h.sent.length = 0;
    const cmd = { commandId: 'c1', ts: Date.now(), type: 'alarm_received', message: '已收到求助，救援人员正在赶来' };
    expect(deviceCommandSchema.safeParse(cmd).success).toBe(true);
    d.onCommand(Buffer.from(JSON.stringify(cmd)));
    d.onCommand(Buffer.from(JSON.stringify({ commandId: 'c2', ts: Date.now(), type: 'ping' })));
    d.onCommand(Buffer.from('not json'));
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['alarm_received', 'ping']);
    expect(d.commandsReceived).toBe(2);
    expect(h.env.counters.commandsInvalid).toBe(1);
    expect(h.sent.filter((s) => s.topic.endsWith('/status'))).toHaveLength(1);
  });
});

function isValid(s: Sent): boolean {
  try {
    const t = parseTopic(s.topic)!;
    return schemaForKind[t.kind].safeParse(JSON.parse(String(s.payload))).success;
  } catch {
    return false;
  }
}
