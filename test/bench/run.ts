/**
 * End-to-end benchmark of the hub (`npm run bench`; `-- --help` for options).
 *
 *  1. Physical limits of this machine, without the hub (baselines.ts): the database alone and the
 *     broker alone.
 *  2. The hub as a child process (hub-child.ts; CPU and RSS read from /proc/<pid>), demo data
 *     loaded, driven by stepped QoS 1 telemetry from forked load-generator processes (workers.ts,
 *     every demo device its own connection) while a few sos per second from different pendants go
 *     to a dashboard socket (alert-probe.ts, logged in as the dispatcher) and new emergencies to a
 *     district webhook (webhook-probe.ts): per step (steps.ts) offered and persisted msgs/s, loss
 *     (acknowledged publishes vs rows written, from /metrics and, with DATABASE_URL, the table),
 *     alert latency publish → socket, DB rows/s, hub CPU and peak RSS, dead letters.
 *  3. Optional `--soak` (soak.ts): 10,000 registered devices connected for 10 minutes; RSS over time.
 *
 * Options: cli.ts. Results (report.ts): bench/results/<time>-<mode>.json and the tables in BENCHMARKS.md.
 */
import os from 'node:os';
import { startPrivateMosquitto } from '../support/processes.js';
import { AlertProbe } from './alert-probe.js';
import { brokerBaseline, databaseBaseline, type Baseline } from './baselines.js';
import { HELP, WEBHOOK_PENDANTS, benchConfig, parseCli } from './cli.js';
import { databaseCheck, type DatabaseCheck } from './databases.js';
import { demoDevices, login, scrape, startHubChild, stopHubChild, type DemoDevice } from './hub-child.js';
import type { WorkerDevice } from './load-worker.js';
import { Cleanups, log, rssMiB } from './lib.js';
import { buildResults, report, summariseProfile } from './report.js';
import { soak, type SoakResult } from './soak.js';
import { runSteps, type StepResult } from './steps.js';
import { WebhookProbe } from './webhook-probe.js';

const args = parseCli();
if (args.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

// A private Mosquitto: the machine's may run with defaults (max_queued_messages 1000 drops messages
// for a subscriber that lags, which would make the broker-alone reference meaningless).
const privateBroker = args.mosquitto ? await startPrivateMosquitto() : null;
const cfg = benchConfig(args, privateBroker?.url ?? null);

const cleanups = new Cleanups();
if (privateBroker) cleanups.push(() => privateBroker.close());
const hardStop = setTimeout(() => {
  log('time limit reached: stopping');
  void cleanups.run().finally(() => process.exit(3));
}, cfg.hardStopMs);
hardStop.unref();
for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.on(sig, () => void cleanups.run().finally(() => process.exit(130)));

async function main() {
  const startedAt = new Date().toISOString();
  log(
    `mode ${cfg.modeName}${cfg.smoke ? ' (smoke)' : ''}${cfg.soak ? ' (soak)' : ''}: ${os.availableParallelism()} CPUs`,
  );
  let baseline: Baseline | null = null;
  // The hub first (demo devices are also the baseline's publishers), then idle while we measure.
  const hub = await startHubChild(cfg, cleanups);
  const demo = demoDevices(hub);
  log(`hub pid ${hub.pid} ready at ${hub.base} (${demo.length} demo devices), RSS ${Math.round(rssMiB(hub.pid))} MiB`);
  const pendantTypes = new Set(['sos_pendant', 'pull_cord']);
  const sosDevices: DemoDevice[] = [];
  const residentsTaken = new Set<string>();
  for (const d of demo)
    if (pendantTypes.has(d.type) && d.residentId && !residentsTaken.has(d.residentId)) {
      residentsTaken.add(d.residentId);
      sosDevices.push(d);
    }
  // The last few elders' pendants press for the webhook probe (their incidents are closed after
  // each webhook, so every press is a new incident); the others for the on-screen probe.
  const hookDevices = sosDevices.splice(Math.max(1, sosDevices.length - WEBHOOK_PENDANTS));
  const sosIds = new Set([...sosDevices, ...hookDevices].map((d) => d.deviceId));
  const telemetryDevices: WorkerDevice[] = demo
    .filter((d) => !sosIds.has(d.deviceId))
    .map((d) => ({ id: d.deviceId, ...(cfg.external.broker ? {} : { password: d.password }) }));

  let stepsOut: StepResult[] = [];
  let soakOut: SoakResult | null = null;
  const adminToken = await login(hub.base, 'admin@demo.local', 'demo-admin-pass');
  if (cfg.soak) {
    soakOut = await soak(cfg, cleanups, hub, adminToken, demo);
    log(`soak: ${JSON.stringify(soakOut)}`);
  } else {
    // Physical limits, measured while the hub idles (its own MQTT/DB untouched).
    const database = await databaseBaseline(cfg, cleanups);
    const broker = await brokerBaseline(
      cfg,
      cleanups,
      demo.map((d) => ({ id: `${d.deviceId}`, ...(cfg.external.broker ? {} : { password: d.password }) })),
    );
    baseline = { database, broker };
    const token = await login(hub.base, 'dispatcher@demo.local', 'demo-dispatch-pass');
    const probe = new AlertProbe(sosDevices, hub, cfg.runId);
    cleanups.push(() => probe.close());
    await probe.start(token);
    const hook = new WebhookProbe(hookDevices, hub, cfg.runId);
    cleanups.push(() => hook.close());
    await hook.start(adminToken, token);
    stepsOut = await runSteps(cfg, cleanups, hub, telemetryDevices, probe, hook);
    await probe.close();
    await hook.close();
  }

  const mEnd = await scrape(hub.base);
  let dbCheck: DatabaseCheck | null = null;
  if (hub.dbUrl) {
    dbCheck = await databaseCheck(hub.dbUrl, stepsOut.reduce((s, x) => s + x.acked, 0) + (soakOut?.acked ?? 0));
    log(`database check: ${dbCheck.readingsRows} readings rows for ${dbCheck.acked} acknowledged telemetry messages`);
  }
  // Stop the hub (a clean exit writes the CPU profile).
  await stopHubChild(hub);
  return buildResults(cfg, {
    startedAt,
    telemetryConnections: telemetryDevices.length,
    sosPendants: sosDevices.length,
    baseline,
    steps: stepsOut,
    soak: soakOut,
    metricsAtEnd: mEnd,
    databaseCheck: dbCheck,
    profile: hub.profDir ? summariseProfile(hub.profDir) : null,
  });
}

main()
  .then(async (r) => {
    await cleanups.run();
    const file = await report(cfg, r);
    process.stdout.write(`RESULTS ${file}\n`);
    process.exit(0);
  })
  .catch(async (err: Error) => {
    log(`failed: ${err.stack ?? err.message}`);
    await cleanups.run();
    process.exit(1);
  });
