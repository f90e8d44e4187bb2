/**
 * A database connection that dies while the hub holds it (a transaction between two statements):
 * the hub's work on it fails with an error, the hub itself does not crash, and the pool serves the
 * next request on a fresh connection once the database is reachable again.
 *
 * pg emits the socket's error on the checked-out client; the pool listens only while a client is
 * idle. Without the hub's own listener that event is an uncaught exception — the process (the
 * alarm path included) dies, which is what the 30 s outage test once showed as `write ECONNRESET`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { connectDatabase, withTransaction, type Database } from '../../hub/src/db/client.js';
import { createTestDatabase, type TestDatabase } from '../support/real.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

let db: TestDatabase;
let proxy: TcpProxy;
let database: Database;
const uncaught: unknown[] = [];
const onUncaught = (err: unknown) => uncaught.push(err);

beforeAll(async () => {
  db = await createTestDatabase();
  const u = new URL(db.url);
  proxy = await startTcpProxy({ host: u.hostname, port: Number(u.port || 5432) });
  database = connectDatabase(proxy.url(db.url), { embedded: false, log: pino({ level: 'silent' }) });
  process.on('uncaughtException', onUncaught);
});

afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  await database?.close().catch(() => undefined);
  await proxy?.close();
  await db?.drop();
});

describe('a connection lost while the hub holds it (real PostgreSQL behind a TCP proxy)', () => {
  it('fails the work on it, raises no uncaught exception, and the pool recovers', async () => {
    const work = withTransaction(database.pool, async (c) => {
      await c.query('SELECT 1');
      proxy.cut();
      // Between two statements: no query is active when the reset arrives.
      await new Promise((r) => setTimeout(r, 300));
      await c.query('SELECT 2');
    });
    await expect(work).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 200));
    expect(uncaught).toEqual([]);

    proxy.restore();
    const r = await database.pool.query('SELECT 41 + 1 AS n');
    expect(r.rows[0].n).toBe(42);
  });
});
