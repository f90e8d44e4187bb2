/** The one logger. Child loggers per module; never log names, addresses, readings or secrets. */
import { pino, type DestinationStream, type Logger } from 'pino';
import { dbErrorOf } from './db/errors.js';

export type { Logger };

/**
 * What a log line may say about an error. A database error is described by its SQLSTATE,
 * constraint, table and column only: its message can quote the statement's parameters (drizzle's
 * "Failed query: … params: …") or a rejected value ('invalid input syntax for type uuid: "…"'),
 * which may be an elder's name, address or phone number. Other errors keep message and stack.
 */
export function safeError(err: unknown): unknown {
  if (typeof err === 'string') return scrubDbText(err);
  if (!err || typeof err !== 'object') return err;
  const db = dbErrorOf(err);
  if (db)
    return { type: 'DatabaseError', sqlstate: db.code, constraint: db.constraint, table: db.table, column: db.column };
  const e = err as Error;
  return { type: e.name, message: scrubDbText(String(e.message)), stack: e.stack ? scrubDbText(e.stack) : undefined };
}

/** Drops parameter lists and quoted values from an error text that came from the database. */
export function scrubDbText(s: string): string {
  const failed = s.indexOf('Failed query:');
  if (failed >= 0) s = s.slice(0, failed) + 'Failed query (statement and parameters not logged)';
  return s.replace(/(params:|for type [\w ]+:|value:|Key \([^)]*\)=)\s*[\s\S]*/g, '$1 [not logged]');
}

/** `destination`: where lines go (stdout by default; tests capture them). */
export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { svc: 'hub' },
      serializers: { err: safeError },
      redact: {
        paths: ['password', '*.password', 'token', '*.token', 'req.headers.cookie', 'req.headers.authorization'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/**
 * Writes out every line the logger still holds, now (before the start-up banner, which is printed
 * with console.log and would otherwise overtake them). A custom destination without flushSync is left alone.
 */
export function flushLogger(log: Logger): void {
  const stream = (log as unknown as Record<symbol, { flushSync?: () => void } | undefined>)[pino.symbols.streamSym];
  try {
    stream?.flushSync?.();
  } catch {
    /* nothing buffered, or the stream is not ready yet */
  }
}
