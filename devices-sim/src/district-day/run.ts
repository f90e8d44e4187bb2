/**
 * Plays the district day against the hub's own code, in-process, with a clock the scenario owns:
 * simulated time advances in discrete steps, and the hub's timed jobs (alert timers, silence and
 * inactivity checks, meal checks, notification delivery) are run at each step. Devices speak the
 * public MQTT contract with their own credentials, with `ts` = simulated time; people act over the
 * HTTP API and socket.io with their logins; the supervisors' off-screen channel is a signed webhook
 * received on loopback. At the end every figure the hub shows is compared with the script.
 *
 * Why in-process: an exact report (acknowledged after 62 s, not "about a minute") needs one clock for
 * the hub and the script. This is the only part of the simulator that imports the hub; the CLI loads
 * it lazily, so the load-test simulator stays a pure client of the public contract.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { io as ioClient, type Socket } from 'socket.io-client';
import { startOfLocalDay, type Alert, type ServerToClientEvents, type ClientToServerEvents } from '@eldercare/shared';
import { loadConfig } from '../../../hub/src/config.js';
import { startHub, type Hub } from '../../../hub/src/hub.js';
import { createLogger } from '../../../hub/src/logger.js';
import { ALARM_CLIENT_SUFFIX } from '../../../hub/src/mqtt/hub-client.js';
import { createRng } from '../rng.js';
import { buildScript, type ScriptItem } from './script.js';
import { startOutageProxy } from './tcp-proxy.js';
import { browserUnavailable, readBoard } from './board-view.js';
import { growDistrict } from './district.js';
import { startPushService } from './push-service.js';
import { check, type Expected, type ExpectedAlarm, type Observed, type ReportLine } from './checks.js';

const MIN = 60_000;
const H = 3_600_000;
const HEARTBEAT_MS = 20 * MIN;

export interface DistrictDayOptions {
  seed?: number;
  /** Simulated hours to play from local midnight (default 24). */
  hours?: number;
  /** The day, local date in the district's time zone (default 2026-12-01, a Tuesday). */
  date?: string;
  /** Also look at the dispatch board in Chromium at the end (needs the built dashboard). */
  browser?: boolean;
  /** Extra hub settings, e.g. DATABASE_URL (an empty database) and MQTT_URL. */
  env?: Record<string, string>;
  /** Elders living at home in the district (default 200): the demo's, and more generated from the seed. */
  eldersAtHome?: number;
  /**
   * Stops and starts the external broker (MQTT_URL) for the broker-restart item; without it the item
   * is left out. It must keep sessions across the restart (Mosquitto: `persistence true`).
   */
  broker?: { stop(): Promise<void>; start(): Promise<void> };
  onLog?: (line: string) => void;
}

export interface DistrictDayReport {
  seed: number;
  hours: number;
  day: string;
  startedAt: string;
  wallSeconds: number;
  script: ScriptItem[];
  lines: ReportLine[];
  passed: number;
  failed: number;
}

interface DemoDevice {
  deviceId: string;
  type: string;
  password: string;
  residentId: string | null;
}
interface Resident {
  id: string;
  name: string;
  institutionId: string | null;
  riskCategories: string[];
  bedId: string | null;
  phone: string;
}
type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Standard Webhooks verification (HMAC-SHA256 of `id.timestamp.body`), with the timestamp judged
 * against the simulated clock (the hub signs with it), within the standard's 5 minutes.
 */
export function verifyWebhook(secret: string, headers: Record<string, string>, body: string, nowMs: number): unknown {
  const id = headers['webhook-id'];
  const ts = headers['webhook-timestamp'];
  const sigs = headers['webhook-signature'];
  if (!id || !ts || !sigs) throw new Error('missing webhook headers');
  if (Math.abs(Number(ts) * 1000 - nowMs) > 5 * 60_000) throw new Error('timestamp outside 5 min of the clock');
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest();
  const ok = sigs.split(' ').some((s) => {
    const [v, b64] = s.split(',');
    const got = Buffer.from(b64 ?? '', 'base64');
    return v === 'v1' && got.length === expected.length && timingSafeEqual(got, expected);
  });
  if (!ok) throw new Error('bad signature');
  return JSON.parse(body);
}

/** A Standard Webhooks receiver on loopback: the supervisors' duty channel, and where responders' offers land. */
async function webhookReceiver(now: () => number) {
  const received: { type: string; data: Record<string, unknown> }[] = [];
  const refused: string[] = [];
  let secret = '';
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
        const body = verifyWebhook(secret, headers, Buffer.concat(chunks).toString('utf8'), now()) as {
          type: string;
          data: Record<string, unknown>;
        };
        received.push(body);
        res.writeHead(200).end();
      } catch (err) {
        refused.push((err as Error).message);
        res.writeHead(401).end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    received,
    refused,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/duty`,
    setSecret: (s: string) => void (secret = s),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export async function runDistrictDay(opts: DistrictDayOptions = {}): Promise<DistrictDayReport> {
  const seed = opts.seed ?? 1;
  const hours = opts.hours ?? 24;
  const log = opts.onLog ?? (() => {});
  const wallStart = Date.now();
  const script = buildScript(seed, hours, {
    databaseOutage: !!opts.env?.DATABASE_URL,
    brokerRestart: !!opts.broker && !!opts.env?.MQTT_URL,
  });
  const timeZone = opts.env?.TZ ?? 'Asia/Shanghai';
  const day = opts.date ?? '2026-12-01';
  const dayStart = startOfLocalDay(day, timeZone).getTime();
  const dayEnd = dayStart + hours * H;
  let now = dayStart;
  const clock = { now: () => now };
  const rng = createRng(seed).fork('targets');

  // With PostgreSQL, the hub reaches it through a proxy the script can cut (the database outage).
  const proxy = opts.env?.DATABASE_URL ? await startOutageProxy(opts.env.DATABASE_URL) : null;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'district-day-'));
  const hook = await webhookReceiver(() => now);
  const push = await startPushService(() => now);
  const settings: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    MQTT_PORT: '0',
    MQTT_HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.DISTRICT_DAY_LOG_LEVEL ?? 'silent',
    INGEST_FLUSH_MS: '10',
    DEMO_DATA: 'true',
    // The demo district's registry, but none of the living demo: only the script moves in this day.
    DEMO_SIMULATION: 'false',
    DEMO_HISTORY: 'false',
    SESSION_TTL_HOURS: String(Math.max(48, hours * 2)),
    NOTIFY_POLL_MS: '100',
    NOTIFY_RETRY_BASE_MS: '200',
    NOTIFY_RETRY_MAX_MS: '1000',
    HUB_ID: `district-day-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    ...(opts.env?.MQTT_URL ? { MQTT_SHARED_GROUP: `dd${Math.random().toString(36).slice(2, 8)}` } : {}),
    ...opts.env,
    ...(proxy ? { DATABASE_URL: proxy.url } : {}),
  };
  const config = loadConfig(settings);
  let hub: Hub | null = null;
  const clients = new Map<string, MqttClient>();
  const sockets: ClientSocket[] = [];
  try {
    log(`starting the hub for ${day} (${timeZone}), seed ${seed}, ${hours} h`);
    hub = await startHub(config, { log: createLogger(config.LOG_LEVEL), clock });
    // Reassigned when the script restarts the hub; every use below reads the current one.
    let h = hub;
    log(`hub ready after ${((Date.now() - wallStart) / 1000).toFixed(1)} s`);
    const base = `http://127.0.0.1:${h.httpPort}`;
    const api = async <T = unknown>(method: string, url: string, token: string | undefined, body?: unknown) => {
      const res = await fetch(base + url, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      if (res.status >= 400) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
      return parsed as T;
    };
    const login = async (email: string, password: string) =>
      (await api<{ token: string }>('POST', '/api/auth/login', undefined, { email, password })).token;
    const admin = await login('admin@demo.local', 'demo-admin-pass');
    const coord = await login('coordinator@demo.local', 'demo-coord-pass');
    const runner = await login('volunteer@demo.local', 'demo-volunteer-pass');
    const nightDispatcher = await login('dispatcher@demo.local', 'demo-dispatch-pass');
    await api('POST', '/api/users', admin, {
      email: 'day-dispatcher@district.local',
      name: '调度员 日班 Day dispatcher',
      password: 'district-day-dispatch',
      role: 'dispatcher',
    });
    const dayDispatcher = await login('day-dispatcher@district.local', 'district-day-dispatch');
    let dispatcher = nightDispatcher;
    const hookRow = await api<{ secret: string }>('POST', '/api/notifications/webhooks', admin, {
      name: 'Duty supervisors and responders',
      format: 'standard',
      url: hook.url,
      purposes: ['alarm_unacknowledged', 'dispatch'],
    });
    hook.setSecret(hookRow.secret);

    // ---- the dispatch board, as the night dispatcher's screen ---------------------------------
    const onBoard = new Set<string>();
    // As the dashboard does: reconnects with the highest `seq` seen, so the snapshot brings every
    // alert changed meanwhile (closed ones too). `snapshots` counts them (a restart waits for one).
    let since = 0;
    let snapshots = 0;
    const provisional = new Set<string>();
    const connect = (token: string, seen = onBoard) =>
      new Promise<ClientSocket>((resolve, reject) => {
        const s: ClientSocket = ioClient(base, {
          auth: (cb) => cb({ token, since }),
          transports: ['websocket'],
          reconnection: true,
          reconnectionDelay: 200,
          reconnectionDelayMax: 1000,
        });
        sockets.push(s);
        s.on('alert:upsert', (a) => {
          seen.add(a.id);
          since = Math.max(since, a.seq);
        });
        s.on('alert:provisional', (p) => provisional.add(p.eventId));
        s.on('alerts:snapshot', ({ alerts, seq }) => {
          alerts.forEach((a) => seen.add(a.id));
          since = Math.max(since, seq);
          snapshots++;
        });
        s.once('connect_error', reject);
        s.once('alerts:snapshot', () => resolve(s));
      });
    let screen = await connect(nightDispatcher);
    // The nurse on duty in the first nursing home: her screen shows her institution's alarms only.
    const staff = await login('staff@demo.local', 'demo-staff-pass');
    const staffInst = (await api<{ user: { institutionId: string | null } }>('GET', '/api/auth/me', staff)).user
      .institutionId;
    const onStaffScreen = new Set<string>();
    await connect(staff, onStaffScreen);
    const staffDevices = new Set(
      staffInst
        ? (await api<{ items: { id: string }[] }>('GET', `/api/devices?institutionId=${staffInst}`, admin)).items.map(
            (d) => d.id,
          )
        : [],
    );

    // ---- the district: devices and residents --------------------------------------------------
    const devices = (
      JSON.parse(await readFile(path.join(dataDir, 'demo-devices.json'), 'utf8')) as { devices: DemoDevice[] }
    ).devices;
    const listResidents = async () =>
      // In a fixed order (names repeat in the demo district), so the seed picks the same elders.
      (
        await (async () => {
          const out: Resident[] = [];
          for (let offset = 0; ; offset += 500) {
            const page = (await api<{ items: Resident[] }>('GET', `/api/residents?limit=500&offset=${offset}`, admin))
              .items;
            out.push(...page);
            if (page.length < 500) return out;
          }
        })()
      ).sort(
        (a, b) =>
          a.name.localeCompare(b.name) ||
          (a as Resident & { birthDate: string }).birthDate.localeCompare(
            (b as Resident & { birthDate: string }).birthDate,
          ) ||
          a.phone.localeCompare(b.phone),
      );
    const grown = await growDistrict({
      seed,
      eldersAtHome: opts.eldersAtHome ?? 200,
      alreadyAtHome: (await listResidents()).filter((r) => !r.institutionId).length,
      post: (url, body) => api('POST', url, admin, body),
    });
    devices.push(...grown.devices);
    const residents = await listResidents();
    const atHome = residents.filter((r) => !r.institutionId);
    log(
      `the district: ${atHome.length} elders at home (${grown.elders} generated from the seed), ${residents.length - atHome.length} in care homes, ${devices.length} devices`,
    );
    const used = new Set<string>();
    const deviceOf = (residentId: string, type: string) =>
      devices.find((d) => d.residentId === residentId && d.type === type);
    /** A resident not used by another item, with a device of this type, matching `where`. */
    const pickResident = (type: string, where: (r: Resident) => boolean = () => true) => {
      const pool = residents.filter((r) => !used.has(r.id) && where(r) && deviceOf(r.id, type));
      if (!pool.length) throw new Error(`the district has no unused resident with a ${type}`);
      const r = rng.pick(pool);
      used.add(r.id);
      return { resident: r, device: deviceOf(r.id, type)! };
    };
    // The day's meal orders (from the elders' meal plans): their elders are the meal items' own, kept
    // out of the alarm items so each incident has one cause.
    interface Order {
      id: string;
      residentId: string;
      residentName?: string;
      kitchenId: string;
      mode: string;
      meal: string;
      status: string;
      runId: string | null;
    }
    const orders = async () => (await api<{ items: Order[] }>('GET', `/api/meals/orders?date=${day}`, coord)).items;
    const ordersAtStart = await orders();
    for (const o of ordersAtStart) used.add(o.residentId);
    // Welfare visits: the district's plans at the start of the day (who is a key elder, who is due).
    interface Plan {
      residentId: string;
      residentName: string;
      tier: string;
      dueAt: string;
      overdue: boolean;
    }
    const plansAtStart = await api<Plan[] | { items: Plan[] }>('GET', '/api/visits/plans?limit=1000', coord).then(
      (r) => (Array.isArray(r) ? r : r.items),
    );
    // Contacts already in the log when the day starts (the register's own history, e.g. services
    // checked out at midnight) count for the month too.
    const contactLog = () =>
      api<{ items: { residentId: string; residentName: string; source: string }[] }>(
        'GET',
        `/api/visits?from=${day}&to=${day}&limit=500`,
        coord,
      ).then((r) => r.items);
    const contacted = new Set<string>((await contactLog()).map((c) => c.residentId));
    interface Volunteer {
      id: string;
      name: string;
      userId: string | null;
      programId: string;
      balanceMinutes: number;
    }
    const volunteers = () =>
      api<Volunteer[] | { items: Volunteer[] }>('GET', '/api/timebank/volunteers', coord).then((r) =>
        Array.isArray(r) ? r : r.items,
      );
    const runnerUserId = (await api<{ user: { id: string } }>('GET', '/api/auth/me', runner)).user.id;
    const volunteerAtStart = (await volunteers()).find((v) => v.userId === runnerUserId);
    let creditedMinutes = 0;

    // ---- MQTT: devices connect with their own credentials ------------------------------------------
    const client = async (d: DemoDevice) => {
      let c = clients.get(d.deviceId);
      if (!c) {
        c = await mqtt.connectAsync(h.mqttUrl, {
          clientId: d.deviceId,
          username: d.deviceId,
          password: d.password,
          reconnectPeriod: 1000,
          connectTimeout: 10_000,
          protocolVersion: 4,
        });
        clients.set(d.deviceId, c);
      }
      return c;
    };
    let seq = 0;
    const event = async (d: DemoDevice, type: string, extra: Record<string, unknown> = {}) => {
      const eventId = `dd-${seed}-${++seq}`;
      await (
        await client(d)
      ).publishAsync(
        `eldercare/v1/devices/${d.deviceId}/events`,
        JSON.stringify({ eventId, ts: now, type, ...extra }),
        { qos: 1 },
      );
      // Stored before the clock moves on (an external broker acknowledges before the hub has it).
      await until(
        async () =>
          (
            await h.database.pool.query('SELECT 1 FROM device_events WHERE device_id = $1 AND event_id = $2', [
              d.deviceId,
              eventId,
            ])
          ).rowCount,
        `event ${type} of ${d.deviceId}`,
      );
    };
    /** Many devices' events at one moment (the morning's activity): sent together, stored before the clock moves. */
    const events = async (batch: { d: DemoDevice; type: string }[]) => {
      const ids = await Promise.all(
        batch.map(async ({ d, type }) => {
          const eventId = `dd-${seed}-${++seq}`;
          await (
            await client(d)
          ).publishAsync(`eldercare/v1/devices/${d.deviceId}/events`, JSON.stringify({ eventId, ts: now, type }), {
            qos: 1,
          });
          return [d.deviceId, eventId] as const;
        }),
      );
      await until(
        async () =>
          (
            await h.database.pool.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM device_events e
                 JOIN unnest($1::text[], $2::text[]) AS x(d, id) ON e.device_id = x.d AND e.event_id = x.id`,
              [ids.map((x) => x[0]), ids.map((x) => x[1])],
            )
          ).rows[0]!.n === ids.length,
        `${ids.length} events`,
      );
    };
    // Statuses and readings: the clock moves on only once the hub has them (an external broker
    // acknowledges a publish before the hub has read it).
    const sent = new Map<string, number>();
    const seen = new Map<string, number>();
    const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
    const listen = (x: Hub) => {
      x.bus.on('device.status', ({ device }) => void bump(seen, `s:${device.id}`));
      x.bus.on('device.telemetry', ({ device }) => void bump(seen, `t:${device.id}`));
    };
    listen(h);
    const publish = async (d: DemoDevice, kind: 'status' | 'telemetry', body: Record<string, unknown>) => {
      const key = `${kind[0]}:${d.deviceId}`;
      bump(sent, key);
      await (
        await client(d)
      ).publishAsync(`eldercare/v1/devices/${d.deviceId}/${kind}`, JSON.stringify(body), { qos: 1 });
      await until(async () => (seen.get(key) ?? 0) >= sent.get(key)!, `${kind} of ${d.deviceId}`);
    };
    const status = (d: DemoDevice, body: Record<string, unknown>) => publish(d, 'status', { ts: now, ...body });
    const telemetry = (d: DemoDevice, readings: Record<string, number>) =>
      publish(d, 'telemetry', { ts: now, readings });

    // ---- who is watched: every elder at home has an activity sensor online, heartbeating -----------
    const online = new Map<string, { device: DemoDevice; nextBeat: number; battery: number; skewMs: number }>();
    const bringOnline = async (d: DemoDevice) => {
      online.set(d.deviceId, { device: d, nextBeat: now + HEARTBEAT_MS, battery: 90, skewMs: 0 });
      await status(d, { online: true, battery: 90 });
    };
    const motion = atHome.map((r) => deviceOf(r.id, 'motion_sensor')).filter((d): d is DemoDevice => !!d);
    for (let i = 0; i < motion.length; i += 50) await Promise.all(motion.slice(i, i + 50).map(bringOnline));
    let quietResident: string | null = null;

    // ---- families with the app: each a family user with a Web Push subscription ------------------------
    const familyPhones: NonNullable<Observed['family']> = new Map();
    async function addFamily(item: ScriptItem, resident: Resident, purposes: string[]) {
      if (!item.family) return;
      const email = `family-${item.id}@district.local`;
      await api('POST', '/api/users', admin, {
        email,
        name: `家属 ${item.id}`,
        password: 'district-day-family',
        role: 'family',
        residentId: resident.id,
      });
      const token = await login(email, 'district-day-family');
      await api('POST', '/api/notifications/push-subscriptions', token, push.subscribe(item.id));
      familyPhones.set(item.id, []);
      expected.family!.push({ item: item.id, messages: purposes.map((p) => `${p} ${item.id}`) });
    }

    // ---- alarms the script means to raise ----------------------------------------------------------
    const expected: Expected = { alarms: [], silent: [], family: [], staffing: [] };
    const queueSnapshots: Observed['queueSnapshots'] = [];
    const snapshot = async () => {
      const items = (await api<{ items: Alert[] }>('GET', '/api/alerts?state=active&limit=1000', dispatcher)).items;
      queueSnapshots.push({ at: new Date(now).toISOString(), items });
    };
    const wakes: number[] = [];
    const tasks: { at: number; run: () => Promise<void> }[] = [];
    const later = (at: number, run: () => Promise<void>) => tasks.push({ at, run });

    /** Finds the incident of an expected alarm, waiting (in wall time only) until the hub has raised it. */
    const incidentOf = (e: ExpectedAlarm) =>
      until(async () => {
        const q = e.residentId ? `&residentId=${e.residentId}` : '';
        const items = (
          await api<{ items: Alert[] }>('GET', `/api/alerts?state=all&limit=1000&queue=${e.queue}${q}`, dispatcher)
        ).items;
        return items.find(
          (a) =>
            (e.residentId ? true : a.deviceId === e.deviceId) &&
            a.kinds.includes(e.kind as never) &&
            a.status !== 'pending',
        );
      }, `${e.item} raised`);

    /** The dispatcher's handling: claim `ackSeconds` after it opened, then contact, (dispatch), resolve. */
    const handle = async (item: ScriptItem, e: ExpectedAlarm, claimFrom?: number) => {
      const a = await incidentOf(e);
      if (item.ackSeconds === null) return;
      const opened = Date.parse(a.openedAt ?? a.createdAt);
      wakes.push(opened + 60_000, opened + 61_000);
      later((claimFrom ?? opened) + item.ackSeconds * 1000, async () => {
        await api('POST', `/api/alerts/${a.id}/claim`, dispatcher);
        await snapshot();
        await api('POST', `/api/alerts/${a.id}/actions`, dispatcher, { action: 'contact_made', note: '' });
        if (item.responders) {
          await api('POST', `/api/alerts/${a.id}/actions`, dispatcher, {
            action: 'dispatch',
            responders: [
              { kind: 'family', name: 'Family 家属', phone: '13800000001' },
              { kind: 'neighbour_volunteer', name: 'Neighbour 邻居', phone: '13800000002' },
            ],
          });
          // The offers reach the duty webhook in ladder order; each carries its signed reply link.
          const offer = async (n: number) => {
            const m = await until(
              async () => {
                await h.deliverNotifications();
                return hook.received.filter(
                  (x) => x.type === 'dispatch' && (x.data.alert as { id: string }).id === a.id,
                )[n];
              },
              () =>
                `dispatch offer ${n + 1} (webhook: ${hook.received.map((x) => x.type).join(',')}; refused ${hook.refused.join(',')})`,
            );
            return decodeURIComponent(String((m.data.reply as { url: string }).url).split('/api/respond/')[1]!);
          };
          await api('POST', `/api/respond/${await offer(0)}`, undefined, { answer: 'decline' });
          const t2 = await offer(1);
          await api('POST', `/api/respond/${t2}`, undefined, { answer: 'accept' });
          await api('POST', `/api/respond/${t2}/step`, undefined, { step: 'on_scene', note: '' });
        }
        if (item.resolveAfterMs !== null)
          later(now + item.resolveAfterMs, async () => {
            await api('POST', `/api/alerts/${a.id}/actions`, dispatcher, {
              action: 'resolve',
              outcome: 'helped_at_home',
            });
          });
      });
    };
    const alarm = (
      item: ScriptItem,
      kind: string,
      d: DemoDevice,
      residentId: string | null,
      o: Partial<ExpectedAlarm> = {},
    ) => {
      const e: ExpectedAlarm = {
        item: item.id,
        queue: 'emergency',
        kind,
        residentId,
        deviceId: d.deviceId,
        ackSeconds: item.ackSeconds,
        endsActive: item.ackSeconds !== null && item.resolveAfterMs === null,
        staffSees: residentId
          ? residents.find((r) => r.id === residentId)?.institutionId === staffInst
          : staffDevices.has(d.deviceId),
        ...o,
      };
      expected.alarms.push(e);
      return e;
    };
    const health = (item: ScriptItem, kind: string, d: DemoDevice, endsActive: boolean) =>
      expected.alarms.push({
        item: item.id,
        queue: 'device_health',
        kind,
        residentId: null,
        deviceId: d.deviceId,
        ackSeconds: null,
        endsActive,
      });

    // Items that need their subject before the day starts (the quiet house is quiet from midnight).
    const quietItem = script.find((i) => i.kind === 'quiet_house');
    if (quietItem) {
      const { resident } = pickResident(
        'motion_sensor',
        (r) => !r.institutionId && r.riskCategories.includes('living_alone'),
      );
      quietResident = resident.id;
      // Her daughter has the app: she must hear of the alarm before it is raised at 08:00.
      await addFamily(quietItem, resident, ['family_raised', 'family_closed']);
    }
    const isDementia = (r: Resident) => r.riskCategories.includes('dementia');

    // ---- staffing: the institutions' residents (care levels) and the roster of the day ------------------
    interface Institution {
      id: string;
      name: string;
    }
    const institutions = (
      await api<Institution[] | { items: Institution[] }>('GET', '/api/institutions', admin).then((r) =>
        Array.isArray(r) ? r : r.items,
      )
    ).sort((a, b) => a.name.localeCompare(b.name));
    /** The ratios (1:6 full and semi care, 1:10 self care), from the register at the start of the day. */
    const requiredAt = new Map(
      institutions.map((inst) => {
        const levels = residents
          .filter((r) => r.institutionId === inst.id)
          .map((r) => (r as Resident & { careLevel: string }).careLevel);
        const care = levels.filter((l) => l !== 'self_care').length;
        return [inst.id, Math.ceil(care / 6) + Math.ceil((levels.length - care) / 10)] as const;
      }),
    );
    const onShift = new Map(institutions.map((i) => [i.id, [] as { token: string; shiftId: string }[]]));
    let nurses = 0;
    const startShifts = async (inst: Institution, n: number) => {
      const started = [];
      for (let k = 0; k < n; k++) {
        const email = `nurse-${++nurses}@district.local`;
        await api('POST', '/api/users', admin, {
          email,
          name: `护理员 ${nurses}`,
          password: 'district-day-nurse',
          role: 'institution_staff',
          institutionId: inst.id,
        });
        const token = await login(email, 'district-day-nurse');
        const shift = await api<{ id: string }>('POST', `/api/institutions/${inst.id}/shifts/start`, token, {});
        started.push({ token, shiftId: shift.id });
      }
      onShift.get(inst.id)!.push(...started);
      return started;
    };
    // The night shift, on since before midnight: the first home fully staffed, the second with a nurse off sick.
    const nightShift = new Map<string, { token: string; shiftId: string }[]>();
    if (script.some((i) => i.kind === 'staffing_check'))
      for (const [i, inst] of institutions.entries())
        nightShift.set(inst.id, await startShifts(inst, Math.max(0, requiredAt.get(inst.id)! - (i === 1 ? 1 : 0))));
    const staffingObserved: NonNullable<Observed['staffing']> = new Map();

    // ---- one handler per kind of script item -----------------------------------------------------
    const ITEMS: Record<ScriptItem['kind'], (item: ScriptItem) => Promise<void>> = {
      sos: async (item) => {
        const { resident, device } = pickResident('sos_pendant');
        await bringOnline(device);
        await event(device, 'sos');
        await handle(item, alarm(item, 'sos', device, resident.id));
      },
      sos_cancelled: async (item) => {
        const { resident, device } = pickResident('sos_pendant');
        // Her family heard "she pressed her alarm"; they must also hear that she called it off.
        await addFamily(item, resident, ['family_raised', 'family_closed']);
        await bringOnline(device);
        await event(device, 'sos');
        alarm(item, 'sos', device, resident.id, { ackSeconds: null, endsActive: false, cancelledByElder: true });
        later(now + 8_000, () => event(device, 'cancel'));
      },
      pull_cord: async (item) => {
        const cords = devices.filter(
          (d) => d.type === 'pull_cord' && !used.has(d.deviceId) && staffDevices.has(d.deviceId),
        );
        const device = rng.pick(cords);
        used.add(device.deviceId);
        await bringOnline(device);
        await event(device, 'sos');
        await handle(item, alarm(item, 'sos', device, null));
      },
      fall: async (item) => {
        const { resident, device } = pickResident('fall_detector');
        await addFamily(item, resident, ['family_raised', 'family_on_scene', 'family_closed']);
        await bringOnline(device);
        await event(device, 'fall');
        wakes.push(now + 30_000, now + 31_000);
        const e = alarm(item, 'fall', device, resident.id);
        if (item.responders)
          e.responders = { answers: ['Family 家属 declined', 'Neighbour 邻居 accepted'], accepted: 'Neighbour 邻居' };
        later(now + 31_000, () => handle(item, e));
      },
      fall_cancelled: async (item) => {
        const { resident, device } = pickResident('fall_detector');
        // A fall withdrawn inside its cancel window never reached dispatch: her family is told nothing.
        await addFamily(item, resident, []);
        await bringOnline(device);
        await event(device, 'fall');
        expected.silent.push({ item: item.id, residentId: resident.id });
        later(now + 12_000, () => event(device, 'cancel'));
      },
      night_bed_exit: async (item) => {
        const { resident, device } = pickResident('bed_sensor', (r) => r.institutionId === staffInst && isDementia(r));
        await bringOnline(device);
        await event(device, 'bed_exit');
        await handle(item, alarm(item, 'night_bed_exit', device, resident.id));
      },
      vitals: async (item) => {
        const { resident, device } = pickResident('smartwatch', (r) => !r.institutionId);
        await bringOnline(device);
        const e = alarm(item, 'vitals', device, resident.id);
        await telemetry(device, { heartRate: 150 });
        for (const dt of [30_000, 62_000])
          later(now + dt, async () => {
            await telemetry(device, { heartRate: 150 });
            await h.flush();
          });
        later(now + 63_000, () => handle(item, e));
      },
      quiet_house: async (item) => {
        const d = deviceOf(quietResident!, 'motion_sensor')!;
        // One incident, one signal: the 5-minute checks pile nothing onto it while it is handled.
        await handle(item, alarm(item, 'inactivity', d, quietResident, { signals: 1, quietAfter: true }));
        // The dispatcher reaches her by phone: she is well, and sits still in her armchair until 10:00.
        // The hub's quiet period must hold back a new inactivity alarm meanwhile; then she is about again.
        later(now + 2 * H, async () => {
          await event(d, 'motion');
          for (let t = now + 2 * H; t < dayStart + 22 * H; t += 2 * H) later(t, () => event(d, 'motion'));
        });
      },
      wandering: async (item) => {
        // An elder with dementia living at home opens her front door at night (night_door_open); two
        // minutes later her GPS watch has her outside her safe zone, folded into the same incident.
        const { resident, device: door } = pickResident(
          'door_sensor',
          (r) => !r.institutionId && isDementia(r) && !!deviceOf(r.id, 'gps_wearable'),
        );
        const gps = deviceOf(resident.id, 'gps_wearable')!;
        await addFamily(item, resident, ['family_raised', 'family_closed']);
        // The same night a neighbour without dementia comes home late: her door is activity, not an alarm.
        const { device: neighbourDoor } = pickResident('door_sensor', (r) => !r.institutionId && !isDementia(r));
        for (const d of [door, gps, neighbourDoor]) await bringOnline(d);
        await event(neighbourDoor, 'door_open');
        await event(door, 'door_open');
        const e = alarm(item, 'night_door_open', door, resident.id, { kinds: ['night_door_open', 'geofence_exit'] });
        later(now + 2 * MIN, () => event(gps, 'geofence_exit'));
        await handle(item, e);
        // By day she goes out to the market: her door is then activity, not an alarm.
        later(dayStart + 7 * H + 20 * MIN, () => event(door, 'door_open'));
      },
      staffing_handover: async () => {
        // The day shift comes on (one more than the ratio in each home); the night shift leaves at 08:00.
        for (const inst of institutions) await startShifts(inst, requiredAt.get(inst.id)! + 1);
        later(dayStart + 8 * H, async () => {
          for (const inst of institutions) {
            const night = nightShift.get(inst.id) ?? [];
            for (const n of night) await api('POST', `/api/institutions/${inst.id}/shifts/end`, n.token);
            onShift.set(
              inst.id,
              onShift.get(inst.id)!.filter((x) => !night.includes(x)),
            );
          }
        });
      },
      staffing_check: async (item) => {
        // What the roster and the register say, against the homes' boards and the oversight figures.
        const figures = institutions.map((inst) => {
          const required = requiredAt.get(inst.id)!;
          const on = onShift.get(inst.id)!.length;
          return { name: inst.name, required, onShift: on, missing: Math.max(0, required - on) };
        });
        expected.staffing!.push({
          item: item.id,
          figures: {
            institutions: figures,
            compliant: figures.filter((f) => f.missing === 0).length,
            total: figures.length,
          },
        });
        const board = [];
        for (const inst of institutions) {
          const b = await api<{ staffing: { required: number; onShift: number; missing: number } }>(
            'GET',
            `/api/institutions/${inst.id}/board`,
            coord,
          );
          board.push({
            name: inst.name,
            required: b.staffing.required,
            onShift: b.staffing.onShift,
            missing: b.staffing.missing,
          });
        }
        const o = await api<{ district: { staffing: { compliant: number; institutions: number } } }>(
          'GET',
          '/api/oversight/institutions',
          coord,
        );
        staffingObserved.set(item.id, {
          board,
          oversight: { compliant: o.district.staffing.compliant, total: o.district.staffing.institutions },
        });
      },
      broker_restart: async (item) => {
        // The external broker is stopped and started again (an upgrade, a host reboot); an elder
        // presses SOS while it is down. Her pendant holds the QoS 1 message and sends it when the
        // broker is back; the hub's persistent session gets it: one alarm, none lost.
        const { resident, device } = pickResident('sos_pendant');
        await bringOnline(device);
        const c = await client(device);
        log(`${new Date(now).toISOString()} stopping the broker`);
        await opts.broker!.stop();
        const eventId = `dd-${seed}-${++seq}`;
        const pressed = c
          .publishAsync(
            `eldercare/v1/devices/${device.deviceId}/events`,
            JSON.stringify({ eventId, ts: now, type: 'sos' }),
            { qos: 1 },
          )
          .catch(() => undefined);
        now += 30_000; // down for 30 simulated seconds
        await opts.broker!.start();
        log(`${new Date(now).toISOString()} the broker is back`);
        await pressed;
        const e = alarm(item, 'sos', device, resident.id);
        // A lost SOS is what this item looks for: the report's line names it, the day goes on.
        const stored = await until(
          async () =>
            (
              await h.database.pool.query('SELECT 1 FROM device_events WHERE device_id = $1 AND event_id = $2', [
                device.deviceId,
                eventId,
              ])
            ).rowCount,
          'the SOS pressed while the broker was down',
          30_000,
        ).catch(() => false);
        if (stored) await handle(item, e);
        else log(`${item.id}: the SOS pressed while the broker was down never reached the hub`);
      },
      offline_status: async (item) => {
        const device = rng.pick(
          devices.filter((d) => d.type === 'smoke_sensor' && d.residentId && !used.has(d.residentId)),
        );
        used.add(device.residentId!);
        await bringOnline(device);
        online.delete(device.deviceId);
        await status(device, { online: false });
        health(item, 'device_offline', device, false);
        later(now + 40 * MIN, async () => {
          await bringOnline(device);
        });
      },
      offline_silent: async (item) => {
        const device = rng.pick(
          devices.filter((d) => d.type === 'door_sensor' && d.residentId && !used.has(d.residentId)),
        );
        used.add(device.residentId!);
        await bringOnline(device);
        later(now + 5 * MIN, async () => void online.delete(device.deviceId));
        health(item, 'device_offline', device, true);
      },
      low_battery: async (item) => {
        const { resident, device } = pickResident('sos_pendant');
        // Her son has the app: a pendant running flat is his to hear of (device health), nothing more.
        await addFamily(item, resident, ['device_health']);
        await bringOnline(device);
        online.get(device.deviceId)!.battery = 12;
        await status(device, { online: true, battery: 12 });
        health(item, 'low_battery', device, true);
      },
      clock_drift: async (item) => {
        const { device } = pickResident('door_sensor', (r) => !r.institutionId);
        await bringOnline(device);
        online.get(device.deviceId)!.skewMs = 10 * MIN;
        await status(device, { online: true, battery: 90, ts: now + 10 * MIN });
        health(item, 'clock_wrong', device, true);
      },
      phone_in: async (item) => {
        // She has no button to hand: she rings the centre. The call taker finds her by the number
        // she calls from (the resident search matches phone numbers) and records the call.
        const { resident, device } = pickResident('sos_pendant', (r) => !r.institutionId && !!r.phone);
        const found = await api<{ items: Resident[] }>(
          'GET',
          `/api/residents?q=${encodeURIComponent(resident.phone.replace(/\D/g, ''))}`,
          dispatcher,
        );
        if (!found.items.some((r) => r.id === resident.id))
          throw new Error(`${item.id}: the call taker cannot find her by her number`);
        await api('POST', '/api/alerts/phone-in', dispatcher, {
          residentId: resident.id,
          callerPhone: resident.phone,
          kind: 'sos',
          note: 'feels dizzy, alone at home',
        });
        const e = alarm(item, 'sos', device, resident.id, { ackSeconds: null, phoneIn: true, endsActive: false });
        const a = await incidentOf(e);
        later(now + 6 * MIN, async () => {
          await api('POST', `/api/alerts/${a.id}/actions`, dispatcher, {
            action: 'resolve',
            outcome: 'resolved_by_phone',
          });
        });
      },
      storm_sos: async (item) => {
        // A dementia elder's GPS watch with a faulty fix flaps "left the safe zone" 14 times in 42 s;
        // she presses its SOS button in the middle of it. The alarm must not drown in the storm.
        const { resident, device } = pickResident('gps_wearable', (r) => !r.institutionId);
        await bringOnline(device);
        const stormStart = now;
        for (let i = 0; i < 14; i++) {
          await event(device, 'geofence_exit');
          now += 3_000;
        }
        await event(device, 'sos');
        health(item, 'device_storm', device, true);
        // The incident opened with the first "left the safe zone"; the SOS made it critical. The
        // dispatcher claims it `ackSeconds` after the SOS, so the SLA counts from the storm's start.
        const e = alarm(item, 'sos', device, resident.id, {
          ackSeconds: (now - stormStart) / 1000 + item.ackSeconds!,
        });
        await handle(item, e, now);
      },
      hub_restart: async (item) => {
        // The hub is stopped and started again (an upgrade, a crash) on the same ports and data; an
        // elder presses SOS while it is down. The pendant's QoS 1 message waits in the device (embedded
        // broker) or the broker's session for the hub (external broker): one alarm, none lost.
        const { resident, device } = pickResident('sos_pendant');
        await bringOnline(device);
        const c = await client(device);
        const ports = { PORT: String(h.httpPort), MQTT_PORT: String(h.mqttPort ?? 0) };
        log(`${new Date(now).toISOString()} stopping the hub`);
        const before = snapshots;
        await h.close();
        const eventId = `dd-${seed}-${++seq}`;
        const pressed = c
          .publishAsync(
            `eldercare/v1/devices/${device.deviceId}/events`,
            JSON.stringify({ eventId, ts: now, type: 'sos' }),
            { qos: 1 },
          )
          .catch(() => undefined);
        now += 30_000; // down for 30 simulated seconds
        h = hub = await startHub(loadConfig({ ...settings, ...ports }), {
          log: createLogger(config.LOG_LEVEL),
          clock,
        });
        listen(h);
        log(`${new Date(now).toISOString()} the hub is back`);
        // The dispatcher's screen reconnects within a second or two of wall time; simulated time
        // waits for it, as a real screen's reconnect is far shorter than the seconds that follow.
        await until(async () => snapshots > before, "the dispatcher's screen to reconnect", 30_000);
        await until(
          async () =>
            (
              await h.database.pool.query('SELECT 1 FROM device_events WHERE device_id = $1 AND event_id = $2', [
                device.deviceId,
                eventId,
              ])
            ).rowCount,
          'the SOS pressed while the hub was down',
          60_000,
        );
        await pressed;
        await handle(item, alarm(item, 'sos', device, resident.id));
      },
      db_outage: async (item) => {
        // The link to PostgreSQL is cut for 30 simulated seconds; an elder presses SOS in them. The
        // hub spools it on disk and shows it live as provisional; when the database is back it is
        // replayed into exactly one incident, timed from when the hub received it.
        const { resident, device } = pickResident('sos_pendant');
        await bringOnline(device);
        const pressedAt = now;
        log(`${new Date(now).toISOString()} the database link is cut`);
        dbDown = true;
        proxy!.cut();
        const eventId = `dd-${seed}-${++seq}`;
        await (
          await client(device)
        ).publishAsync(
          `eldercare/v1/devices/${device.deviceId}/events`,
          JSON.stringify({ eventId, ts: now, type: 'sos' }),
          { qos: 1 },
        );
        await until(async () => provisional.has(eventId), 'the SOS shown as provisional during the outage');
        now += 30_000;
        proxy!.restore();
        log(`${new Date(now).toISOString()} the database link is back`);
        await until(
          async () =>
            (
              await h.database.pool.query('SELECT 1 FROM device_events WHERE device_id = $1 AND event_id = $2', [
                device.deviceId,
                eventId,
              ])
            ).rowCount,
          'the SOS replayed from the spool',
          60_000,
        );
        dbDown = false;
        const e = alarm(item, 'sos', device, resident.id, { ackSeconds: (now - pressedAt) / 1000 + item.ackSeconds! });
        await handle(item, e, now);
      },
      missed_meal: async (item) => {
        // The lunch delivery run: one stop every 6 minutes, one door nobody answers.
        const lunch = ordersAtStart.filter((o) => o.meal === 'lunch' && o.mode === 'delivery' && o.runId);
        if (!lunch.length) return;
        const runId = lunch[0]!.runId!;
        const noAnswer = rng.pick(lunch);
        await api('POST', `/api/meals/runs/${runId}/start`, runner);
        const started = now;
        const stops = (await api<{ stops: Order[] }>('GET', `/api/meals/runs/${runId}`, runner)).stops;
        stops.forEach((o, i) =>
          later(started + (i + 1) * 6 * MIN, async () => {
            const outcome = o.id === noAnswer.id ? 'no_answer' : 'delivered';
            await api('POST', `/api/meals/orders/${o.id}/outcome`, runner, { outcome, note: '', concern: false });
            if (outcome === 'delivered') contacted.add(o.residentId);
            if (o.id === noAnswer.id) {
              const d = deviceOf(o.residentId, 'motion_sensor') ?? devices.find((x) => x.residentId === o.residentId)!;
              await handle(item, alarm(item, 'missed_meal', d, o.residentId));
            }
          }),
        );
        later(started + (stops.length + 1) * 6 * MIN, async () => {
          await api('POST', `/api/meals/runs/${runId}/complete`, runner);
          creditedMinutes += (stops.length + 1) * 6;
        });
        // The meal points' elders come for their lunch before the points close.
        ordersAtStart
          .filter((o) => o.mode === 'pickup' && o.meal === 'lunch')
          .forEach((o, i) =>
            later(started + 60 * MIN + i * 4 * MIN, async () => {
              await api('POST', '/api/meals/pickups', coord, {
                code: o.residentId,
                kitchenId: o.kitchenId,
                meal: 'lunch',
              });
              contacted.add(o.residentId);
            }),
          );
      },
      shift_change: async () => {
        // The day dispatcher is on screen before the night dispatcher leaves: the board is never unwatched.
        const next = await connect(dayDispatcher);
        screen.close();
        screen = next;
        dispatcher = dayDispatcher;
      },
      welfare_visits: async () => {
        // Everyone overdue (or falling due today) is visited, but for two elders nobody reaches: they
        // stay on the overdue list. Visits every 10 minutes, at home or by phone.
        const due = plansAtStart.filter(
          (p) => p.tier !== 'other' && Date.parse(p.dueAt) < dayEnd && !used.has(p.residentId),
        );
        const missed = new Set(rng.sample(due, 2).map((p) => p.residentId));
        for (const p of due) used.add(p.residentId);
        due
          .filter((p) => !missed.has(p.residentId))
          .forEach((p, i) =>
            later(now + i * 10 * MIN, async () => {
              await api('POST', '/api/visits', coord, {
                residentId: p.residentId,
                at: new Date(now).toISOString(),
                method: i % 3 === 0 ? 'phone' : 'home',
                state: 'well',
                note: '',
                concern: false,
              });
              contacted.add(p.residentId);
            }),
          );
      },
      service_request: async () => {
        // The four orders: the elder orders cleaning (点单), the coordinator dispatches it to the
        // volunteer (派单), who accepts (接单), serves 90 minutes, and the elder's side rates it (评单).
        const vol = volunteerAtStart;
        if (!vol) throw new Error('the district has no volunteer with a login');
        const elder = rng.pick(plansAtStart.filter((p) => !used.has(p.residentId)));
        used.add(elder.residentId);
        const req = await api<{ id: string }>('POST', '/api/service-requests', coord, {
          programId: vol.programId,
          residentId: elder.residentId,
          type: 'cleaning',
          scheduledAt: new Date(now + 30 * MIN).toISOString(),
          place: '',
          notes: '',
        });
        await api('POST', `/api/service-requests/${req.id}/dispatch`, coord, { volunteerId: vol.id });
        later(now + 10 * MIN, () =>
          api('POST', `/api/service-requests/${req.id}/accept`, runner).then(() => undefined),
        );
        later(now + 30 * MIN, () =>
          api('POST', `/api/service-requests/${req.id}/check-in`, runner).then(() => undefined),
        );
        later(now + 120 * MIN, async () => {
          await api('POST', `/api/service-requests/${req.id}/check-out`, runner);
          contacted.add(elder.residentId);
        });
        later(now + 130 * MIN, async () => {
          await api('POST', `/api/service-requests/${req.id}/confirm`, coord, { rating: 5, comment: '' });
          creditedMinutes += 90;
        });
      },
      dinner_run_unstarted: async () => {
        // Nothing happens: the dinner run is never started. The report must show its meals undelivered.
      },
    };

    // ---- the day's clock ---------------------------------------------------------------------------
    let lastMinute = now;
    let dbDown = false;
    const stepTo = async (t: number) => {
      now = t;
      if (dbDown) return;
      await h.flush();
      await h.tickAlerts();
      if (now - lastMinute >= MIN) {
        lastMinute = now - (now % MIN);
        const due = [...online.values()].filter((o) => o.nextBeat <= now);
        for (const o of due) o.nextBeat = now + HEARTBEAT_MS;
        await Promise.all(
          due.map((o) =>
            status(o.device, { online: true, battery: o.battery, ...(o.skewMs ? { ts: now + o.skewMs } : {}) }),
          ),
        );
        await h.flush();
        const rules = h.services.tenants.rules(await tenantId());
        await h.services.alerts.checks.checkSilentDevices(rules);
        if (Math.floor(now / (5 * MIN)) !== Math.floor((now - MIN) / (5 * MIN)) || now % (5 * MIN) === 0)
          await h.services.alerts.checks.checkInactivity(rules, h.services.tenants.timeZone);
        await h.runMealJobs();
        await h.tickAlerts();
      }
      await h.deliverNotifications();
    };
    let tenant: string | null = null;
    const tenantId = async () =>
      (tenant ??= (await h.database.pool.query<{ id: string }>('SELECT id FROM tenants LIMIT 1')).rows[0]!.id);

    /** Activity of every watched elder but the quiet one: morning, then every two hours until night. */
    for (let hr = 6.5; hr < 22; hr += 2)
      later(dayStart + hr * H, () =>
        events(motion.filter((d) => d.residentId !== quietResident).map((d) => ({ d, type: 'motion' }))),
      );

    for (const item of script) later(dayStart + item.at, () => ITEMS[item.kind](item));

    const advance = async (target: number) => {
      while (now < target) {
        const nextMinute = now - (now % MIN) + MIN;
        const nextWake = wakes.filter((w) => w > now).reduce((m, w) => Math.min(m, w), Infinity);
        await stepTo(Math.min(target, nextMinute, nextWake));
      }
    };
    const logged = new Set<string>();
    for (;;) {
      tasks.sort((a, b) => a.at - b.at);
      const next = tasks[0];
      if (!next || next.at >= dayEnd) break;
      tasks.shift();
      if (next.at > now) await advance(next.at);
      const before = script.find((i) => dayStart + i.at === next.at && !logged.has(i.id));
      if (before) logged.add(before.id);
      if (before) log(`${new Date(now).toISOString()} ${before.id}: ${before.note}`);
      await next.run();
      await h.flush();
      if (before) await snapshot();
    }
    await advance(dayEnd);
    await snapshot();

    // ---- what the hub shows at the end of the day ------------------------------------------------------
    // Raised = reached dispatch: a fall withdrawn inside its cancel window never opened and is not an alarm.
    const all = (await api<{ items: Alert[] }>('GET', '/api/alerts?state=all&limit=1000', admin)).items.filter(
      (a) => Date.parse(a.createdAt) >= dayStart && (a.openedAt !== null || a.queue === 'device_health'),
    );
    const supervisorTold = hook.received
      .filter((m) => m.type === 'alarm_unacknowledged')
      .map((m) => (m.data.alert as { id: string }).id);
    // The responders' answers, from each ladder incident's audit trail (who declined, who accepted).
    const offers = new Map<string, string[]>();
    const acceptedResponder = new Map<string, string | null>();
    for (const e of expected.alarms.filter((x) => x.responders)) {
      const a = all.find((x) => x.residentId === e.residentId && x.kinds.includes(e.kind as never));
      if (!a) continue;
      const d = await api<{ actions: { action: string; data: { responder?: { name: string } } }[] }>(
        'GET',
        `/api/alerts/${a.id}`,
        admin,
      );
      const replies = d.actions.filter((x) => x.action === 'responder_declined' || x.action === 'responder_accepted');
      offers.set(
        a.id,
        replies.map(
          (x) => `${x.data.responder?.name ?? '?'} ${x.action === 'responder_accepted' ? 'accepted' : 'declined'}`,
        ),
      );
      acceptedResponder.set(a.id, a.responder?.name ?? null);
    }
    const sla = await api<Observed['sla'] & object>(
      'GET',
      `/api/reports/sla?from=${new Date(dayStart).toISOString()}&to=${new Date(dayEnd).toISOString()}`,
      admin,
    );
    const finalBoard = (
      await api<{ items: Alert[] }>('GET', '/api/alerts?state=active&limit=1000', dispatcher)
    ).items.map((a) => a.id);
    for (const m of push.received)
      familyPhones.get(m.who)?.push({ purpose: m.payload.purpose, alertId: m.payload.alertId, at: m.at });
    const observed: Observed = {
      family: familyPhones,
      staffing: staffingObserved,
      alerts: all,
      onBoard,
      onStaffScreen,
      supervisorTold,
      offers,
      acceptedResponder,
      queueSnapshots,
      sla,
      finalBoard,
    };
    if (opts.browser) {
      const why = browserUnavailable(h.config.dashboardDir);
      if (why) throw new Error(`district day --browser: ${why}`);
      const dispatcherLogin =
        dispatcher === dayDispatcher
          ? { email: 'day-dispatcher@district.local', password: 'district-day-dispatch' }
          : { email: 'dispatcher@demo.local', password: 'demo-dispatch-pass' };
      log('looking at the dispatch board in Chromium');
      const seen = await readBoard(base, dispatcherLogin);
      const byQueue = async (q: string) =>
        (await api<{ items: Alert[] }>('GET', `/api/alerts?state=active&limit=1000&queue=${q}`, dispatcher)).items.map(
          (a) => a.id,
        );
      observed.browserBoard = {
        ...seen,
        apiEmergency: await byQueue('emergency'),
        apiDeviceHealth: await byQueue('device_health'),
      };
    }
    const has = (k: ScriptItem['kind']) => script.some((i) => i.kind === k);
    if (has('welfare_visits')) {
      const key = plansAtStart.filter((p) => p.tier !== 'other');
      expected.visits = {
        keyElders: key.length,
        visited: key.filter((p) => contacted.has(p.residentId)).length,
        overdue: plansAtStart
          .filter((p) => Date.parse(p.dueAt) < dayEnd && !contacted.has(p.residentId))
          .map((p) => p.residentName),
      };
      const v = await api<{ district: { keyElders: number; visited: number }; overdue: Plan[] }>(
        'GET',
        '/api/visits/report',
        coord,
      );
      const log = await contactLog();
      const names = new Map([
        ...residents.map((r) => [r.id, r.name] as const),
        ...plansAtStart.map((p) => [p.residentId, p.residentName] as const),
      ]);
      expected.visits.contacted = [...contacted].map((id) => names.get(id) ?? id);
      observed.visits = {
        keyElders: v.district.keyElders,
        visited: v.district.visited,
        overdue: v.overdue.map((p) => p.residentName),
        contacted: [...new Set(log.map((c) => c.residentName))],
      };
    }
    if (has('missed_meal')) {
      const o = await orders();
      const count = (f: (x: Order) => boolean) => ordersAtStart.filter(f).length;
      const lunchDelivery = (x: Order) => x.meal === 'lunch' && x.mode === 'delivery' && !!x.runId;
      expected.meals = {
        delivered: count(lunchDelivery) - (count(lunchDelivery) ? 1 : 0),
        noAnswer: count(lunchDelivery) ? 1 : 0,
        pickedUp: count((x) => x.mode === 'pickup' && x.meal === 'lunch'),
        unstarted: has('dinner_run_unstarted') ? count((x) => x.meal === 'dinner' && x.mode === 'delivery') : null,
      };
      observed.meals = {
        delivered: o.filter((x) => x.status === 'delivered').length,
        noAnswer: o.filter((x) => x.status === 'no_answer').length,
        pickedUp: o.filter((x) => x.status === 'picked_up').length,
        unstarted: has('dinner_run_unstarted')
          ? o.filter((x) => x.meal === 'dinner' && x.status === 'planned').length
          : null,
      };
    }
    if (volunteerAtStart && (has('missed_meal') || has('service_request'))) {
      expected.hours = {
        volunteer: volunteerAtStart.name,
        creditedMinutes,
        balanceBefore: volunteerAtStart.balanceMinutes,
      };
      const after = (await volunteers()).find((v) => v.id === volunteerAtStart.id)!;
      // The volunteer's statement for the day: what was credited after the day began (the demo's own
      // postings are dated at its very start), and the closing balance.
      const statement = await api<{ closingMinutes: number; lines: { at: string; amountMinutes: number }[] }>(
        'GET',
        `/api/timebank/accounts/${(after as Volunteer & { accountId: string }).accountId}/statement?from=${day}&to=${day}`,
        coord,
      );
      observed.hours = {
        creditedMinutes: statement.lines
          .filter((l) => Date.parse(l.at) > dayStart && l.amountMinutes > 0)
          .reduce((sum, l) => sum + l.amountMinutes, 0),
        balanceAfter: after.balanceMinutes,
        statementClosing: statement.closingMinutes,
      };
    }
    const lines = check(expected, observed);
    const failed = lines.filter((l) => !l.pass).length;
    return {
      seed,
      hours,
      day,
      startedAt: new Date(dayStart).toISOString(),
      wallSeconds: Math.round((Date.now() - wallStart) / 100) / 10,
      script,
      lines,
      passed: lines.length - failed,
      failed,
    };
  } finally {
    for (const s of sockets) s.close();
    await Promise.all([...clients.values()].map((c) => c.endAsync(true).catch(() => undefined)));
    await hub?.close();
    // With an external broker, the hub's persistent session would collect messages for days: drop it.
    for (const clientId of hub && config.MQTT_URL ? [config.HUB_ID, `${config.HUB_ID}${ALARM_CLIENT_SUFFIX}`] : [])
      await mqtt
        .connectAsync(config.MQTT_URL!, {
          clientId,
          username: config.MQTT_USERNAME,
          password: config.MQTT_PASSWORD,
          clean: true,
          protocolVersion: 5,
          properties: { sessionExpiryInterval: 0 },
          reconnectPeriod: 0,
          connectTimeout: 5_000,
        })
        .then((c) => c.endAsync())
        .catch(() => undefined);
    await hook.close();
    await push.close();
    await proxy?.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Polls (in wall time; the simulated clock stands still) until `check` gives a value. */
async function until<T>(
  check: () => Promise<T | null | undefined | false | 0>,
  what: string | (() => string),
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline)
      throw new Error(`district day: gave up waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
