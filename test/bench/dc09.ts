/**
 * DC-09 receiver benchmark (short and bounded; not part of `npm run bench`): one embedded hub with
 * its DC-09 TCP listener, `--panels` encrypted panels (devices-sim dialler, AES-128) each sending
 * Contact ID test reports back to back (the next after the ACK, as a panel does) for `--sec` seconds
 * while `--telemetry` MQTT readings a second arrive from other devices; each panel also sends one
 * personal emergency at a random moment. Reports DC-09 events acknowledged per second, loss
 * (acknowledged but not stored: must be 0), alarm → dispatcher socket latency (p50/p99), and the
 * MQTT readings stored. Load generator and hub share this process and machine: figures are
 * indicative. `npx tsx test/bench/dc09.ts --panels 20 --sec 10 --telemetry 200`
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import mqtt from 'mqtt';
import { io as ioClient } from 'socket.io-client';
import type { Alert, Dc09Account } from '@eldercare/shared';
import { Dc09Dialler, contactId } from '@eldercare/devices-sim';
import { startTestHub } from '../support/hub.js';
import { TOPIC, count, demoDevices } from '../support/devices.js';
import { machine, percentile, sleep } from './lib.js';

const { values: args } = parseArgs({
  options: {
    panels: { type: 'string', default: '20' },
    sec: { type: 'string', default: '10' },
    telemetry: { type: 'string', default: '200' },
  },
});
const panels = Math.min(Number(args.panels), 200);
const sec = Math.min(Number(args.sec), 120);
const telemetryRate = Math.min(Number(args.telemetry), 5000);
const log = (m: string) => process.stderr.write(`[dc09-bench] ${m}\n`);

const hub = await startTestHub({ DC09_TCP_PORT: '0', LOG_LEVEL: 'warn' });
try {
  const admin = await hub.login('admin@demo.local', 'demo-admin-pass');
  const dispatcher = await hub.login('dispatcher@demo.local', 'demo-dispatch-pass');
  const all = (await demoDevices(hub.dataDir)).filter((d) => d.residentId);
  // One panel per resident (the alert engine folds one person's alarms into one incident).
  const byResident = new Map<string, (typeof all)[number]>();
  for (const d of all) if (!byResident.has(d.residentId!)) byResident.set(d.residentId!, d);
  const panelDevices = [...byResident.values()].slice(0, panels);
  const sensors = all.filter((d) => !panelDevices.includes(d)).slice(0, 20);
  const accounts: { a: Dc09Account; key: string }[] = [];
  for (const [i, d] of panelDevices.entries()) {
    const key = randomBytes(16).toString('hex');
    const r = await hub.api<Dc09Account>('POST', '/api/dc09/accounts', admin, {
      deviceId: d.deviceId,
      line: '1',
      account: (0x2000 + i).toString(16).toUpperCase(),
      key,
    });
    if (r.status !== 201) throw new Error(`account: ${r.status} ${JSON.stringify(r.body)}`);
    accounts.push({ a: r.body, key });
  }
  log(`${accounts.length} panels, ${sensors.length} MQTT sensors, ${sec} s`);

  const firstSos = new Map<string, number>();
  const socket = ioClient(hub.base, { auth: { token: dispatcher }, transports: ['websocket'], reconnection: false });
  socket.on('alert:upsert', (a: Alert) => {
    if (a.kind === 'sos' && a.deviceId && !firstSos.has(a.deviceId)) firstSos.set(a.deviceId, performance.now());
  });
  await new Promise((r) => socket.once('alerts:snapshot', r));

  const clients = await Promise.all(
    sensors.map((d) =>
      mqtt.connectAsync(hub.mqttUrl, {
        clientId: d.deviceId,
        username: d.deviceId,
        password: d.password,
        reconnectPeriod: 0,
      }),
    ),
  );
  const started = performance.now();
  const deadline = started + sec * 1000;
  let readingsSent = 0;
  const telemetry = (async () => {
    const perTick = Math.max(1, Math.round(telemetryRate / 10));
    while (performance.now() < deadline) {
      for (let i = 0; i < perTick; i++) {
        const c = clients[readingsSent % clients.length]!;
        const d = sensors[readingsSent % sensors.length]!;
        c.publish(TOPIC(d.deviceId, 'telemetry'), JSON.stringify({ ts: Date.now(), readings: { heartRate: 70 } }), {
          qos: 1,
        });
        readingsSent++;
      }
      await sleep(100);
    }
  })();

  const sosSent = new Map<string, number>();
  const answers = { ACK: 0, NAK: 0, DUH: 0, none: 0 };
  let acked = 0;
  await Promise.all(
    accounts.map(async ({ a, key }) => {
      const panel = new Dc09Dialler({
        host: '127.0.0.1',
        port: hub.services.dc09.tcpPort!,
        transport: 'tcp',
        line: a.line,
        account: a.account,
        key,
        retries: 2,
        ackTimeoutMs: 5000,
      });
      const sosAt = started + Math.random() * sec * 800;
      let sosDone = false;
      try {
        while (performance.now() < deadline) {
          const sos = !sosDone && performance.now() >= sosAt;
          if (sos) {
            sosDone = true;
            sosSent.set(a.deviceId, performance.now());
          }
          const r = await panel.send('ADM-CID', contactId(a.account, sos ? '101' : '602'));
          answers[r.answer ?? 'none']++;
          if (r.answer === 'ACK') acked++;
        }
      } finally {
        panel.close();
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await telemetry;
  await Promise.all(clients.map((c) => c.endAsync()));
  await sleep(1000);
  await hub.flush();
  const stored = await count(
    hub.database.pool,
    `SELECT count(*) AS n FROM device_events WHERE body->'data'->>'source' = 'dc09'`,
  );
  const readings = await count(hub.database.pool, `SELECT count(*) AS n FROM readings WHERE device_id = ANY($1)`, [
    sensors.map((d) => d.deviceId),
  ]);
  const latencies = [...sosSent]
    .flatMap(([id, t]) => (firstSos.has(id) ? [firstSos.get(id)! - t] : []))
    .sort((x, y) => x - y);
  socket.close();
  const result = {
    machine: machine(),
    panels: accounts.length,
    seconds: Number(elapsed.toFixed(1)),
    dc09: {
      acknowledged: acked,
      perSecond: Math.round(acked / elapsed),
      stored,
      lost: acked - stored,
      answers,
    },
    alarmToSocketMs: {
      samples: latencies.length,
      missing: sosSent.size - latencies.length,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    },
    mqttTelemetry: { sent: readingsSent, stored: readings },
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await hub.stop();
}
