/**
 * The stepped load: every demo device its own telemetry connection at each offered rate, while the
 * probes press sos; per step offered and persisted msgs/s, loss (acknowledged publishes vs rows
 * written), drain time, alarm latencies, DB rows/s, hub CPU and peak RSS, dead letters.
 */
import type { AlertProbe } from './alert-probe.js';
import { WEBHOOK_RATE, type BenchConfig } from './cli.js';
import { READINGS, scrape, waitForRows, type HubChild } from './hub-child.js';
import type { WorkerDevice } from './load-worker.js';
import { RssSampler, cpuSeconds, labelled, log, sleep, sumMetric, type Cleanups } from './lib.js';
import type { WebhookProbe } from './webhook-probe.js';
import { runWorkers, startWorkers, stopWorkers } from './workers.js';

export async function runSteps(
  cfg: BenchConfig,
  cleanups: Cleanups,
  hub: HubChild,
  telemetryDevices: WorkerDevice[],
  probe: AlertProbe,
  hook: WebhookProbe,
) {
  const { workers, connected } = await startWorkers(
    cleanups,
    cfg.workersN,
    hub.mqttHost,
    hub.mqttPort,
    telemetryDevices,
    'eldercare/v1/devices/{id}/telemetry',
  );
  log(`${connected} telemetry connections, ${probe.devices.length} sos pendants, dashboard socket connected`);
  const rss = new RssSampler(hub.pid);
  cleanups.push(() => rss.stop());
  const results = [];
  for (const rate of cfg.steps) {
    const durationMs = cfg.stepSec * 1000;
    const m0 = await scrape(hub.base);
    const rows0 = m0.get(READINGS) ?? 0;
    const c0 = cpuSeconds(hub.pid);
    rss.reset();
    const t0 = performance.now();
    probe.begin(cfg.alertRate);
    hook.begin(WEBHOOK_RATE);
    let m1: Map<string, number> = m0;
    let c1 = c0;
    let t1 = t0;
    const windowEnd = sleep(durationMs).then(async () => {
      c1 = cpuSeconds(hub.pid);
      m1 = await scrape(hub.base);
      t1 = performance.now();
    });
    const pub = await runWorkers(workers, rate, durationMs);
    await windowEnd;
    probe.stop();
    hook.stop();
    const peakRss = rss.peak;
    const secs = (t1 - t0) / 1000;
    const drained = await waitForRows(hub.base, rows0, pub.acked, 60_000);
    const { incident: alerts, onScreen } = await probe.collect(10_000);
    const webhook = await hook.collect(10_000);
    const mEnd = drained.metrics;
    const rowsInWindow = (m1.get(READINGS) ?? 0) - rows0;
    const allRowsInWindow =
      sumMetric(m1, 'hub_ingest_rows_written_total') - sumMetric(m0, 'hub_ingest_rows_written_total');
    const telemetryIn =
      (mEnd.get('hub_ingest_messages_total{kind="telemetry"}') ?? 0) -
      (m0.get('hub_ingest_messages_total{kind="telemetry"}') ?? 0);
    const deadLetters = sumMetric(mEnd, 'hub_dead_letters_total') - sumMetric(m0, 'hub_dead_letters_total');
    const r = {
      offeredPerSec: rate,
      sentPerSec: Math.round(pub.sent / secs),
      published: pub.sent,
      acked: pub.acked,
      unacked: pub.unacked,
      hubReceived: telemetryIn,
      rowsWritten: drained.rows,
      lost: pub.acked - drained.rows,
      zeroLoss: pub.acked === drained.rows && pub.unacked === 0,
      persistedPerSec: Math.round(rowsInWindow / secs),
      drainMs: Math.round(drained.drainMs),
      keptUp: false,
      dbRowsPerSec: Math.round(allRowsInWindow / secs),
      alertLatencyMs: alerts,
      alarmOnScreenMs: onScreen,
      alarmToWebhookMs: webhook,
      hubCpuPct: Math.round(((c1 - c0) / secs) * 1000) / 10,
      hubPeakRssMiB: Math.round(peakRss),
      deadLetters,
      dbErrors: sumMetric(mEnd, 'hub_db_errors_total') - sumMetric(m0, 'hub_db_errors_total'),
      droppedRows: sumMetric(mEnd, 'hub_ingest_dropped_total') - sumMetric(m0, 'hub_ingest_dropped_total'),
      queueDepthAtWindowEnd: labelled(m1, 'hub_ingest_queue_depth'),
      queueDepthAtEnd: labelled(mEnd, 'hub_ingest_queue_depth'),
    };
    r.keptUp = r.zeroLoss && r.persistedPerSec >= 0.95 * rate && r.sentPerSec >= 0.97 * rate && r.drainMs < 2000;
    results.push(r);
    log(
      `step ${rate}/s: sent ${r.sentPerSec}/s, persisted ${r.persistedPerSec}/s, lost ${r.lost}, drain ${r.drainMs} ms, ` +
        `alarm on screen p50/p95/p99 ${onScreen.p50}/${onScreen.p95}/${onScreen.p99} ms (missing ${onScreen.missing}), ` +
        `incident ${alerts.p50}/${alerts.p95}/${alerts.p99} ms (${alerts.count}, missing ${alerts.missing}), ` +
        `webhook ${webhook.p50}/${webhook.p95}/${webhook.p99} ms (${webhook.count}, missing ${webhook.missing}), ` +
        `cpu ${r.hubCpuPct}%, rss ${r.hubPeakRssMiB} MiB, dead letters ${deadLetters}` +
        `${r.dbErrors || r.droppedRows ? `, database errors ${r.dbErrors}, rows dropped ${r.droppedRows}` : ''}` +
        `${r.keptUp ? '' : '  ← falls behind'}`,
    );
    if (!r.keptUp && !cfg.allSteps) break;
  }
  await stopWorkers(workers);
  rss.stop();
  return results;
}

export type StepResult = Awaited<ReturnType<typeof runSteps>>[number];
