/**
 * `npm run restore -- <file>`: replaces the embedded database in DATA_DIR with a backup made by
 * `npm run backup`. Stop the hub first. The backup is opened and counted before anything is
 * replaced; the previous database stays beside it (pgdata.before-restore-<time>).
 */
import path from 'node:path';
import { loadConfig } from '../config.js';
import { restoreEmbedded } from '../db/backup.js';

const config = loadConfig();
if (config.DATABASE_URL) {
  console.error('DATABASE_URL is set: restore the server with pg_restore (docs/deploy.md, "Backup and restore").');
  process.exit(2);
}
const arg = process.argv[2];
if (!arg) {
  console.error('usage: npm run restore -- <backup file>');
  process.exit(2);
}
try {
  const r = await restoreEmbedded(config.dataDir, path.resolve(process.env.INIT_CWD ?? process.cwd(), arg));
  console.log(`restored into ${path.join(config.dataDir, 'pgdata')}`);
  for (const [table, n] of Object.entries(r.counts)) console.log(`  ${table}: ${n} rows`);
  if (r.previous) console.log(`the previous database is kept in ${r.previous} (delete it when the hub runs well)`);
} catch (err) {
  console.error(`restore failed: ${(err as Error).message}`);
  process.exit(1);
}
