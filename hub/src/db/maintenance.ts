/**
 * Database housekeeping the hub runs itself: in embedded mode the TimescaleDB work its missing
 * background workers would do (refresh continuous aggregates, compress and drop old chunks); on
 * plain PostgreSQL, retention by DELETE; everywhere, expired sessions and old dedup/dead-letter rows.
 *
 * Embedded, every step is a bounded slice on the upkeep session (which the database runs only in
 * the gaps between other requests): an aggregate is refreshed one bucket at a time, one chunk is
 * compressed per statement. A statement holds the single embedded backend from start to end, so an
 * alarm waits at most for the one slice already running, never for the whole refresh or compression.
 */
import type { Database } from './client.js';
import { VITALS_AGGREGATES } from './timeseries.js';
import type { Logger } from '../logger.js';

const TIME_SERIES = ['readings', 'device_status', 'device_events'] as const;

export interface MaintenanceOptions {
  retentionDays: number;
  compressAfterDays: number;
  /** How long redelivered events are recognised by eventId, and dead letters kept. */
  dedupDays: number;
}

/**
 * Refreshes each vitals aggregate over its refresh lag, one bucket per statement (oldest first);
 * only the buckets that end before now (the current one is computed at query time).
 */
export async function refreshAggregates(database: Database): Promise<void> {
  if (!database.timescale) return;
  for (const a of VITALS_AGGREGATES) {
    const buckets = await database.upkeep.query<{ start: Date }>(
      `SELECT b AS start FROM generate_series(time_bucket(interval '${a.bucket}', now() - interval '${a.refreshLag}'),
         now() - interval '${a.bucket}', interval '${a.bucket}') b`,
    );
    for (const { start } of buckets.rows) {
      await database.upkeep.query(
        `CALL refresh_continuous_aggregate('${a.view}', $1::timestamptz, $1::timestamptz + interval '${a.bucket}')`,
        [start],
      );
    }
  }
}

/** Compresses the chunks of `table` older than `days`, one chunk per statement; returns how many. */
export async function compressOldChunks(database: Database, table: string, days: number): Promise<number> {
  const chunks = await database.upkeep.query<{ chunk: string }>(
    `SELECT format('%I.%I', chunk_schema, chunk_name) AS chunk FROM timescaledb_information.chunks
      WHERE hypertable_name = $1 AND NOT is_compressed AND range_end < now() - make_interval(days => $2)
      ORDER BY range_start`,
    [table, days],
  );
  for (const { chunk } of chunks.rows)
    await database.upkeep.query(`SELECT compress_chunk($1::regclass, if_not_compressed => true)`, [chunk]);
  return chunks.rows.length;
}

export async function runMaintenance(database: Database, o: MaintenanceOptions, log: Logger): Promise<void> {
  const q = (text: string) => database.upkeep.query(text);
  if (database.timescale && database.embedded) {
    await refreshAggregates(database);
    for (const t of TIME_SERIES) {
      await compressOldChunks(database, t, o.compressAfterDays);
      await q(`SELECT drop_chunks('${t}', older_than => interval '${o.retentionDays} days')`);
    }
  } else if (!database.timescale) {
    for (const t of TIME_SERIES) await q(`DELETE FROM ${t} WHERE ts < now() - interval '${o.retentionDays} days'`);
  }
  await q(`DELETE FROM sessions WHERE expires_at < now()`);
  await q(`DELETE FROM processed_events WHERE received_at < now() - interval '${o.dedupDays} days'`);
  await q(`DELETE FROM dead_letters WHERE received_at < now() - interval '${o.dedupDays} days'`);
  log.debug('database maintenance done');
}
