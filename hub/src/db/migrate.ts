/** Applies the committed drizzle-kit migrations, then the TimescaleDB extras where available. */
import path from 'node:path';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './client.js';
import { setupTimeSeries } from './timeseries.js';
import type { Logger } from '../logger.js';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../drizzle');
const MIGRATION_LOCK = 727274;

export async function migrateDatabase(
  database: Database,
  opts: { log: Logger; retentionDays: number; compressAfterDays: number },
): Promise<void> {
  // Several hubs may start at once against one server: serialize their migrations.
  const lock = database.embedded ? null : await database.pool.connect();
  try {
    await lock?.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(database.db, { migrationsFolder: MIGRATIONS_DIR });
    database.timescale = await setupTimeSeries(database.pool, { ...opts, embedded: database.embedded });
  } finally {
    await lock?.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    lock?.release();
  }
}
