/**
 * The database as infrastructure: the embedded TimescaleDB (PGlite) when DATABASE_URL is unset, the
 * pools with the API's own lane, the schema migration, a liveness probe, and the database's own
 * upkeep jobs (aggregates, compression and retention).
 */
import { mkdir } from 'node:fs/promises';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { Scheduler } from '../scheduler.js';
import type { CloseStack } from './close-stack.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../db/embedded.js';
import { connectDatabase, type Database } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { refreshAggregates, runMaintenance } from '../db/maintenance.js';
import { ApiLane } from '../db/lanes.js';

export interface DatabaseInfra {
  database: Database;
  /** The embedded database (null with DATABASE_URL). */
  embedded: EmbeddedDatabase | null;
  /** API requests get their own database lane; reads are shed (503) when too many are in progress. */
  apiLane: ApiLane;
  /** Answers false within 3 s also when the database neither answers nor refuses (a silent partition). */
  alive(): Promise<boolean>;
  /** A trivial query that throws when the database is unreachable. */
  probe(): Promise<unknown>;
  /** Refreshes the vitals aggregates now (normally every 5 minutes on the embedded database). */
  refreshAggregates(): Promise<void>;
}

export async function startDatabase(
  config: Config,
  d: { log: Logger; metrics: Metrics; scheduler: Scheduler; closing: CloseStack },
): Promise<DatabaseInfra> {
  await mkdir(config.dataDir, { recursive: true });
  let embedded: EmbeddedDatabase | null = null;
  if (!config.DATABASE_URL) {
    const e = await startEmbeddedDatabase(config.dataDir, d.log.child({ mod: 'db' }));
    embedded = e;
    d.closing.push(() => e.close());
  }
  const apiLane = new ApiLane(config.API_MAX_READS, () => d.metrics.apiShed.inc());
  const database = connectDatabase(config.DATABASE_URL ?? embedded!.url, {
    embedded: !!embedded,
    log: d.log.child({ mod: 'db' }),
    lane: apiLane,
  });
  d.closing.push(() => database.close());
  await migrateDatabase(database, {
    log: d.log,
    retentionDays: config.RETENTION_DAYS,
    compressAfterDays: config.COMPRESS_AFTER_DAYS,
  });
  d.log.info({ embedded: database.embedded, timescale: database.timescale }, 'database ready');

  if (database.embedded && database.timescale)
    d.scheduler.every(5 * 60_000, 'aggregates', () => refreshAggregates(database));
  d.scheduler.every(3600_000, 'maintenance', () =>
    runMaintenance(
      database,
      { retentionDays: config.RETENTION_DAYS, compressAfterDays: config.COMPRESS_AFTER_DAYS, dedupDays: 30 },
      d.log,
    ),
  );

  const probe = () => database.pool.query('SELECT 1');
  const alive = () =>
    new Promise<boolean>((resolve) => {
      const t = setTimeout(() => resolve(false), 3_000);
      probe().then(
        () => (clearTimeout(t), resolve(true)),
        () => (clearTimeout(t), resolve(false)),
      );
    });
  return { database, embedded, apiLane, alive, probe, refreshAggregates: () => refreshAggregates(database) };
}
