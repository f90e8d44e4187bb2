/** Classifies database errors: an outage (retry later, go degraded) versus a problem with the data. */

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

const CONNECTION_MESSAGES = [
  'connection terminated',
  'timeout exceeded when trying to connect',
  'client has encountered a connection error',
  'connection refused',
  'cannot use a pool after calling end',
  'client was closed and is not queryable',
  'query read timeout',
];

/**
 * True when the database could not be reached or the connection broke (network errors, SQLSTATE
 * class 08 connection exceptions, 57P01–57P03 server shutting down or starting, 53300 too many
 * connections). False for errors about the statement or the data, which retrying cannot fix.
 */
export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown } | null | undefined;
  if (!e) return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(code)) return true;
  if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300')
    return true;
  const message = typeof e.message === 'string' ? e.message.toLowerCase() : '';
  if (CONNECTION_MESSAGES.some((m) => message.includes(m))) return true;
  // AggregateError (several addresses tried) and drizzle's wrapped errors.
  if (Array.isArray(e.errors) && e.errors.some(isConnectionError)) return true;
  if (e.cause && e.cause !== err) return isConnectionError(e.cause);
  return false;
}

/**
 * True when `err` is the pool's own connect timeout (pg-pool's connectionTimeoutMillis): no
 * connection became free in time ("timeout exceeded when trying to connect": every connection of
 * the pool was checked out by other queries) or a new one did not finish its start-up in time
 * ("connection terminated due to connection timeout"). It says the pool waited, not why: with a
 * database that is known to be answering (the embedded worker's progress), it means busy.
 */
export function isConnectWaitTimeout(err: unknown): boolean {
  let e = err as { message?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    const message = typeof e.message === 'string' ? e.message.toLowerCase() : '';
    if (
      message.includes('timeout exceeded when trying to connect') ||
      message.includes('connection terminated due to connection timeout')
    )
      return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** What the database said about a failed statement: codes and names only, never values. */
export interface DbErrorInfo {
  /** SQLSTATE, e.g. 23505. */
  code: string;
  constraint?: string;
  table?: string;
  column?: string;
  /** The key columns named in the error's detail (`Key (a, b)=…`: the names, never the values). */
  keyColumns?: string[];
  /** A foreign-key violation because the referenced row does not exist (not "still referenced"). */
  missingReference?: boolean;
}

/** The PostgreSQL error behind `err` (drizzle wraps driver errors: the SQLSTATE is on the cause). */
export function dbErrorOf(err: unknown): DbErrorInfo | undefined {
  let e = err as {
    code?: unknown;
    constraint?: unknown;
    table?: unknown;
    column?: unknown;
    detail?: unknown;
    cause?: unknown;
  } | null;
  for (let depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
      const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
      const detail = str(e.detail) ?? '';
      const key = /^Key \(([^)]*)\)=/.exec(detail)?.[1];
      return {
        code: e.code,
        constraint: str(e.constraint),
        table: str(e.table),
        column: str(e.column),
        keyColumns: key ? key.split(',').map((k) => k.trim().replace(/"/g, '')) : undefined,
        missingReference: e.code === '23503' ? /is not present in table/.test(detail) : undefined,
      };
    }
    e = e.cause as typeof e;
  }
  return undefined;
}

export const constraintOf = (err: unknown): string | undefined => dbErrorOf(err)?.constraint;
