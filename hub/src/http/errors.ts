/** Typed errors thrown by services; http/app.ts turns them into `{ error, details, requestId }`. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 423 | 429 | 503,
    message: string,
    readonly details?: unknown,
    /** Response headers to send with the error (e.g. `Retry-After` with a 429). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}
export const badRequest = (msg: string, details?: unknown) => new AppError(400, msg, details);
export const unauthorized = (msg = 'login required') => new AppError(401, msg);
export const forbidden = (msg = 'not allowed for your role') => new AppError(403, msg);
/** A field at fault, as listed in an error body's `details`. */
export interface FieldProblem {
  path: string;
  message: string;
}
/**
 * 404. `field` names the request field that refers to it when the unknown id came in the body or
 * query (the API's rule for unknown referenced ids: 404 naming the field).
 */
export const notFound = (what: string, field?: string) =>
  new AppError(404, `${what} not found`, field ? [{ path: field, message: `${what} not found` }] : undefined);
export const conflict = (msg: string, details?: FieldProblem[]) => new AppError(409, msg, details);

/** 400 with `details` naming the field at fault. */
export const invalidField = (path: string, message: string) =>
  new AppError(400, `${path} ${message}`, [{ path, message }]);

/**
 * The API's rule for unknown referenced ids: an id in the path that names nothing the caller may
 * see answers 404; an id in the body or the query that refers to nothing the caller may use
 * (unknown, retired, or of another district) answers 400 naming the field.
 */
export const badReference = (field: string, message = 'refers to nothing you may use') => invalidField(field, message);

/** Looks up what a body or query id refers to: a 404 of the lookup becomes a 400 naming the field. */
export async function referenced<T>(field: string, lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (err) {
    if (err instanceof AppError && err.status === 404)
      throw badReference(field, `refers to nothing you may use (${err.message})`);
    throw err;
  }
}
