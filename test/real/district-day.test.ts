/**
 * The district day, shortened to its first nine simulated hours, against the machine's PostgreSQL
 * and Mosquitto: night alarms, a pull cord, cancelled and real falls, a responder ladder, vitals,
 * a hub restart and a 30 s database outage each with an SOS in it, device faults, a storm with a real
 * SOS in it, late acknowledgements, a quiet house and a shift change. Every line of the report must pass (devices-sim/src/district-day/, docs/district-day.md).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDistrictDay } from '../../devices-sim/src/district-day/run.js';
import { writeReport } from '../../devices-sim/src/district-day/report.js';
import { browserUnavailable } from '../../devices-sim/src/district-day/board-view.js';
import { loadConfig } from '../../hub/src/config.js';
import { REAL_MQTT_URL, createTestDatabase, type TestDatabase } from '../support/real.js';

let db: TestDatabase;
let out: string;

beforeAll(async () => {
  db = await createTestDatabase();
  out = await mkdtemp(path.join(os.tmpdir(), 'district-day-report-'));
});

afterAll(async () => {
  await db?.drop();
  if (out) await rm(out, { recursive: true, force: true });
});

describe('district day (shortened)', () => {
  it('plays nine hours of a district and every figure the hub shows equals the script', async () => {
    // The board in Chromium too, where the dashboard is built (npm test builds it; test:real alone may not).
    const browser = !browserUnavailable(loadConfig({}).dashboardDir);
    const report = await runDistrictDay({
      seed: 23,
      hours: 9,
      browser,
      env: { DATABASE_URL: db.url, MQTT_URL: REAL_MQTT_URL },
    });
    const files = await writeReport(out, report);
    const failed = report.lines.filter((l) => !l.pass);
    expect(failed, await readFile(files.md, 'utf8')).toEqual([]);
    // The day had what it was written to have: alarms on both sides of 60 s and 180 s, device faults.
    const names = report.lines.map((l) => l.name);
    expect(names).toContain('SLA exceptions (> 180 s)');
    expect(names.some((n) => n.includes('storm_sos (sos) raised once'))).toBe(true);
    expect(names.some((n) => n.includes('quiet_house (inactivity) raised once'))).toBe(true);
    expect(names.some((n) => n.includes("responders' answers in order"))).toBe(true);
    // None lost across the hub restart and the 30 s database outage (PostgreSQL behind a cut proxy).
    expect(names.some((n) => n.includes('hub_restart (sos) raised once'))).toBe(true);
    expect(names.some((n) => n.includes('db_outage (sos) raised once'))).toBe(true);
    expect(report.lines.length).toBeGreaterThan(60);
    if (browser) expect(names).toContain('dispatch board in Chromium: alarms shown');
    expect(JSON.parse(await readFile(files.json, 'utf8')).failed).toBe(0);
  }, 240_000);
});
