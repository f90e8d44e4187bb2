/**
 * The embedded database's wire server against a real (in-memory) PGlite, through `pg` clients as
 * the hub uses it: large requests, sessions sharing PGlite's single backend, the alarm session first,
 * new connections beside a busy session, the slow-statement log. Authentication and the base backup:
 * wire-server-auth.test.ts; sessions that would hold the backend: wire-server-timeouts.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { messages, query, useWireServer } from './wire-server.fixture.js';

const w = useWireServer();
const { connect, rawSession } = w;

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
  }, 30_000);

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
    const held = w.db.runExclusive(() => new Promise<void>((r) => (release = r)));
    const q1 = first.query('SELECT 1').then(() => done.push('first'));
    await expect.poll(() => w.server.queue.length, { interval: 5 }).toBe(0); // taken, waiting for PGlite
    const q2 = second.query('SELECT 2').then(() => done.push('second'));
    await expect.poll(() => w.server.queue.length, { interval: 5 }).toBe(1);
    const q3 = alarm.query('SELECT 3').then(() => done.push('alarm'));
    await expect.poll(() => w.server.queue.length, { interval: 5 }).toBe(2);
    release();
    await Promise.all([held, q1, q2, q3]);
    expect(done).toEqual(['first', 'alarm', 'second']);
  });

  it("runs the upkeep session's queued request only when no other waits", async () => {
    const first = await connect();
    const upkeep = await connect('upkeep');
    const jobs = await connect();
    const alarm = await connect('alarms');
    const done: string[] = [];
    let release!: () => void;
    const held = w.db.runExclusive(() => new Promise<void>((r) => (release = r)));
    const q1 = first.query('SELECT 1').then(() => done.push('first'));
    await expect.poll(() => w.server.queue.length, { interval: 5 }).toBe(0);
    const q2 = upkeep.query('SELECT 2').then(() => done.push('upkeep'));
    await expect.poll(() => w.server.queue.length, { interval: 5 }).toBe(1);
    const q3 = jobs.query('SELECT 3').then(() => done.push('jobs'));
    await expect.poll(() => w.server.queue.length, { interval: 5 }).toBe(2);
    const q4 = alarm.query('SELECT 4').then(() => done.push('alarm'));
    await expect.poll(() => w.server.queue.length, { interval: 5 }).toBe(3);
    release();
    await Promise.all([held, q1, q2, q3, q4]);
    expect(done).toEqual(['first', 'alarm', 'jobs', 'upkeep']);
  });

  it('answers a client that reads slowly with its own bytes, whatever the others ask meanwhile', async () => {
    // A raw session: two queries sent one after the other while it does not read.
    const { socket: raw, received } = await rawSession();
    raw.pause();
    // Each query answered (the backend called, nothing left) before the next step.
    let calls = w.backendCalls;
    raw.write(query(`SELECT repeat('x', 32000000)`)); // more than the socket buffers hold: the answers queue
    await expect.poll(() => w.backendCalls > calls && !w.server.busy, { interval: 5, timeout: 10_000 }).toBe(true);
    calls = w.backendCalls;
    raw.write(query(`SELECT 'answer-for-the-slow-client'`));
    await expect.poll(() => w.backendCalls > calls && !w.server.busy, { interval: 5, timeout: 10_000 }).toBe(true);
    // Meanwhile another session's request runs.
    const other = await connect();
    expect((await other.query(`SELECT 'another-answer' AS a`)).rows[0].a).toBe('another-answer');
    raw.resume();
    await expect.poll(() => messages(received()).filter(([t]) => t === 'Z').length, { timeout: 10_000 }).toBe(2);
    const rows = messages(received()).filter(([t]) => t === 'D');
    expect(rows).toHaveLength(2);
    expect(rows[1]![1].toString('latin1')).toContain('answer-for-the-slow-client');
    raw.destroy();
  }, 60_000);
});

describe('WireServer new connections', () => {
  // The hub's pool opening a connection (its first use, or replacing one) while the other session
  // was busy once wedged the backend: the start-up was handed to PGlite, the busy session's next
  // request ran while PGlite waited for the newcomer's password, and its answer never ended.
  it('opening connections while another session is busy never disturbs it', async () => {
    const a = await connect();
    let done = 0;
    let stop = false;
    const busy = (async () => {
      while (!stop) {
        await a.query('SELECT 1');
        done++;
      }
    })();
    for (let i = 0; i < 10; i++) {
      const b = await connect();
      expect((await b.query('SELECT 2 AS two')).rows[0].two).toBe(2);
      await b.end();
      const before = done;
      await expect.poll(() => done, { timeout: 2000 }).toBeGreaterThan(before);
    }
    stop = true;
    await busy;
  }, 30_000);
});

describe('WireServer slow-statement log', () => {
  it('reports a request that held the backend at least slowMs, with its statement', async () => {
    const c = await connect();
    const n = w.slow.length;
    await c.query(`SELECT pg_sleep(0.3) AS slept_for_the_log`);
    const s = w.slow.slice(n).find((x) => x.statement.includes('slept_for_the_log'));
    expect(s).toBeDefined();
    expect(s!.ms).toBeGreaterThanOrEqual(200);
    expect(s!.urgent).toBe(false);
  });
});
