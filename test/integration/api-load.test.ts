/**
 * Dashboard reads at ~100 requests/s against an embedded hub (loopback, bounded: it stops by
 * itself): the scheduled jobs of the alarm path keep running and succeeding, an SOS raised during
 * the load becomes an incident and can be claimed, and no API route answers 5xx other than a 503
 * with Retry-After for a shed read. Once, at ~90 requests/s, 49 jobs failed with "timeout exceeded
 * when trying to connect" and 4 alert routes answered 500: the API's reads queued on the same
 * single-connection pools as the watchdog, escalation and device checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '@eldercare/shared';
import { ADMIN, eventually, startTestHub, type TestHub } from '../support/hub.js';
import { connectDevice, residentDevices, TOPIC } from '../support/devices.js';

let hub: TestHub;
let token: string;
let dispatcher: string;

beforeAll(async () => {
  hub = await startTestHub();
  token = await hub.login(ADMIN.email, ADMIN.password);
  dispatcher = await hub.login('dispatcher@demo.local', 'demo-dispatch-pass');
});
afterAll(async () => {
  await hub?.stop();
});

/** The dashboard's main reads. */
const READS = ['/api/alerts?state=active', '/api/residents', '/api/devices', '/api/institutions', '/api/auth/me'];

describe('API under load', () => {
  it('keeps the alarm-path jobs running and no route answers 500 at ~100 reads/s', async () => {
    const rate = 100;
    const seconds = 15;
    const statuses = new Map<number, number>();
    let missingRetryAfter = 0;
    const inFlight: Promise<void>[] = [];
    const read = async (url: string) => {
      const res = await fetch(hub.base + url, { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status === 503 && !res.headers.get('retry-after')) missingRetryAfter++;
    };
    // The jobs of the alarm path, as the scheduler runs them, back to back during the load.
    const admin = {
      id: '',
      email: '',
      name: '',
      role: 'supervisor' as const,
      tenantId: '',
      institutionId: null,
      residentId: null,
    };
    const tenantId = hub.services.tenants.ids()[0]!;
    const rules = hub.services.tenants.rules(tenantId);
    const jobs = { runs: 0, failures: [] as string[], slowestMs: 0 };
    let loading = true;
    const jobLoop = (async () => {
      while (loading) {
        const started = performance.now();
        try {
          await hub.tickAlerts();
          await hub.services.alerts.views.list({ ...admin, tenantId }, { state: 'active', limit: 1000 }); // the watchdog's read
          await hub.services.alerts.checks.checkSilentDevices(rules);
          await hub.services.alerts.checks.refreshOfflineDevices();
          jobs.runs++;
        } catch (err) {
          jobs.failures.push((err as Error).message);
        }
        jobs.slowestMs = Math.max(jobs.slowestMs, performance.now() - started);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();

    const [device] = await residentDevices(hub.dataDir, 1);
    const started = Date.now();
    let sent = 0;
    let sos = false;
    while (Date.now() - started < seconds * 1000) {
      // Open loop: requests go out on schedule whether or not earlier ones were answered.
      const due = Math.floor(((Date.now() - started) / 1000) * rate);
      for (; sent < due; sent++) inFlight.push(read(READS[sent % READS.length]!));
      if (!sos && Date.now() - started > (seconds * 1000) / 3) {
        sos = true;
        const c = await connectDevice(hub.mqttUrl, device!);
        await c.publishAsync(
          TOPIC(device!.deviceId, 'events'),
          JSON.stringify({ ts: Date.now(), type: 'sos', eventId: `load-sos-${started}` }),
          { qos: 1 },
        );
        await c.endAsync();
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    // The SOS became an incident during the load, and a dispatcher can claim it.
    const incident = await eventually(async () => {
      const r = await hub.api<{ items: Alert[] }>('GET', `/api/alerts?residentId=${device!.residentId}`, dispatcher);
      return r.status === 200 && r.body.items.find((a) => a.kind === 'sos');
    });
    const claim = await hub.api('POST', `/api/alerts/${incident.id}/claim`, dispatcher);
    loading = false;
    await Promise.all(inFlight);
    await jobLoop;

    const counts = Object.fromEntries(statuses);
    console.info(
      `api load: ${sent} reads in ${seconds} s, statuses ${JSON.stringify(counts)}; alarm-path job rounds ${jobs.runs}, ` +
        `slowest ${Math.round(jobs.slowestMs)} ms, failures ${jobs.failures.length}`,
    );
    expect(claim.status).toBe(200);
    expect(jobs.failures).toEqual([]);
    expect(jobs.runs).toBeGreaterThan(0);
    for (const status of statuses.keys()) expect([200, 503]).toContain(status);
    expect(missingRetryAfter).toBe(0);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    const metrics = await (await fetch(`${hub.base}/metrics`)).text();
    expect(metrics).not.toMatch(/^hub_job_failures_total\{[^}]*\} [1-9]/m);
  }, 120_000);
});
