/**
 * TimescaleDB extras: hypertables, continuous aggregates of per-resident vitals, compression and
 * retention. On a server they are TimescaleDB policies; the embedded PGlite has no background
 * workers, so maintenance.ts runs the same work on the hub's own schedule. On plain PostgreSQL all of
 * this is switched off and queries fall back to the raw tables.
 */
import type pg from 'pg';
import type { Logger } from '../logger.js';

export const VITALS_AGGREGATES = [
  { view: 'vitals_hourly', bucket: '1 hour', refreshLag: '3 hours' },
  { view: 'vitals_daily', bucket: '1 day', refreshLag: '3 days' },
] as const;

const HYPERTABLES = [
  { table: 'readings', chunk: '1 day', segmentBy: 'device_id, metric' },
  { table: 'device_status', chunk: '7 days', segmentBy: 'device_id' },
  { table: 'device_events', chunk: '7 days', segmentBy: 'device_id' },
] as const;

async function hasTimescale(pool: pg.Pool, embedded: boolean, log: Logger): Promise<boolean> {
  const present = await pool.query(`SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'`);
  if (present.rowCount) return true;
  if (embedded) return false;
  try {
    await pool.query('CREATE EXTENSION IF NOT EXISTS timescaledb');
    return true;
  } catch (err) {
    log.warn({ err }, 'TimescaleDB not available: time-series extras switched off');
    return false;
  }
}

export async function setupTimeSeries(
  pool: pg.Pool,
  opts: { log: Logger; embedded: boolean; retentionDays: number; compressAfterDays: number },
): Promise<boolean> {
  if (!(await hasTimescale(pool, opts.embedded, opts.log))) return false;
  for (const h of HYPERTABLES) {
    await pool.query(
      `SELECT create_hypertable('${h.table}', 'ts', chunk_time_interval => interval '${h.chunk}',
         if_not_exists => true, migrate_data => true)`,
    );
    await pool.query(
      `ALTER TABLE ${h.table} SET (timescaledb.compress, timescaledb.compress_segmentby = '${h.segmentBy}',
         timescaledb.compress_orderby = 'ts DESC')`,
    );
  }
  for (const a of VITALS_AGGREGATES) {
    await pool.query(
      `CREATE MATERIALIZED VIEW IF NOT EXISTS ${a.view} WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
         SELECT time_bucket(interval '${a.bucket}', ts) AS bucket, resident_id, metric,
                avg(value) AS avg, min(value) AS min, max(value) AS max, count(*) AS count
           FROM readings WHERE resident_id IS NOT NULL
          GROUP BY 1, 2, 3 WITH NO DATA`,
    );
  }
  if (!opts.embedded) {
    // A server has background workers: let TimescaleDB's own policies do the maintenance.
    for (const h of HYPERTABLES) {
      await pool.query(
        `SELECT add_compression_policy('${h.table}', interval '${opts.compressAfterDays} days', if_not_exists => true)`,
      );
      await pool.query(
        `SELECT add_retention_policy('${h.table}', interval '${opts.retentionDays} days', if_not_exists => true)`,
      );
    }
    for (const a of VITALS_AGGREGATES) {
      await pool.query(
        `SELECT add_continuous_aggregate_policy('${a.view}', start_offset => interval '${a.refreshLag}',
           end_offset => interval '${a.bucket}', schedule_interval => interval '${a.bucket}', if_not_exists => true)`,
      );
    }
  }
  return true;
}
