/**
 * The outage guard of the alarm path: an alarm waits at most EVENT_STORE_TIMEOUT_MS for the
 * database before it is spooled (a silent network partition would otherwise hold it for the pool's
 * connection timeout). Safe: if the slow write did land, the replay recognises the eventId. A
 * database that shows it is alive and working through its queue (`stillWorking`) is waited for
 * longer, up to EVENT_STORE_BUSY_MAX_MS: a busy database is not an unreachable one, and spooling
 * would raise a provisional alarm for nothing.
 */
const EVENT_STORE_TIMEOUT_MS = 5_000;
const EVENT_STORE_BUSY_MAX_MS = 60_000;

/** `p`, or a rejection with code ETIMEDOUT (a connection error) once the database took too long. */
export function withStoreTimeout<T>(
  p: Promise<T>,
  stillWorking?: () => boolean,
  ms = EVENT_STORE_TIMEOUT_MS,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let waited = 0;
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
  p.catch(() => undefined); // a late failure of the abandoned write is not unhandled
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
