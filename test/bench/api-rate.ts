/**
 * `npx tsx test/bench/api-rate.ts`: the API request rate an embedded hub sustains with the
 * alarm-path jobs on time. Loopback only, bounded (a few steps of 10 s, then it stops). Each step
 * sends the dashboard's main reads open-loop at a fixed rate while the jobs of the alarm path run
 * back to back (alert timers, the watchdog's read, device silence, offline devices), and reports
 * reads answered per second, their p50/p95, shed reads (503), other errors, and the slowest job round.
 */
import os from 'node:os';
import { ADMIN, startTestHub } from '../support/hub.js';

const READS = ['/api/alerts?state=active', '/api/residents', '/api/devices', '/api/institutions', '/api/auth/me'];
const STEPS = (process.env.RATES ?? '25,50,100,200').split(',').map(Number);
const SECONDS = Number(process.env.SECONDS ?? 10);

const hub = await startTestHub();
const token = await hub.login(ADMIN.email, ADMIN.password);
const tenantId = hub.services.tenants.ids()[0]!;
const rules = hub.services.tenants.rules(tenantId);
const admin = {
  id: '',
  email: '',
  name: '',
  role: 'supervisor' as const,
  tenantId,
  institutionId: null,
  residentId: null,
};
console.log(
  `cpus ${os.cpus().length}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
for (const rate of STEPS) {
  const latencies: number[] = [];
  let shed = 0;
  /** 5xx other than a shed 503, and 4xx. */
  let errors = 0;
  /** Requests that got no answer (the client gave up: connect or headers timeout). */
  let unanswered = 0;
  const jobs = { rounds: 0, failures: 0, slowestMs: 0 };
  let running = true;
  const jobLoop = (async () => {
    while (running) {
      const t = performance.now();
      try {
        await hub.tickAlerts();
        await hub.services.alerts.views.list(admin, { state: 'active', limit: 1000 });
        await hub.services.alerts.checks.checkSilentDevices(rules);
        await hub.services.alerts.checks.refreshOfflineDevices();
        jobs.rounds++;
      } catch {
        jobs.failures++;
      }
      jobs.slowestMs = Math.max(jobs.slowestMs, performance.now() - t);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  const pending: Promise<void>[] = [];
  const started = performance.now();
  let sent = 0;
  while (performance.now() - started < SECONDS * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    for (; sent < due; sent++) {
      const t = performance.now();
      pending.push(
        fetch(hub.base + READS[sent % READS.length]!, { headers: { authorization: `Bearer ${token}` } }).then(
          async (res) => {
            await res.arrayBuffer();
            if (res.status === 200) latencies.push(performance.now() - t);
            else if (res.status === 503) shed++;
            else errors++;
          },
          () => void unanswered++,
        ),
      );
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  running = false;
  await jobLoop;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => (latencies.length ? latencies[Math.floor((latencies.length - 1) * p)]!.toFixed(0) : '-');
  console.log(
    `offered ${rate}/s: answered ${(latencies.length / elapsed).toFixed(1)}/s, p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, ` +
      `shed ${shed}, errors ${errors}, unanswered ${unanswered}; job rounds ${jobs.rounds}, failures ${jobs.failures}, slowest ${jobs.slowestMs.toFixed(0)} ms; ` +
      `load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
}
await hub.stop();
process.exit(0);
