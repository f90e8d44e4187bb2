/**
 * The soak (`--soak`): many devices registered through the API and connected, each its own MQTT
 * connection, telemetry for minutes; the hub's RSS and heap over time, loss, dead letters.
 */
import mqtt from 'mqtt';
import type { BenchConfig } from './cli.js';
import { READINGS, scrape, waitForRows, type DemoDevice, type HubChild } from './hub-child.js';
import type { WorkerDevice } from './load-worker.js';
import { cpuSeconds, log, rssMiB, sumMetric, type Cleanups } from './lib.js';
import { runWorkers, startWorkers, stopWorkers } from './workers.js';

export async function soak(
  cfg: BenchConfig,
  cleanups: Cleanups,
  hub: HubChild,
  adminToken: string,
  demo: DemoDevice[],
) {
  const n = cfg.soakDevices;
  const minutes = cfg.soakMin;
  const rate = cfg.soakRate;
  const residents = [...new Set(demo.map((d) => d.residentId).filter((r): r is string => !!r))];
  const devices: WorkerDevice[] = [];
  log(`soak: registering ${n} devices through POST /api/devices`);
  const rssBefore = rssMiB(hub.pid);
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < n) {
        const i = next++;
        const r = await fetch(`${hub.base}/api/devices`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
          body: JSON.stringify({
            id: `soak-${cfg.dbSuffix.slice(-6)}-${i}`,
            type: 'smartwatch',
            label: `soak ${i}`,
            residentId: residents[i % residents.length],
          }),
        });
        if (!r.ok) throw new Error(`register device ${i}: ${r.status} ${await r.text()}`);
        const body = (await r.json()) as { credentials: { username: string; password: string } };
        devices.push({ id: body.credentials.username, password: body.credentials.password });
      }
    }),
  );
  const registerSec = (performance.now() - t0) / 1000;
  log(`soak: registered in ${registerSec.toFixed(1)} s; connecting`);
  const c0 = performance.now();
  const { workers, connected, failed } = await startWorkers(
    cleanups,
    Math.max(cfg.workersN, 2),
    hub.mqttHost,
    hub.mqttPort,
    devices,
    'eldercare/v1/devices/{id}/telemetry',
  );
  const connectSec = (performance.now() - c0) / 1000;
  const rssConnected = rssMiB(hub.pid);
  log(
    `soak: ${connected} connected (${failed} failed) in ${connectSec.toFixed(1)} s; ${rate} msgs/s for ${minutes} min`,
  );
  // Every 10 s: hub RSS (/proc), its V8 heap (/metrics) and, on an external broker, the broker's own
  // count of connected clients ($SYS/broker/clients/connected: Mosquitto publishes it every
  // sys_interval only when it changed, so the latest value stands until a new one arrives).
  const brokerConnected: { t: number; n: number }[] = [];
  let sys: mqtt.MqttClient | null = null;
  if (cfg.external.broker) {
    sys = mqtt.connect(cfg.mqttUrl, { clientId: `bench-sys-${process.pid}`, reconnectPeriod: 1000 });
    cleanups.push(() => void sys?.end(true));
    sys.on('connect', () => void sys!.subscribe('$SYS/broker/clients/connected'));
    sys.on('message', (_t, p) => brokerConnected.push({ t: Date.now(), n: Number(p.toString()) }));
  }
  const samples: { t: number; rss: number; heapUsed: number | null; brokerConnected: number | null }[] = [];
  const s0Wall = Date.now();
  const sample = async () => {
    const rss = rssMiB(hub.pid);
    const heap = await scrape(hub.base)
      .then((m) => m.get('nodejs_heap_size_used_bytes') ?? null)
      .catch(() => null);
    const last = brokerConnected[brokerConnected.length - 1];
    samples.push({
      t: Date.now() - s0Wall,
      rss,
      heapUsed: heap === null ? null : heap / 2 ** 20,
      brokerConnected: last ? last.n : null,
    });
    if (samples.length % 6 === 1) {
      const p = samples[samples.length - 1]!;
      log(
        `soak t=${Math.round(p.t / 1000)} s: hub RSS ${Math.round(p.rss)} MiB, heap ${p.heapUsed === null ? '–' : Math.round(p.heapUsed)} MiB, broker clients ${p.brokerConnected ?? '–'}`,
      );
    }
  };
  await sample();
  const sampleTimer = setInterval(() => void sample().catch(() => {}), 10_000);
  cleanups.push(() => clearInterval(sampleTimer));
  const m0 = await scrape(hub.base);
  const cpu0 = cpuSeconds(hub.pid);
  const s0 = performance.now();
  const pub = await runWorkers(workers, rate, minutes * 60_000);
  const secs = (performance.now() - s0) / 1000;
  const cpu1 = cpuSeconds(hub.pid);
  clearInterval(sampleTimer);
  await sample();
  const drained = await waitForRows(hub.base, m0.get(READINGS) ?? 0, pub.acked, 60_000);
  await stopWorkers(workers);
  await sys?.endAsync().catch(() => {});
  sys = null;
  const mEnd = await scrape(hub.base);
  /** Least-squares slope in MiB per minute of the samples from `fromMin` on. */
  const slope = (key: 'rss' | 'heapUsed', fromMin: number) => {
    const pts = samples.filter((p) => p.t >= fromMin * 60_000 && p[key] !== null);
    if (pts.length < 3) return null;
    const xs = pts.map((p) => p.t / 60_000);
    const ys = pts.map((p) => p[key]!);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    const b =
      xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) /
      Math.max(
        1e-9,
        xs.reduce((a, x) => a + (x - mx) ** 2, 0),
      );
    return Math.round(b * 100) / 100;
  };
  const at = (min: number) => {
    const p = samples.reduce((a, b) => (Math.abs(b.t - min * 60_000) < Math.abs(a.t - min * 60_000) ? b : a));
    return {
      minute: min,
      tSec: Math.round(p.t / 1000),
      rssMiB: Math.round(p.rss),
      heapUsedMiB: p.heapUsed === null ? null : Math.round(p.heapUsed),
      brokerConnected: p.brokerConnected,
    };
  };
  const r1 = (v: number) => Math.round(v * 10) / 10;
  const rssValues = samples.map((p) => p.rss);
  return {
    devices: n,
    connected,
    failedConnections: failed,
    brokerConnectedMin: brokerConnected.length ? Math.min(...brokerConnected.map((b) => b.n)) : null,
    brokerConnectedMax: brokerConnected.length ? Math.max(...brokerConnected.map((b) => b.n)) : null,
    minutes,
    offeredPerSec: rate,
    perDeviceIntervalSec: Math.round(n / rate),
    sentPerSec: Math.round(pub.sent / secs),
    registerSec: Math.round(registerSec),
    connectSec: Math.round(connectSec),
    sent: pub.sent,
    acked: pub.acked,
    unacked: pub.unacked,
    rowsWritten: drained.rows,
    lost: pub.acked - drained.rows,
    drainMs: Math.round(drained.drainMs),
    deadLetters: sumMetric(mEnd, 'hub_dead_letters_total') - sumMetric(m0, 'hub_dead_letters_total'),
    hubCpuPct: Math.round(((cpu1 - cpu0) / secs) * 1000) / 10,
    rssMiB: {
      beforeRegistration: Math.round(rssBefore),
      afterConnect: Math.round(rssConnected),
      first: Math.round(rssValues[0] ?? 0),
      last: Math.round(rssValues[rssValues.length - 1] ?? 0),
      min: Math.round(Math.min(...rssValues)),
      peak: Math.round(Math.max(...rssValues)),
      slopeMiBPerMin: slope('rss', 0),
      slopeMiBPerMinAfter2Min: slope('rss', 2),
    },
    heapUsedSlopeMiBPerMin: slope('heapUsed', 0),
    heapUsedSlopeMiBPerMinAfter2Min: slope('heapUsed', 2),
    checkpoints: Array.from({ length: Math.floor(minutes / 2) + 1 }, (_, i) => at(i * 2)),
    sampleEverySec: 10,
    series: samples.map((p) => ({
      tSec: Math.round(p.t / 1000),
      rssMiB: r1(p.rss),
      heapUsedMiB: p.heapUsed === null ? null : r1(p.heapUsed),
      brokerConnected: p.brokerConnected,
    })),
  };
}

export type SoakResult = Awaited<ReturnType<typeof soak>>;
