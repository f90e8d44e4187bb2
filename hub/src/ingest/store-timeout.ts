/**
 * The outage guard of the alarm path: an alarm waits at most EVENT_STORE_TIMEOUT_MS for the
 * database before it is spooled (a silent network partition would otherwise hold it for the pool's
 * connection timeout). Safe: if the slow write did land, the replay recognises the eventId. A
 * database that shows it is alive and working through its queue (`stillWorking`) is waited for
 * longer, up to EVENT_STORE_BUSY_MAX_MS: a busy database is not an unreachable one, and spooling
 * would raise a provisional alarm for nothing.
 *
 * Within that wait, the pool's own connect timeout (its connectionTimeoutMillis, shorter than
 * EVENT_STORE_BUSY_MAX_MS) is no verdict either: while the database still works, it only means
 * the alarm connection was busy with other alarm queries (or a new connection queued behind them),
 * so the store is tried again on the same terms. Any other connection error, or a database that
 * stopped answering, ends the wait at once.
 */
import { isConnectWaitTimeout } from '../db/errors.js';

const EVENT_STORE_TIMEOUT_MS = 5_000;
const EVENT_STORE_BUSY_MAX_MS = 60_000;

/**
 * What `store` resolves to, or a rejection with code ETIMEDOUT (a connection error) once the
 * database took too long. `store` is called again after a pool connect timeout while
 * `stillWorking` (it must be idempotent: events are stored once by their eventId).
 */
export function withStoreTimeout<T>(
  store: () => Promise<T>,
  stillWorking?: () => boolean,
  ms = EVENT_STORE_TIMEOUT_MS,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let waited = 0;
  let over = false;
  const timeout = new Promise<never>((_, reject) => {
    const arm = () => {
      timer = setTimeout(() => {
        waited += ms;
        if (stillWorking?.() && waited < EVENT_STORE_BUSY_MAX_MS) return arm();
        reject(
          Object.assign(new Error(`database timeout: event not stored within ${waited} ms`), { code: 'ETIMEDOUT' }),
        );
      }, ms);
    };
    arm();
  });
  const attempt = (): Promise<T> =>
    store().catch((err: unknown) => {
      if (!over && isConnectWaitTimeout(err) && stillWorking?.()) return attempt();
      throw err;
    });
  const p = attempt();
  p.catch(() => undefined); // a late failure of the abandoned write is not unhandled
  return Promise.race([p, timeout]).finally(() => {
    over = true;
    clearTimeout(timer);
  });
}
