/**
 * The living demo: with DEMO_SIMULATION on, the demo district's devices connect to the hub's own
 * broker with their real credentials and their readings, status and alarms arrive through the MQTT
 * ingest path; with DEMO_HISTORY the district starts with 30 days of handled incidents and vitals.
 * Switched off (the test default), no device talks and no history is written. Short intervals
 * (telemetry every half second, an alarm every few seconds) instead of minutes.
 */
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { Alert, Device, IncidentsPerDay, SlaReport } from '@eldercare/shared';
import { eventually, startTestHub, type TestHub } from '../support/hub.js';

const hubs: TestHub[] = [];
afterAll(async () => {
  for (const h of hubs) {
    await h.stop();
    await rm(h.dataDir, { recursive: true, force: true });
  }
});

const count = async (hub: TestHub, sql: string) => Number((await hub.database.pool.query(sql)).rows[0].n);

describe('demo simulation', () => {
  it('runs the demo devices over MQTT: online, readings, device events and an occasional alarm; history is there', async () => {
    const hub = await startTestHub({
      DEMO_SIMULATION: 'true',
      DEMO_HISTORY: 'true',
      DEMO_SIM_TELEMETRY_SECONDS: '0.5',
      DEMO_SIM_ALARM_MINUTES: '0.05',
    });
    hubs.push(hub);
    const admin = await hub.login('admin@demo.local', 'demo-admin-pass');
    const historyReadings = await count(hub, `SELECT count(*)::int AS n FROM readings`);
    expect(historyReadings).toBeGreaterThan(0);

    // Devices come online through the broker (their retained status goes through ingest).
    const online = await eventually(async () => {
      const items = (await hub.api<{ items: Device[] }>('GET', '/api/devices?limit=1000', admin)).body.items;
      const n = items.filter((d) => d.online).length;
      return n > items.length / 2 ? { n, total: items.length } : null;
    }, 60_000);
    expect(online.n).toBeGreaterThan(online.total / 2);
    // New readings stamped by the hub's ingest, after start (the history is all older than an hour).
    await eventually(
      async () =>
        (await count(hub, `SELECT count(*)::int AS n FROM readings WHERE ts > now() - interval '5 minutes'`)) > 20,
      60_000,
    );
    await eventually(async () => (await count(hub, `SELECT count(*)::int AS n FROM device_events`)) > 0, 60_000);
    // An alarm from a simulated device, raised by the hub's alarm path.
    const alarm = await eventually(async () => {
      const items = (await hub.api<{ items: Alert[] }>('GET', '/api/alerts?state=all&limit=500', admin)).body.items;
      return items.find((a) => a.deviceId && Date.parse(a.createdAt) > Date.now() - 5 * 60_000);
    }, 60_000);
    expect(alarm.deviceId).toBeTruthy();

    // 30 days of handled incidents: every day of the chart and the SLA report have figures.
    const perDay = (await hub.api<IncidentsPerDay>('GET', '/api/reports/incidents-per-day?days=30', admin)).body;
    expect(perDay.items.filter((d) => d.total > 0).length).toBeGreaterThan(25);
    const sla = (await hub.api<SlaReport>('GET', '/api/reports/sla', admin)).body;
    expect(sla.total).toBeGreaterThan(50);
    expect(sla.shareWithin180).toBeGreaterThan(0.9);
    expect(sla.byDispatcher.length).toBeGreaterThan(0);
    // Past incidents of care-home residents name their room and bed, like live ones.
    const { rows } = await hub.database.pool.query<{ place: { roomName: string; bedLabel: string } | null }>(
      `SELECT place FROM alerts WHERE institution_id IS NOT NULL AND closed_at < now() - interval '1 hour'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.place?.roomName && r.place.bedLabel).toBeTruthy();
  }, 180_000);

  it('is off with DEMO_SIMULATION=false and DEMO_HISTORY=false: no device talks, no history', async () => {
    const hub = await startTestHub({ DEMO_SIMULATION: 'false', DEMO_HISTORY: 'false' });
    hubs.push(hub);
    const admin = await hub.login('admin@demo.local', 'demo-admin-pass');
    await new Promise((r) => setTimeout(r, 3000));
    const items = (await hub.api<{ items: Device[] }>('GET', '/api/devices?limit=1000', admin)).body.items;
    expect(items.length).toBeGreaterThan(200);
    expect(items.filter((d) => d.online)).toEqual([]);
    expect(await count(hub, `SELECT count(*)::int AS n FROM readings`)).toBe(0);
    expect(await count(hub, `SELECT count(*)::int AS n FROM alerts`)).toBe(0);
  }, 180_000);
});
