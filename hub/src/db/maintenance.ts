/**
 * Database housekeeping the hub runs itself: in embedded mode the TimescaleDB work its missing
 * background workers would do (refresh continuous aggregates, compress and drop old chunks); on
 * plain PostgreSQL, retention by DELETE; everywhere, expired sessions and old dedup/dead-letter rows.
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

export async function refreshAggregates(database: Database): Promise<void> {
  if (!database.timescale) return;
  for (const a of VITALS_AGGREGATES) {
    await database.pool.query(
      `CALL refresh_continuous_aggregate('${a.view}', now() - interval '${a.refreshLag}', now())`,
    );
  }
}

export async function runMaintenance(database: Database, o: MaintenanceOptions, log: Logger): Promise<void> {
  const q = (text: string) => database.pool.query(text);
  if (database.timescale && database.embedded) {
    await refreshAggregates(database);
    for (const t of TIME_SERIES) {
      await q(
        `SELECT compress_chunk(c, if_not_compressed => true) FROM show_chunks('${t}', older_than => interval '${o.compressAfterDays} days') c`,
      );
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
