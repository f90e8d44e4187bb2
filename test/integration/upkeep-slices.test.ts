/**
 * Upkeep of the embedded database (continuous-aggregate refresh, compression, retention) runs in
 * bounded slices on its own low-priority session: one aggregate bucket, one chunk per statement.
 * The single embedded backend runs one statement at a time, so an alarm statement issued while
 * upkeep runs waits at most for the one slice already running — never for the whole refresh or
 * compression (which once held the backend for 1.6–5.9 s each).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { pino } from 'pino';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../hub/src/db/embedded.js';
import { connectDatabase, URGENT_APPLICATION_NAME, type Database } from '../../hub/src/db/client.js';
import { migrateDatabase } from '../../hub/src/db/migrate.js';
import { runMaintenance } from '../../hub/src/db/maintenance.js';

interface Span {
  text: string;
  values?: unknown[];
  start: number;
  end: number;
}

describe('embedded upkeep', () => {
  let dataDir: string;
  let embedded: EmbeddedDatabase;
  let database: Database;
  const log = pino({ level: 'silent' });

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'eldercare-upkeep-'));
    embedded = await startEmbeddedDatabase(dataDir, log);
    database = connectDatabase(embedded.url, { embedded: true, log });
    await migrateDatabase(database, { log, retentionDays: 30, compressAfterDays: 2 });
    // Ten days of readings of five residents, one a minute each: ten daily chunks.
    await database.pool.query(
      `INSERT INTO readings (ts, device_id, resident_id, metric, value)
       SELECT now() - g * interval '1 minute', 'dev-' || r, ('00000000-0000-0000-0000-00000000000' || r)::uuid, 'hr', 60 + r
         FROM generate_series(0, 10 * 1440) g, generate_series(1, 5) r`,
    );
  });
  afterAll(async () => {
    await database?.close();
    await embedded?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refreshes one bucket and compresses one chunk per statement; an alarm statement waits for one slice at most', async () => {
    // Every upkeep statement, with when it was sent and answered.
    const upkeep: Span[] = [];
    const query = database.upkeep.query.bind(database.upkeep) as (text: string, values?: unknown[]) => Promise<unknown>;
    (database.upkeep as unknown as { query: typeof query }).query = async (text: string, values?: unknown[]) => {
      const span: Span = { text, values, start: performance.now(), end: 0 };
      try {
        return await query(text, values);
      } finally {
        span.end = performance.now();
        upkeep.push(span);
      }
    };
    // The alarm path's session, asking all the time while upkeep runs.
    const alarm = new pg.Client({ connectionString: embedded.url, application_name: URGENT_APPLICATION_NAME });
    await alarm.connect();
    const alarms: Span[] = [];
    let running = true;
    const asking = (async () => {
      while (running) {
        const span: Span = { text: 'alarm', start: performance.now(), end: 0 };
        await alarm.query(`SELECT count(*) FROM alerts`);
        span.end = performance.now();
        alarms.push(span);
      }
    })();
    await runMaintenance(database, { retentionDays: 30, compressAfterDays: 2, dedupDays: 30 }, log);
    running = false;
    await asking;
    await alarm.end();

    // Compression: one chunk per statement, every old chunk compressed.
    const compressions = upkeep.filter((s) => s.text.includes('compress_chunk('));
    expect(compressions.length).toBeGreaterThanOrEqual(7);
    for (const c of compressions) expect(c.values).toHaveLength(1);
    const left = await database.pool.query(
      `SELECT count(*)::int AS n FROM timescaledb_information.chunks
        WHERE hypertable_name = 'readings' AND NOT is_compressed AND range_end < now() - interval '2 days'`,
    );
    expect(left.rows[0].n).toBe(0);
    // Refresh: one bucket per statement (hourly over 3 hours, daily over 3 days).
    const refreshes = upkeep.filter((s) => s.text.includes('refresh_continuous_aggregate'));
    expect(refreshes.filter((s) => s.text.includes('vitals_hourly')).length).toBeGreaterThanOrEqual(2);
    expect(refreshes.filter((s) => s.text.includes('vitals_daily')).length).toBeGreaterThanOrEqual(2);
    const hourly = await database.pool.query(`SELECT count(*)::int AS n FROM _timescaledb_catalog.hypertable h
        JOIN _timescaledb_catalog.continuous_agg c ON c.mat_hypertable_id = h.id WHERE c.user_view_name = 'vitals_hourly'`);
    expect(hourly.rows[0].n).toBe(1);
    // Queueing: an alarm statement never waited behind an upkeep statement sent after it, nor
    // behind more than the one already running when it was sent.
    expect(alarms.length).toBeGreaterThan(0);
    for (const a of alarms) {
      const ranDuringWait = upkeep.filter((u) => u.end > a.start && u.end < a.end);
      expect(ranDuringWait.filter((u) => u.start > a.start)).toEqual([]);
      expect(ranDuringWait.length).toBeLessThanOrEqual(1);
    }
    const longest = Math.max(...upkeep.map((u) => u.end - u.start));
    const total = upkeep.reduce((s, u) => s + (u.end - u.start), 0);
    console.log(
      `upkeep: ${upkeep.length} statements, ${Math.round(total)} ms in all, longest ${Math.round(longest)} ms; ` +
        `${alarms.length} alarm statements answered meanwhile, longest ${Math.round(Math.max(...alarms.map((a) => a.end - a.start)))} ms`,
    );
  }, 240_000);
});
