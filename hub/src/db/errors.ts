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
