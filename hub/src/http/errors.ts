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
export const notFound = (what: string) => new AppError(404, `${what} not found`);
export const conflict = (msg: string) => new AppError(409, msg);
