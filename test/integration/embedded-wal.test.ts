/**
 * The embedded database's write-ahead log stays bounded. PGlite's single-user backend has no
 * checkpointer: without a CHECKPOINT its pg_wal grew with every row written (929 MB for 2 M
 * readings, never reclaimed). The database worker checkpoints once enough WAL was written since the
 * last checkpoint, so old segments are recycled or removed and pg_wal stays near min_wal_size
 * (80 MB) plus the pacing, however much is written.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../hub/src/db/embedded.js';
import { connectDatabase, type Database } from '../../hub/src/db/client.js';
import { migrateDatabase } from '../../hub/src/db/migrate.js';

const MB = 1024 * 1024;

async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? await dirBytes(p) : (await stat(p)).size;
  }
  return total;
}

describe('the embedded database write-ahead log', () => {
  let dataDir: string;
  let embedded: EmbeddedDatabase;
  let database: Database;
  const checkpoints: { walBytes: number; ms: number }[] = [];
  const log = pino({ level: 'silent' });

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'eldercare-wal-'));
    embedded = await startEmbeddedDatabase(dataDir, log, {
      checkpointWalBytes: 16 * MB,
      onCheckpoint: (c) => checkpoints.push(c),
    });
    database = connectDatabase(embedded.url, { embedded: true, log });
    await migrateDatabase(database, { log, retentionDays: 30, compressAfterDays: 7 });
  });
  afterAll(async () => {
    await database?.close();
    await embedded?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is recycled while readings are written: pg_wal stays bounded far below the WAL written', async () => {
    const walDir = path.join(dataDir, 'pgdata', 'pg_wal');
    const lsn = async () =>
      Number((await database.pool.query(`SELECT pg_current_wal_lsn() - '0/0'::pg_lsn AS b`)).rows[0].b);
    const start = await lsn();
    const batches = 12;
    const perBatch = 40_000;
    let largest = 0;
    for (let i = 0; i < batches; i++) {
      // The shape the hub writes: many devices, several metrics, current timestamps.
      await database.pool.query(
        `INSERT INTO readings (ts, device_id, resident_id, metric, value)
         SELECT now() - (g * interval '1 ms'), 'dev-' || (g % 1000), NULL,
                (ARRAY['hr','spo2','temp','steps'])[1 + g % 4], random() * 100
           FROM generate_series(1, ${perBatch}) g`,
      );
      // Give the worker's WAL check (every second, between requests) its chance, as the gaps
      // between telemetry batches do.
      await new Promise((r) => setTimeout(r, 1_100));
      largest = Math.max(largest, await dirBytes(walDir));
      if (process.env.WAL_TRACE) console.log(i, ((await lsn()) - start) / MB, largest / MB, checkpoints.length);
    }
    const written = (await lsn()) - start;
    const rows = batches * perBatch;
    const finalWal = await dirBytes(walDir);
    const total = await dirBytes(path.join(dataDir, 'pgdata'));
    console.log(
      `WAL written ${(written / MB).toFixed(0)} MB for ${rows} rows (${(written / rows).toFixed(0)} B/row); ` +
        `pg_wal at most ${(largest / MB).toFixed(0)} MB, at the end ${(finalWal / MB).toFixed(0)} MB; ` +
        `data directory ${(total / MB).toFixed(0)} MB (${(total / rows).toFixed(0)} B/row uncompressed); ` +
        `${checkpoints.length} checkpoints, longest ${Math.max(0, ...checkpoints.map((c) => c.ms))} ms`,
    );
    // Enough WAL that an unbounded pg_wal could not pass.
    expect(written).toBeGreaterThan(200 * MB);
    expect(checkpoints.length).toBeGreaterThan(5);
    // Bounded: min_wal_size (80 MB, kept for reuse) + the pacing + what one batch and check gap add.
    expect(largest).toBeLessThan(150 * MB);
    expect(finalWal).toBeLessThan(written / 2);
  }, 300_000);
});
