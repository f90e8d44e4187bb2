/** The load generators: forked processes (load-worker.ts), each driving its share of the devices. */
import type { ChildProcess } from 'node:child_process';
import type { FromWorker, ToWorker, WorkerDevice } from './load-worker.js';
import { MAX_INFLIGHT } from './cli.js';
import { ask, forkTs, log, sleep, type Cleanups } from './lib.js';

const TELEMETRY_PAYLOAD = JSON.stringify({ ts: Date.now(), readings: { heartRate: 72 } }); // 1 row each

/** Forks `n` generators and connects `devices` (split round robin) to the broker at host:port. */
export async function startWorkers(
  cleanups: Cleanups,
  n: number,
  host: string,
  port: number,
  devices: WorkerDevice[],
  topicTemplate: string,
): Promise<{ workers: ChildProcess[]; connected: number; failed: number }> {
  const workers: ChildProcess[] = [];
  for (let i = 0; i < n; i++) {
    const w = forkTs('load-worker.ts');
    workers.push(w);
    cleanups.push(async () => {
      if (w.exitCode !== null || !w.connected) return;
      w.send({ type: 'stop' } satisfies ToWorker);
      await Promise.race([new Promise((r) => w.once('exit', r)), sleep(3000)]);
      if (w.exitCode === null) w.kill('SIGKILL');
    });
  }
  const answers = await Promise.all(
    workers.map((w, i) =>
      ask<Extract<FromWorker, { type: 'ready' }>>(
        w,
        {
          type: 'init',
          host,
          port,
          devices: devices.filter((_, k) => k % n === i),
          topicTemplate,
          payload: TELEMETRY_PAYLOAD,
        } satisfies ToWorker,
        ['ready'],
        300_000,
      ),
    ),
  );
  const connected = answers.reduce((s, a) => s + a.connected, 0);
  const failed = answers.reduce((s, a) => s + a.failed, 0);
  if (failed) log(`${failed} load connections failed: ${answers.find((a) => a.firstError)?.firstError}`);
  return { workers, connected, failed };
}

export async function stopWorkers(workers: ChildProcess[]) {
  await Promise.all(
    workers.map(async (w) => {
      if (w.exitCode !== null) return;
      w.send({ type: 'stop' } satisfies ToWorker);
      await Promise.race([new Promise((r) => w.once('exit', r)), sleep(3000)]);
    }),
  );
}

/** `rate` QoS 1 messages a second in total for `durationMs`; what was sent and acknowledged. */
export function runWorkers(workers: ChildProcess[], rate: number, durationMs: number) {
  return Promise.all(
    workers.map((w) =>
      ask<Extract<FromWorker, { type: 'done' }>>(
        w,
        { type: 'run', rate: rate / workers.length, durationMs, maxInflight: MAX_INFLIGHT } satisfies ToWorker,
        ['done'],
        durationMs + 60_000,
      ),
    ),
  ).then((d) => ({
    sent: d.reduce((s, x) => s + x.sent, 0),
    acked: d.reduce((s, x) => s + x.acked, 0),
    unacked: d.reduce((s, x) => s + x.lost, 0),
    blockedTicks: d.reduce((s, x) => s + x.blockedTicks, 0),
  }));
}
