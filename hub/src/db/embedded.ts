/**
 * The embedded TimescaleDB (PGlite with the TimescaleDB extension), isolated here so it can be
 * swapped. It runs in a worker thread and is reached over loopback TCP like any PostgreSQL server,
 * with SCRAM-SHA-256 and a password generated at each start (see wire-server.mjs and wire-auth.mjs).
 */
import { Worker } from 'node:worker_threads';
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger.js';
import { UPKEEP_APPLICATION_NAME, URGENT_APPLICATION_NAME } from './client.js';

export interface EmbeddedDatabase {
  url: string;
  /**
   * True while the database is alive and working through its queue: its worker has answered a
   * request (or had nothing queued) within `withinMs`. A single embedded backend that is merely
   * busy answers this with true; a dead or hung one with false.
   */
  progressing(withinMs?: number): boolean;
  close(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Requests holding the backend at least this long are logged (default 250 ms; 0: off). */
  slowMs?: number;
  /**
   * A CHECKPOINT once this much write-ahead log was written since the last one (default 32 MB; 0:
   * never). PGlite has no checkpointer: without it pg_wal grows without bound.
   */
  checkpointWalBytes?: number;
  /** Told of each paced checkpoint (WAL bytes since the one before, and how long it held the backend). */
  onCheckpoint?: (c: { walBytes: number; ms: number }) => void;
  /** A session idle inside a transaction this long is terminated and rolled back (default 15 s: far above any of the hub's own gaps, also with a stalled event loop). */
  idleInTransactionMs?: number;
  /** A transaction held this long while others wait is terminated and rolled back (default 30 s). */
  transactionTimeoutMs?: number;
  /** A connection that has not authenticated within this is closed (default 10 s). */
  authTimeoutMs?: number;
}

/**
 * Where a running hub tells local tools (npm run backup) how to reach its embedded database: the
 * port and this start's password, readable by the data directory's owner only (who can read the
 * database files anyway). Removed when the hub stops.
 */
export const CONNECTION_FILE = 'embedded-db.json';

export async function startEmbeddedDatabase(
  dataDir: string,
  log: Logger,
  opts: EmbeddedOptions = {},
): Promise<EmbeddedDatabase> {
  const dir = path.join(dataDir, 'pgdata');
  const password = randomBytes(32).toString('base64url');
  const worker = new Worker(new URL('./embedded-worker.mjs', import.meta.url), {
    workerData: {
      dataDir: dir,
      // The hub's sessions (jobs and telemetry, alarms, three for the API, upkeep), a backup and an operator's psql.
      maxConnections: 10,
      urgentApplicationName: URGENT_APPLICATION_NAME,
      lowApplicationName: UPKEEP_APPLICATION_NAME,
      password,
      slowMs: opts.slowMs ?? 250,
      checkpointWalBytes: opts.checkpointWalBytes ?? 32 * 1024 * 1024,
      idleInTransactionMs: opts.idleInTransactionMs ?? 15_000,
      transactionTimeoutMs: opts.transactionTimeoutMs ?? 30_000,
      authTimeoutMs: opts.authTimeoutMs ?? 10_000,
    },
    // The worker is plain JS: don't hand it the TypeScript loader flags of the parent.
    execArgv: [],
  });
  const ready = await new Promise<{ port: number; reopened: boolean }>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`embedded database worker exited with ${code}`)));
    worker.on('message', (m: { type: string; port?: number; reopened?: boolean; message?: string }) => {
      if (m.type === 'ready') resolve({ port: m.port!, reopened: !!m.reopened });
      if (m.type === 'error') reject(new Error(`embedded database failed to start: ${m.message}`));
    });
  });
  worker.removeAllListeners('exit');
  let exited = false;
  let progressAt = Date.now();
  worker.on('exit', (code) => {
    exited = true;
    log.error({ code }, 'embedded database worker exited');
  });
  // Refused connections are counted and logged at most once a minute (a port scan is many).
  const refused = new Map<string, number>();
  let refusedLogged = 0;
  worker.on(
    'message',
    (m: {
      type: string;
      message?: string;
      ms?: number;
      urgent?: boolean;
      statement?: string;
      reason?: string;
      walBytes?: number;
      applicationName?: string;
      status?: string;
      idleMs?: number;
      heldMs?: number;
      lastStatement?: string;
      waiting?: number;
      waitingApplications?: string[];
    }) => {
      if (m.type === 'progress') progressAt = Date.now();
      if (m.type === 'checkpoint') {
        log.debug({ walBytes: m.walBytes, ms: m.ms }, 'embedded database checkpoint');
        opts.onCheckpoint?.({ walBytes: m.walBytes!, ms: m.ms! });
      }
      if (m.type === 'log') log.error({ err: m.message }, 'embedded database error');
      if (m.type === 'slow')
        log.warn({ ms: m.ms, urgent: m.urgent, statement: m.statement }, 'slow statement on the embedded database');
      if (m.type === 'held')
        log.warn(
          {
            holder: m.applicationName,
            status: m.status,
            idleMs: m.idleMs,
            heldMs: m.heldMs,
            lastStatement: m.lastStatement,
            waiting: m.waiting,
            waitingApplications: m.waitingApplications,
          },
          'embedded database held by a session idle in its transaction while others wait',
        );
      if (m.type === 'refused') {
        refused.set(m.reason!, (refused.get(m.reason!) ?? 0) + 1);
        if (Date.now() - refusedLogged >= 60_000) {
          refusedLogged = Date.now();
          log.warn({ refused: Object.fromEntries(refused) }, 'embedded database refused or ended connections');
          refused.clear();
        }
      }
    },
  );
  const connectionFile = path.join(dataDir, CONNECTION_FILE);
  await writeFile(connectionFile, JSON.stringify({ host: '127.0.0.1', port: ready.port, user: 'postgres', password }), {
    mode: 0o600,
  });
  log.info({ dir, reopened: ready.reopened }, 'embedded TimescaleDB ready');
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${ready.port}/postgres`,
    // Wall-clock time: the worker's liveness, not a time the hub measures for its logic.
    progressing: (withinMs = 10_000) => !exited && Date.now() - progressAt < withinMs,
    async close() {
      await rm(connectionFile, { force: true });
      worker.removeAllListeners('exit');
      const closed = new Promise<void>((resolve) => {
        worker.on('message', (m: { type: string }) => m.type === 'closed' && resolve());
        worker.once('exit', () => resolve());
      });
      worker.postMessage({ type: 'close' });
      await Promise.race([closed, new Promise((r) => setTimeout(r, 5000))]);
      await worker.terminate();
    },
  };
}
