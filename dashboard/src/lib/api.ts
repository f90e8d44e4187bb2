/** The one API client: typed from the hub's OpenAPI document, same-origin cookie session, typed errors. */
import createClient from 'openapi-fetch';
import type { ErrorBody } from '@eldercare/shared';
import type { paths } from './api-schema';

export class ApiError extends Error {
  readonly status: number;
  readonly body: ErrorBody;
  constructor(status: number, body: ErrorBody) {
    super(body.error);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
  get details(): unknown {
    return this.body.details;
  }
  get requestId(): string | undefined {
    return this.body.requestId;
  }
}

export interface RequestOptions {
  /** When false a 401 is returned to the caller instead of sending the user to the login screen. */
  authRedirect?: boolean;
  signal?: AbortSignal;
}

let onUnauthorized: () => void = () => {};
/** Registers what happens on a 401 from any call (the session sends the user to login). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** Turns any response body into an ErrorBody, even when the server (or a proxy) sent HTML or nothing. */
export function toErrorBody(status: number, statusText: string, payload: unknown): ErrorBody {
  if (payload && typeof payload === 'object' && typeof (payload as { error?: unknown }).error === 'string') {
    const p = payload as ErrorBody;
    return { error: p.error, details: p.details, requestId: p.requestId };
  }
  return { error: `HTTP ${status}${statusText ? ` ${statusText}` : ''}` };
}

/** Query string from an object, leaving out empty values. */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `?${s}` : '';
}

/**
 * The hub's API, typed from its OpenAPI document (api-schema.d.ts, `npm run api:types`): a path,
 * its parameters, its body and its answer are checked against the hub's routes when the dashboard
 * is type-checked. Same-origin cookie session, JSON in and out; queries leave out empty values.
 */
export const client = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
  querySerializer: (query) => queryString(query as Record<string, string | number | null | undefined>).slice(1),
  // Read at call time (not when the module loads) so the page's fetch is the one used.
  fetch: (req) => globalThis.fetch(req),
});

/** The answer of a client call: its body, or an ApiError (status 0: no answer; 401 sends the user to login). */
export async function send<T>(
  pending: Promise<{ data?: T; error?: unknown; response: Response }>,
  opts: RequestOptions = {},
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, { error: 'network' });
  }
  const res = result.response;
  if (!res.ok) {
    const error = new ApiError(res.status, toErrorBody(res.status, res.statusText, result.error));
    if (res.status === 401 && opts.authRedirect !== false) onUnauthorized();
    throw error;
  }
  return result.data as T;
}

/** The options a call passes on to the client (its abort signal). */
export const init = (opts?: RequestOptions): { signal?: AbortSignal } => (opts?.signal ? { signal: opts.signal } : {});
