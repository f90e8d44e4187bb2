/**
 * The wire server and sessions that would hold PGlite's single backend: idle in a transaction, a
 * transaction kept busy too long, COPY FROM STDIN, an extended-protocol exchange left unfinished.
 */
import { describe, expect, it } from 'vitest';
import { IDLE_MS, message, messages, useWireServer } from './wire-server.fixture.js';

const w = useWireServer();
const { connect, rawSession } = w;

describe('WireServer timeouts', () => {
  it('terminates a session idle in its transaction, rolls it back and serves the others', async () => {
    const a = await connect();
    const b = await connect();
    await a.query('BEGIN');
    await a.query(`INSERT INTO t VALUES (10, 'idle in transaction')`);
    // B waits behind A's transaction until A's idle timeout ends it.
    const seen = await b.query(`SELECT count(*)::int AS n FROM t WHERE id = 10`);
    expect(seen.rows[0].n).toBe(0);
    await expect(a.query('COMMIT')).rejects.toThrow();
    expect(w.refused).toContain('idle in transaction');
    expect((await b.query(`SELECT count(*)::int AS n FROM t WHERE id = 10`)).rows[0].n).toBe(0);
  });

  it('terminates a session idle in its transaction on time while other sessions keep sending', async () => {
    // Other sessions' requests arriving while the backend is held must not restart the owner's
    // idle countdown: with a steady stream of them, the holder was never terminated and every
    // session (the telemetry writer's, the alarm session) waited behind it for as long as they came.
    const a = await connect();
    await a.query('BEGIN');
    await a.query(`INSERT INTO t VALUES (11, 'idle in transaction')`);
    const began = performance.now();
    const answered: number[] = [];
    const waiting: Promise<unknown>[] = [];
    let arriving = true;
    const stream = (async () => {
      // A new session every 100 ms, each sending one query (they all wait behind A's transaction).
      while (arriving && performance.now() - began < 3 * IDLE_MS) {
        const c = await connect();
        waiting.push(
          c.query('SELECT 1').then(
            () => answered.push(performance.now() - began),
            (err: Error) => err,
          ),
        );
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    await new Promise((resolve) => a.once('end', resolve)); // A sends nothing: the server ends its session
    const terminatedAfter = performance.now() - began;
    arriving = false;
    await stream;
    await Promise.all(waiting);
    expect(terminatedAfter).toBeLessThan(IDLE_MS + 400);
    expect(Math.min(...answered)).toBeLessThan(IDLE_MS + 400);
    const b = await connect();
    expect((await b.query(`SELECT count(*)::int AS n FROM t WHERE id = 11`)).rows[0].n).toBe(0); // rolled back
    // Who held the backend was reported once, before it was terminated.
    const report = w.held.filter((h) => h.lastStatement.includes('VALUES (11,'));
    expect(report).toHaveLength(1);
    expect(report[0]).toMatchObject({ applicationName: 'test', status: 'T', waitingApplications: ['test'] });
    expect(report[0]!.idleMs).toBeGreaterThanOrEqual(300);
  });

  it('ends a transaction kept busy past the transaction timeout while others wait', async () => {
    const a = await connect();
    const b = await connect();
    await a.query('BEGIN');
    await a.query(`INSERT INTO t VALUES (11, 'long transaction')`);
    let aliveUntil = 0;
    const busy = (async () => {
      // Never idle long enough for the idle timeout; only the transaction timeout can end it.
      for (;;) {
        await new Promise((r) => setTimeout(r, IDLE_MS / 4));
        await a.query('SELECT 1');
        aliveUntil = Date.now();
      }
    })().catch((err: Error) => err);
    const started = Date.now();
    const seen = await b.query(`SELECT count(*)::int AS n FROM t WHERE id = 11`);
    expect(seen.rows[0].n).toBe(0);
    expect(await busy).toBeInstanceOf(Error);
    expect(aliveUntil - started).toBeGreaterThan(0);
    expect(w.refused).toContain('transaction timeout');
  }, 20_000);

  it('refuses COPY FROM STDIN (it would abort PGlite for good) and goes on serving', async () => {
    const c = await connect();
    await expect(c.query('COPY t FROM STDIN')).rejects.toThrow(/COPY FROM STDIN is not supported/);
    await expect(c.query({ text: 'copy t (id) from stdin', values: [] })).rejects.toThrow(/not supported/);
    expect((await c.query(`SELECT 'fine' AS s`)).rows[0].s).toBe('fine');
  });

  it('terminates a session that leaves an extended-protocol exchange unfinished (Flush, no Sync)', async () => {
    const { socket, received } = await rawSession();
    const b = await connect();
    const parse = message('P', Buffer.from(`\0SELECT 'half done'\0\0\0`));
    const bind = message('B', Buffer.from([0, 0, 0, 0, 0, 0, 0, 0]));
    const execute = message('E', Buffer.from([0, 0, 0, 0, 0]));
    socket.write(Buffer.concat([parse, bind, execute, message('H', Buffer.alloc(0))]));
    await expect.poll(() => messages(received()).some(([t]) => t === 'C')).toBe(true);
    // B's request would share the unnamed portal; it waits until the idle timeout ends the exchange.
    expect((await b.query(`SELECT 'after' AS s`)).rows[0].s).toBe('after');
    await expect.poll(() => socket.destroyed || socket.readableEnded).toBe(true);
  });
});
