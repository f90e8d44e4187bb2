/**
 * Turns a database error that reached the HTTP edge into the API's error body: a constraint
 * violation or a value the database refused becomes a 4xx naming the field (the column, in the
 * API's camelCase, or the constraint when the database names no column); an outage becomes 503.
 * Nothing of the statement's parameters or the row's values is used.
 */
import { isConnectionError, type DbErrorInfo } from '../db/errors.js';
import { AppError, type FieldProblem } from './errors.js';

const camel = (col: string) => col.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());

/** The request field a database error points at. */
function fieldOf(db: DbErrorInfo): string {
  const col = db.keyColumns?.find((k) => k !== 'tenant_id') ?? db.column;
  if (col) return camel(col);
  return db.constraint ?? '(body)';
}

export function dbErrorResponse(db: DbErrorInfo, err: unknown): AppError | undefined {
  if (isConnectionError(err))
    return new AppError(503, 'database unavailable, try again shortly', undefined, { 'retry-after': '5' });
  const field = fieldOf(db);
  const problem = (message: string): FieldProblem[] => [{ path: field, message }];
  switch (db.code) {
    case '23505':
      return new AppError(409, `${field} conflicts with existing data`, problem('already in use'));
    case '23503':
      // The API's rule: an id in the body that refers to nothing answers 400 naming the field.
      return db.missingReference
        ? new AppError(400, `${field} refers to something that does not exist`, problem('refers to nothing'))
        : new AppError(409, 'still referred to by other records', problem('still referred to'));
    case '23514':
      return new AppError(409, `refused by the rule ${db.constraint ?? 'of the register'}`, problem('not allowed'));
    case '23502':
      return new AppError(400, `${field} is required`, problem('required'));
    case '23P01':
      return new AppError(409, 'overlaps existing data', problem('overlaps existing data'));
  }
  // Class 22: a value the database cannot take (too long, out of range, bad syntax, NUL…).
  if (db.code.startsWith('22'))
    return new AppError(400, 'invalid value', db.column ? problem('invalid value') : undefined);
  return undefined;
}
