/**
 * The embedded TimescaleDB (PGlite with the TimescaleDB extension), isolated here so it can be
 * swapped. It runs in a worker thread and is reached over loopback TCP like any PostgreSQL server.
 */
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import type { Logger } from '../logger.js';
import { URGENT_APPLICATION_NAME } from './client.js';

export interface EmbeddedDatabase {
  url: string;
  close(): Promise<void>;
}

export async function startEmbeddedDatabase(dataDir: string, log: Logger): Promise<EmbeddedDatabase> {
  const dir = path.join(dataDir, 'pgdata');
  const worker = new Worker(new URL('./embedded-worker.mjs', import.meta.url), {
    workerData: { dataDir: dir, maxConnections: 4, urgentApplicationName: URGENT_APPLICATION_NAME },
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
  worker.on('exit', (code) => log.error({ code }, 'embedded database worker exited'));
  worker.on('message', (m: { type: string; message?: string; ms?: number; urgent?: boolean; statement?: string }) => {
    if (m.type === 'log') log.error({ err: m.message }, 'embedded database error');
    if (m.type === 'slow')
      log.warn({ ms: m.ms, urgent: m.urgent, statement: m.statement }, 'slow statement on the embedded database');
  });
  log.info({ dir, reopened: ready.reopened }, 'embedded TimescaleDB ready');
  return {
    url: `postgres://postgres@127.0.0.1:${ready.port}/postgres`,
    async close() {
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
