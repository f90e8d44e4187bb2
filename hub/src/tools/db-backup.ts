/**
 * `npm run backup [-- <file>]`: a consistent backup of the embedded database, online while the hub
 * runs (or from the data directory when it is stopped). Default file:
 * backups/eldercare-db-<UTC time>.tar.gz. With DATABASE_URL (server mode) use pg_dump instead
 * (docs/deploy.md).
 */
import path from 'node:path';
import { loadConfig } from '../config.js';
import { backupEmbedded } from '../db/backup.js';

const config = loadConfig();
if (config.DATABASE_URL) {
  console.error(
    'DATABASE_URL is set: the hub uses a PostgreSQL/TimescaleDB server. Back it up with pg_dump or pg_basebackup (docs/deploy.md, "Backup and restore").',
  );
  process.exit(2);
}
const stamp = new Date()
  .toISOString()
  .replace(/[-:]/g, '')
  .replace(/\.\d+Z$/, 'Z');
const file = path.resolve(
  process.env.INIT_CWD ?? process.cwd(),
  process.argv[2] ?? path.join('backups', `eldercare-db-${stamp}.tar.gz`),
);
try {
  const r = await backupEmbedded(config.dataDir, file);
  console.log(
    `backup written: ${r.file} (${(r.bytes / 1e6).toFixed(1)} MB, ${r.online ? 'online, from the running hub' : 'offline, hub not running'})`,
  );
} catch (err) {
  console.error(`backup failed: ${(err as Error).message}`);
  process.exit(1);
}
