/** The one fetch wrapper: same-origin cookie session, JSON in and out, typed errors. */
import type { ErrorBody } from '@eldercare/shared';

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

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
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

export async function request<T>(method: Method, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, { error: 'network' });
  }
  const text = await res.text();
  let payload: unknown = undefined;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = text;
    }
  }
  if (!res.ok) {
    const error = new ApiError(res.status, toErrorBody(res.status, res.statusText, payload));
    if (res.status === 401 && opts.authRedirect !== false) onUnauthorized();
    throw error;
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body, opts),
  patch: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PATCH', path, body, opts),
  put: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PUT', path, body, opts),
  delete: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts),
};
