/**
 * The run's report: the results file (one JSON object), the BENCHMARKS.md sections made from it,
 * and the summary of a CPU profile of the hub.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as prettier from 'prettier';
import type { Baseline } from './baselines.js';
import { MAX_INFLIGHT, type BenchConfig } from './cli.js';
import type { DatabaseCheck } from './databases.js';
import { ROOT, labelled, log, machine, sumMetric } from './lib.js';
import type { SoakResult } from './soak.js';
import type { StepResult } from './steps.js';

/** Everything a run measured, as the results file holds it (`version` 1). */
export function buildResults(
  cfg: BenchConfig,
  m: {
    startedAt: string;
    telemetryConnections: number;
    sosPendants: number;
    baseline: Baseline | null;
    steps: StepResult[];
    soak: SoakResult | null;
    metricsAtEnd: Map<string, number>;
    databaseCheck: DatabaseCheck | null;
    profile: ReturnType<typeof summariseProfile>;
  },
) {
  const { baseline, steps: stepsOut, databaseCheck: dbCheck, metricsAtEnd: mEnd } = m;
  const kept = stepsOut.filter((s) => s.keptUp);
  const best = kept.length ? kept.reduce((a, b) => (b.offeredPerSec > a.offeredPerSec ? b : a)) : null;
  const round2 = (v: number) => Math.round(v * 100) / 100;
  const summary = baseline
    ? {
        maxSustainedPerSec: best?.offeredPerSec ?? 0,
        ratioToBroker: best ? round2(best.persistedPerSec / baseline.broker.msgsPerSec) : null,
        ratioToDatabase: best ? round2(best.dbRowsPerSec / baseline.database.rowsPerSec) : null,
        alertP99AtMax: best?.alertLatencyMs.p99 ?? null,
        alarmOnScreenP99AtMax: best?.alarmOnScreenMs.p99 ?? null,
        cpuUsPerMsgAtMax: best ? Math.round((best.hubCpuPct / 100 / best.persistedPerSec) * 1e6 * 10) / 10 : null,
        totalLost: stepsOut.reduce((s, x) => s + x.lost, 0),
        totalDeadLetters: sumMetric(mEnd, 'hub_dead_letters_total'),
        allZeroLoss: stepsOut.every((s) => s.zeroLoss) && (!dbCheck || dbCheck.readingsRows === dbCheck.acked),
      }
    : null;
  return {
    version: 1,
    runId: cfg.runId,
    startedAt: m.startedAt,
    finishedAt: new Date().toISOString(),
    mode: cfg.modeName,
    smoke: cfg.smoke,
    machine: machine(),
    config: {
      steps: cfg.steps,
      stepSec: cfg.stepSec,
      workers: cfg.workersN,
      alertRate: cfg.alertRate,
      baselineSec: cfg.baselineSec,
      qos: 1,
      maxInflightPerConnection: MAX_INFLIGHT,
      telemetryConnections: m.telemetryConnections,
      sosPendants: m.sosPendants,
      mqtt: cfg.privateBroker
        ? 'private Mosquitto with the settings of deploy/mosquitto/mosquitto.conf'
        : cfg.external.broker
          ? cfg.mqttUrl
          : 'embedded Aedes',
      database: cfg.external.database ? new URL(cfg.databaseUrl).host : 'embedded PGlite + TimescaleDB (worker thread)',
      cpuProfile: cfg.cpuProf,
    },
    baseline,
    steps: stepsOut,
    summary,
    deadLettersByReason: labelled(mEnd, 'hub_dead_letters_total'),
    databaseCheck: dbCheck,
    soak: m.soak,
    profile: m.profile,
    targets: {
      externalPersistedPerSec: 20_000,
      externalRatioToBroker: 0.5,
      embeddedPersistedPerSec: 10_000,
      alertP99MsAt10k: 50,
      soakDevices: 10_000,
    },
  };
}

export type Results = ReturnType<typeof buildResults>;

/** Hottest functions (self time, share of the busy samples) per profiled thread of the hub. */
export function summariseProfile(dir: string) {
  type Node = { callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
  const threads = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => {
      const p = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { nodes: Node[] };
      const byFn = new Map<string, number>();
      const byArea = new Map<string, number>();
      let busy = 0;
      let idle = 0;
      for (const n of p.nodes) {
        const hits = n.hitCount ?? 0;
        if (!hits) continue;
        if (n.callFrame.functionName === '(idle)') {
          idle += hits;
          continue;
        }
        busy += hits;
        const u = n.callFrame.url;
        const rel = u.replace(/^file:\/\//, '').replace(`${ROOT}/`, '');
        const key = `${n.callFrame.functionName || '(anonymous)'} ${rel.replace(/^.*node_modules\//, '')}:${n.callFrame.lineNumber + 1}`;
        byFn.set(key, (byFn.get(key) ?? 0) + hits);
        const area = u.includes('node_modules/')
          ? u.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1')
          : rel
            ? rel.split('/').slice(0, 3).join('/')
            : n.callFrame.functionName;
        byArea.set(area, (byArea.get(area) ?? 0) + hits);
      }
      const pct = (v: number) => Math.round((v / Math.max(1, busy)) * 1000) / 10;
      return {
        file: f,
        busyPct: Math.round((busy / Math.max(1, busy + idle)) * 1000) / 10,
        top: [...byFn.entries()]
          .sort((x, y) => y[1] - x[1])
          .slice(0, 20)
          .map(([k, v]) => ({ fn: k, selfPct: pct(v) })),
        byArea: [...byArea.entries()]
          .sort((x, y) => y[1] - x[1])
          .slice(0, 15)
          .map(([k, v]) => ({ area: k, selfPct: pct(v) })),
      };
    })
    .sort((x, y) => y.busyPct - x.busyPct);
  return threads.length ? { dir: path.relative(ROOT, dir), threads: threads.slice(0, 1) } : null;
}

/** The steps' section: physical limits, one table row per step, the summary. */
export function markdown(r: Results): string {
  const b = r.baseline;
  const lines = [
    `Run \`${r.runId}\` (${r.startedAt}), mode **${r.mode}**, ${r.machine.nproc} CPUs (${r.machine.cpuModel}), ` +
      `${r.machine.memTotalGiB} GiB, Node ${r.machine.node}; steps of ${r.config.stepSec} s, QoS 1 telemetry ` +
      `(1 reading = 1 row per message) from ${r.config.telemetryConnections} device connections, ` +
      `${r.config.alertRate} sos/s from ${r.config.sosPendants} pendants.`,
    '',
    `Physical limits: broker alone **${b?.broker.msgsPerSec ?? '–'} msgs/s** (publish → QoS 1 subscriber), ` +
      `database alone **${b?.database.rowsPerSec ?? '–'} rows/s** (batches of ${b?.database.batchSize ?? '–'}, one connection).`,
    '',
    '| offered msg/s | sent msg/s | persisted msg/s | lost | drain ms | alarm on screen p50 / p95 / p99 ms | incident p50 / p95 / p99 ms | alarm → webhook p50 / p99 ms (new incidents) | DB rows/s | hub CPU % | peak RSS MiB | dead letters | keeps up |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
    ...r.steps.map(
      (s) =>
        `| ${s.offeredPerSec} | ${s.sentPerSec} | ${s.persistedPerSec} | ${s.lost} | ${s.drainMs} | ` +
        `${s.alarmOnScreenMs.p50 ?? '–'} / ${s.alarmOnScreenMs.p95 ?? '–'} / ${s.alarmOnScreenMs.p99 ?? '–'} | ` +
        `${s.alertLatencyMs.p50 ?? '–'} / ${s.alertLatencyMs.p95 ?? '–'} / ${s.alertLatencyMs.p99 ?? '–'} | ` +
        `${s.alarmToWebhookMs ? `${s.alarmToWebhookMs.p50 ?? '–'} / ${s.alarmToWebhookMs.p99 ?? '–'} (${s.alarmToWebhookMs.count}${s.alarmToWebhookMs.missing ? `, missing ${s.alarmToWebhookMs.missing}` : ''})` : '–'} | ` +
        `${s.dbRowsPerSec} | ${s.hubCpuPct} | ${s.hubPeakRssMiB} | ${s.deadLetters} | ${s.keptUp ? 'yes' : 'no'} |`,
    ),
    '',
    r.summary
      ? `Highest step kept up with zero loss: **${r.summary.maxSustainedPerSec} msgs/s** = ` +
        `${r.summary.ratioToBroker ?? '–'} × the broker alone, ${r.summary.ratioToDatabase ?? '–'} × the database alone` +
        `${r.summary.alertP99AtMax !== null ? `; at that step alarm on screen p99 ${r.summary.alarmOnScreenP99AtMax} ms, incident p99 ${r.summary.alertP99AtMax} ms` : ''}. ` +
        `Hub CPU per message at that step ≈ ${r.summary.cpuUsPerMsgAtMax ?? '–'} µs.`
      : '',
  ];
  return lines.join('\n');
}

/** The soak's section: RSS every 2 minutes, connections, messages, loss, the slope. */
export function soakMarkdown(r: Results): string {
  const k = r.soak!;
  const dbLine = r.databaseCheck
    ? `; \`readings\` rows in the database: ${r.databaseCheck.readingsRows} for ${r.databaseCheck.acked} acknowledged`
    : '';
  return [
    `Run \`${r.runId}\` (${r.startedAt}), mode **${r.mode}**, ${r.machine.nproc} CPUs (${r.machine.cpuModel}), ` +
      `${r.machine.memTotalGiB} GiB, Node ${r.machine.node}: ${k.devices} devices registered through ` +
      `\`POST /api/devices\` (${k.registerSec} s), ${k.connected} connected (${k.failedConnections} failed, ${k.connectSec} s), ` +
      `each its own MQTT 3.1.1 connection, ${k.minutes} min of QoS 1 telemetry at ${k.offeredPerSec} msgs/s in total ` +
      `(one message per device every ${k.perDeviceIntervalSec} s).`,
    '',
    '| minute | hub RSS MiB | hub V8 heap used MiB | clients connected at the broker |',
    '| ---: | ---: | ---: | ---: |',
    ...k.checkpoints.map(
      (c) => `| ${c.minute} | ${c.rssMiB} | ${c.heapUsedMiB ?? '–'} | ${c.brokerConnected ?? '–'} |`,
    ),
    '',
    `RSS slope (least squares, samples every ${k.sampleEverySec} s): **${k.rssMiB.slopeMiBPerMin} MiB/min** over the ` +
      `whole soak, ${k.rssMiB.slopeMiBPerMinAfter2Min ?? '–'} MiB/min after minute 2; RSS min ${k.rssMiB.min} / peak ` +
      `${k.rssMiB.peak} MiB (before registering: ${k.rssMiB.beforeRegistration}, after connecting: ${k.rssMiB.afterConnect}). ` +
      `Heap-used slope ${k.heapUsedSlopeMiBPerMin ?? '–'} MiB/min.`,
    '',
    `Messages: ${k.sent} sent, ${k.acked} acknowledged, ${k.rowsWritten} persisted, **lost ${k.lost}**, ` +
      `dead letters ${k.deadLetters}${dbLine}. Hub CPU ${k.hubCpuPct} % of one core.`,
  ].join('\n');
}

/** Replaces this mode's section between its `<!-- bench:… -->` markers in BENCHMARKS.md. */
export async function updateBenchmarksMd(r: Results, file: string) {
  const md = path.join(ROOT, 'BENCHMARKS.md');
  if (!existsSync(md)) return;
  const external = r.mode.includes('mosquitto') || r.mode.includes('postgres');
  const key = r.soak ? (external ? 'soak' : 'soak-embedded') : external ? 'external' : 'embedded';
  const start = `<!-- bench:${key}:start -->`;
  const end = `<!-- bench:${key}:end -->`;
  const text = readFileSync(md, 'utf8');
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) return;
  const body = `${r.soak ? soakMarkdown(r) : markdown(r)}\n\nResults file: \`${path.relative(ROOT, file)}\``;
  const updated = `${text.slice(0, i + start.length)}\n${body}\n${text.slice(j)}`;
  // Formatted like the rest of the repository (`npm run check` checks it).
  const options = (await prettier.resolveConfig(md)) ?? {};
  writeFileSync(md, await prettier.format(updated, { ...options, filepath: md }));
  log(`BENCHMARKS.md (${key}) updated`);
}

/** Where the results go: `--out`, a temp file for `--smoke`, else bench/results/<time>-<mode>.json. */
export function resultsFile(cfg: BenchConfig): string {
  return (
    cfg.out ??
    (cfg.smoke
      ? path.join(os.tmpdir(), `bench-smoke-${cfg.runId}.json`)
      : path.join(
          ROOT,
          'bench/results',
          `${cfg.runId.split('-')[0]}-${cfg.modeName.replace('+', '-')}${cfg.soak ? '-soak' : ''}.json`,
        ))
  );
}

/** Writes the results file, prints the sections on stdout and, for a full run, updates BENCHMARKS.md. */
export async function report(cfg: BenchConfig, r: Results): Promise<string> {
  const file = resultsFile(cfg);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(r, null, 1)}\n`);
  log(`results: ${file}`);
  if (r.steps.length) process.stdout.write(`${markdown(r)}\n`);
  if (r.soak) process.stdout.write(`${soakMarkdown(r)}\n`);
  if (!cfg.smoke && !cfg.noMarkdown && !cfg.out) await updateBenchmarksMd(r, file);
  return file;
}
