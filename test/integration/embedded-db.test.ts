/**
 * The embedded database's wire server inside a running hub: probes and intruders on its loopback
 * port (psql hanging up at the password prompt, a bare StartupMessage, a port scan, wrong users and
 * passwords) are refused and leave the hub healthy — /healthz 200, logins work, an SOS becomes an
 * incident; an alarm waits for a busy database (a long statement, or the alarm connection held
 * past the pool's connect timeout) instead of calling it unreachable; the slow-statement log of
 * the database worker fires; the connection file for local
 * tools is the owner's only and goes away with the hub.
 */
import net from 'node:net';
import { once } from 'node:events';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { Writable } from 'node:stream';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Alert } from '@eldercare/shared';
import { pino } from 'pino';
import { CONNECTION_FILE, startEmbeddedDatabase } from '../../hub/src/db/embedded.js';
import { createLogger } from '../../hub/src/logger.js';
import { ADMIN, eventually, startTestHub, type TestHub } from '../support/hub.js';
import { connectDevice, residentDevices, TOPIC } from '../support/devices.js';

const run = promisify(execFile);

describe('a hub whose embedded database port is probed', () => {
  let hub: TestHub;
  let port: number;
  /** The hub's warnings and errors. */
  const logged: { msg: string }[] = [];

  beforeAll(async () => {
    const log = createLogger(
      'warn',
      new Writable({
        write(chunk: Buffer, _enc, done) {
          logged.push(JSON.parse(chunk.toString()) as { msg: string });
          done();
        },
      }),
    );
    hub = await startTestHub({}, undefined, { log });
    const conn = JSON.parse(await readFile(path.join(hub.dataDir, CONNECTION_FILE), 'utf8')) as { port: number };
    port = conn.port;
  });
  afterAll(async () => {
    await hub?.stop();
  });

  const startup = () => {
    const params = Buffer.from('user\0postgres\0database\0postgres\0\0');
    const head = Buffer.alloc(8);
    head.writeInt32BE(8 + params.length, 0);
    head.writeInt32BE(196608, 4);
    return Buffer.concat([head, params]);
  };

  it('refuses every probe and intruder, and stays healthy: /healthz, login, an SOS becomes an incident', async () => {
    // psql hanging up at the password prompt (it once left /healthz at 503 until a restart).
    const psql = await run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-w', '-c', 'select 1'], {
      env: { ...process.env, PGPASSWORD: '' },
    }).catch((err: { stderr: string }) => err.stderr);
    expect(psql).toMatch(/no password supplied/);
    // A bare StartupMessage, then close; a port scan's connect and close.
    for (const act of [(s: net.Socket) => s.end(startup()), (s: net.Socket) => s.destroy()]) {
      const s = net.connect(port, '127.0.0.1');
      s.on('error', () => undefined);
      s.resume(); // read (and drop) what the server sends, so its close is seen
      await once(s, 'connect');
      act(s);
      if (!s.destroyed) await once(s, 'close');
    }
    // Any user, any password: refused (it once read users and sessions as superuser).
    for (const [user, password] of [
      ['postgres', 'postgres'],
      ['postgres', ''],
      ['admin', 'x'],
    ]) {
      const c = new pg.Client({ host: '127.0.0.1', port, user, password, database: 'postgres' });
      c.on('error', () => undefined);
      await expect(c.connect()).rejects.toThrow();
    }

    expect((await fetch(`${hub.base}/healthz`)).status).toBe(200);
    const token = await hub.login(ADMIN.email, ADMIN.password);
    const [device] = await residentDevices(hub.dataDir, 1);
    const client = await connectDevice(hub.mqttUrl, device!);
    const eventId = `probe-sos-${Date.now()}`;
    await client.publishAsync(
      TOPIC(device!.deviceId, 'events'),
      JSON.stringify({ ts: Date.now(), type: 'sos', eventId }),
      {
        qos: 1,
      },
    );
    await client.endAsync();
    const incident = await eventually(async () => {
      const r = await hub.api<{ items: Alert[] }>('GET', `/api/alerts?residentId=${device!.residentId}`, token);
      return r.body.items.find((a) => a.kind === 'sos');
    });
    expect(incident.status).toBe('open');
    // Stored in the database, not spooled as a provisional alarm.
    expect(await metricValue(hub, 'provisional')).toBe(0);
  });

  it('waits for a busy database instead of calling it unreachable: an SOS behind a 6 s statement is stored, not spooled', async () => {
    const conn = JSON.parse(await readFile(path.join(hub.dataDir, CONNECTION_FILE), 'utf8')) as {
      port: number;
      password: string;
    };
    // Another session holds the single embedded backend for 6 s (longer than the 5 s an alarm
    // waits for an unreachable database); the database is healthy throughout.
    const other = new pg.Client({ host: '127.0.0.1', port: conn.port, user: 'postgres', password: conn.password });
    await other.connect();
    const token = await hub.login(ADMIN.email, ADMIN.password);
    const [, device] = await residentDevices(hub.dataDir, 2);
    const client = await connectDevice(hub.mqttUrl, device!);
    const spooledBefore = await metricValue(hub, 'hub_events_spooled_total');
    const provisionalBefore = await metricValue(hub, 'provisional');
    const busy = other.query('SELECT pg_sleep(6)');
    await new Promise((r) => setTimeout(r, 300));
    const eventId = `busy-sos-${Date.now()}`;
    const sent = Date.now();
    await client.publishAsync(
      TOPIC(device!.deviceId, 'events'),
      JSON.stringify({ ts: Date.now(), type: 'sos', eventId }),
      {
        qos: 1,
      },
    );
    await busy;
    // The SOS (its acknowledgement) waited behind the statement longer than the 5 s of an unreachable database.
    expect(Date.now() - sent).toBeGreaterThan(5_000);
    await other.end();
    await client.endAsync();
    const incident = await eventually(async () => {
      const r = await hub.api<{ items: Alert[] }>('GET', `/api/alerts?residentId=${device!.residentId}`, token);
      return r.body.items.find((a) => a.kind === 'sos');
    });
    expect(incident.status).toBe('open');
    expect(await metricValue(hub, 'hub_events_spooled_total')).toBe(spooledBefore);
    expect(await metricValue(hub, 'provisional')).toBe(provisionalBefore);
  });

  it('waits when the alarm connection stays busy past its connect timeout: no provisional alarm, the SOS stored once', async () => {
    const token = await hub.login(ADMIN.email, ADMIN.password);
    const [, , device] = await residentDevices(hub.dataDir, 3);
    const client = await connectDevice(hub.mqttUrl, device!);
    const spooledBefore = await metricValue(hub, 'hub_events_spooled_total');
    const provisionalBefore = await metricValue(hub, 'provisional');
    const loggedBefore = logged.length;
    // Another alarm query holds the alarm path's single connection for 12 s, longer than its
    // pool's 10 s connect timeout, in statements of 1 s: the database answers throughout.
    const held = await hub.database.urgent.$client.connect();
    const holding = (async () => {
      try {
        for (let i = 0; i < 12; i++) await held.query('SELECT pg_sleep(1)');
      } finally {
        held.release();
      }
    })();
    const eventId = `held-sos-${Date.now()}`;
    const sent = Date.now();
    await client.publishAsync(
      TOPIC(device!.deviceId, 'events'),
      JSON.stringify({ ts: Date.now(), type: 'sos', eventId }),
      { qos: 1 },
    );
    // Acknowledged only once stored: after the connection was free again, past the connect timeout.
    expect(Date.now() - sent).toBeGreaterThan(10_000);
    await holding;
    await client.endAsync();
    const incident = await eventually(async () => {
      const r = await hub.api<{ items: Alert[] }>('GET', `/api/alerts?residentId=${device!.residentId}`, token);
      return r.body.items.find((a) => a.kind === 'sos');
    });
    expect(incident.status).toBe('open');
    const stored = await hub.database.pool.query<{ n: number }>(
      'SELECT count(*) AS n FROM device_events WHERE event_id = $1',
      [eventId],
    );
    expect(stored.rows[0]!.n).toBe(1);
    expect(await metricValue(hub, 'hub_events_spooled_total')).toBe(spooledBefore);
    expect(await metricValue(hub, 'provisional')).toBe(provisionalBefore);
    expect(logged.slice(loggedBefore).filter((l) => /unreachable|provisional/.test(l.msg))).toEqual([]);
  });
});

/** The sum of the /metrics samples whose name contains `part` (0 when none). */
async function metricValue(hub: TestHub, part: string): Promise<number> {
  const text = await (await fetch(`${hub.base}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => !l.startsWith('#') && l.includes(part))
    .reduce((s, l) => s + Number(l.split(' ').pop()), 0);
}

describe('the embedded database worker', () => {
  it('logs a slow statement, and shares its password only through an owner-only file removed on close', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'embedded-db-'));
    const lines: { msg: string; ms?: number; statement?: string }[] = [];
    const log = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _enc, done) {
          lines.push(JSON.parse(chunk.toString()));
          done();
        },
      }),
    );
    const db = await startEmbeddedDatabase(dir, log, { slowMs: 100 });
    try {
      const file = path.join(dir, CONNECTION_FILE);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const pool = new pg.Pool({ connectionString: db.url, max: 1 });
      await pool.query(`SELECT pg_sleep(0.25) AS the_slow_one`);
      await pool.end();
      await eventually(async () => lines.find((l) => l.msg === 'slow statement on the embedded database'));
      const slow = lines.find((l) => l.msg === 'slow statement on the embedded database')!;
      expect(slow.statement).toContain('the_slow_one');
      expect(slow.ms).toBeGreaterThanOrEqual(100);
      // Without the password: refused.
      const url = new URL(db.url);
      url.password = '';
      const bare = new pg.Client({ connectionString: url.toString() });
      bare.on('error', () => undefined);
      await expect(bare.connect()).rejects.toThrow();
    } finally {
      await db.close();
    }
    await expect(stat(path.join(dir, CONNECTION_FILE))).rejects.toThrow();
    await rm(dir, { recursive: true, force: true });
  });
});
