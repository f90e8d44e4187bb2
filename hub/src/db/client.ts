/** The database connection: a `pg` pool and drizzle, the same for the embedded and external databases. */
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema.js';
import type { Logger } from '../logger.js';
import { lanePool, type ApiLane } from './lanes.js';

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };

/** application_name of the embedded database's urgent session (its requests go first). */
export const URGENT_APPLICATION_NAME = 'eldercare-hub-alarms';
/** application_name of the embedded database's upkeep session (refresh, compression, retention; it runs in the gaps). */
export const UPKEEP_APPLICATION_NAME = 'eldercare-hub-upkeep';
/** application_name of the API's own connections (dashboard and integrations). */
export const API_APPLICATION_NAME = 'eldercare-hub-api';

export interface Database {
  pool: pg.Pool;
  db: Db;
  /**
   * For the alarm path (storing events, raising and handling alerts). Embedded: its own session,
   * whose requests the embedded database runs ahead of queued telemetry batches and jobs. On a
   * server: the same pool as `db`.
   */
  urgent: Db;
  /**
   * The API's own pool (embedded: its own session). With a lane, `db` and `urgent` send the
   * queries made inside an API request here (urgent: only those of read requests), so dashboard
   * traffic never queues in front of the alarm path and the scheduled jobs (see lanes.ts).
   */
  api: pg.Pool;
  /**
   * Upkeep (aggregate refresh, compression, retention), in bounded slices. Embedded: its own
   * session, whose requests the database runs only in the gaps between the others'. On a server:
   * the same pool as `db`.
   */
  upkeep: pg.Pool;
  /**
   * Embedded PGlite: a single backend, reached through `db` and `urgent` (one connection each) and
   * `api` (three); the embedded wire server runs their requests one at a time, the urgent first.
   */
  embedded: boolean;
  /** Whether TimescaleDB is available (set by setupTimeSeries). */
  timescale: boolean;
  close(): Promise<void>;
}

// Return int8 and numeric as JS numbers (counts and sums stay far below 2^53 here).
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function connectDatabase(
  url: string,
  opts: { embedded: boolean; log: Logger; max?: number; lane?: ApiLane },
): Database {
  const open = (applicationName: string, embeddedMax = 1) => {
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.embedded ? embeddedMax : (opts.max ?? 10),
      idleTimeoutMillis: opts.embedded ? 0 : 30_000,
      // Bounds the wait for a connection (a free one, or a new one's start-up) for every caller. On
      // the alarm path this is no verdict of its own: its store guard asks again while the embedded
      // worker still answers (ingest/store-timeout.ts).
      connectionTimeoutMillis: 10_000,
      application_name: applicationName,
    });
    // An idle client losing its connection must not crash the hub; the pool replaces it.
    pool.on('error', (err) => opts.log.error({ err }, 'database connection error'));
    // Neither must a checked-out one (a transaction between two statements, a lane's connection):
    // pg emits 'error' on the client itself, and the pool listens only while the client is idle.
    // Its pending queries are rejected anyway and the pool drops it on release (it is no longer
    // queryable); this listener only keeps the event from becoming an uncaught exception.
    pool.on('connect', (client) => {
      client.on('error', (err) => opts.log.warn({ err }, 'database connection lost while in use'));
    });
    return pool;
  };
  const pool = open('eldercare-hub');
  const urgentPool = opts.embedded ? open(URGENT_APPLICATION_NAME) : pool;
  // Embedded: three API connections, so PGlite has the next read queued while the hub's event loop
  // handles the last answer; each job or alarm request waits for at most these three.
  const api = opts.lane ? open(API_APPLICATION_NAME, 3) : pool;
  const upkeep = opts.embedded ? open(UPKEEP_APPLICATION_NAME) : pool;
  const lane = opts.lane;
  const db = drizzle(lane ? lanePool(pool, api, lane, false) : pool, { schema });
  const urgent =
    urgentPool === pool && !lane ? db : drizzle(lane ? lanePool(urgentPool, api, lane, true) : urgentPool, { schema });
  return {
    pool,
    db,
    urgent,
    api,
    upkeep,
    embedded: opts.embedded,
    timescale: false,
    close: async () => {
      await pool.end();
      if (urgentPool !== pool) await urgentPool.end();
      if (api !== pool) await api.end();
      if (upkeep !== pool) await upkeep.end();
    },
  };
}

/** Runs `fn` in a transaction on one pooled connection: COMMIT when it resolves, ROLLBACK when it throws. */
export async function withTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const r = await fn(c);
    await c.query('COMMIT');
    return r;
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}
