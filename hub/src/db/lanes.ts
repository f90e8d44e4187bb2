/**
 * Lanes to the database, so dashboard and API traffic never makes the hub's own work wait.
 *
 * Every HTTP API request runs inside `ApiLane.run`; while it does, the queries of the hub's
 * repositories go to the API's own pool (on the embedded database: its own session) instead of the
 * pools of the alarm path and the scheduled jobs. The alarm session keeps the writes of a request
 * (an acknowledgement is alarm handling) and gives up only its reads. Scheduled jobs (watchdog,
 * escalation, device silence, ...), MQTT ingest and socket snapshots run outside any request and
 * keep their sessions to themselves, so a flood of dashboard reads waits behind itself only.
 *
 * Reads are shed at the door: once `maxReads` API reads are in flight, the next one is answered
 * 503 with Retry-After at once, instead of queueing for a connection until it times out (at
 * ~90 requests/s, queued reads made jobs and alert routes fail with "timeout exceeded when trying
 * to connect"). Writes are never shed here.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

interface LaneContext {
  /** GET/HEAD: only reads. */
  read: boolean;
}

export class ApiLane {
  private readonly als = new AsyncLocalStorage<LaneContext>();
  private reads = 0;

  constructor(
    /** API reads in flight at most; more are answered 503. */
    readonly maxReads = 64,
    private readonly onShed: () => void = () => {},
  ) {}

  /** The current request's lane, when inside one. */
  current(): LaneContext | undefined {
    return this.als.getStore();
  }

  /** Reads in flight now. */
  get inFlight(): number {
    return this.reads;
  }

  /**
   * Runs an HTTP request in the API lane. Only /api/ requests are put in it (health, metrics and
   * static files keep their own paths); a read over the limit is answered 503 + Retry-After.
   */
  async run(req: Request, handle: (req: Request) => Response | Promise<Response>): Promise<Response> {
    const url = new URL(req.url);
    if (!url.pathname.startsWith('/api/') || url.pathname === '/api/openapi.json') return handle(req);
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (!read) return this.als.run({ read }, () => handle(req));
    if (this.reads >= this.maxReads) {
      this.onShed();
      return new Response(JSON.stringify({ error: 'busy: too many requests in progress, retry shortly' }), {
        status: 503,
        headers: { 'content-type': 'application/json', 'retry-after': '1' },
      });
    }
    this.reads++;
    try {
      return await this.als.run({ read }, () => handle(req));
    } finally {
      this.reads--;
    }
  }
}

/**
 * A pool that sends each query to `own`, or to `api` while inside an API request (`readsOnly`:
 * only inside a read request). A pg.Pool subclass, so drizzle runs transactions on one connection.
 * Ending it ends nothing: the pools it routes to are ended by their owner.
 */
export function lanePool(own: pg.Pool, api: pg.Pool, lane: ApiLane, readsOnly: boolean): pg.Pool {
  const pick = () => {
    const ctx = lane.current();
    return ctx && (!readsOnly || ctx.read) ? api : own;
  };
  class LanePool extends pg.Pool {
    /* eslint-disable @typescript-eslint/no-explicit-any */
    override query(...args: any[]): any {
      return (pick() as any).query(...args);
    }
    override connect(...args: any[]): any {
      return (pick() as any).connect(...args);
    }
    /* eslint-enable @typescript-eslint/no-explicit-any */
    override end(): Promise<void> {
      return Promise.resolve();
    }
  }
  return new LanePool({ max: 1 });
}
