import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, queryString, request, setUnauthorizedHandler, toErrorBody } from './api';
import { describeDetails } from './errors';

function respond(status: number, body: unknown, statusText = '') {
  const fetchMock = vi.fn(
    async () => new Response(body === undefined ? null : JSON.stringify(body), { status, statusText }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(() => {});
});

describe('request', () => {
  it('sends JSON with the same-origin cookie and returns the parsed body', async () => {
    const fetchMock = respond(200, { items: [], total: 0 });
    await expect(request('POST', '/api/x', { a: 1 })).resolves.toEqual({ items: [], total: 0 });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/x');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{"a":1}');
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
  });

  it('returns undefined for 204', async () => {
    respond(204, undefined);
    await expect(request('POST', '/api/auth/logout')).resolves.toBeUndefined();
  });

  it('throws an ApiError carrying the error body', async () => {
    respond(409, { error: 'device id taken', details: [{ path: ['id'], message: 'exists' }], requestId: 'r-1' });
    const err = await request('POST', '/api/devices', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 409, message: 'device id taken', requestId: 'r-1' });
  });

  it('sends the user to login on 401, unless the caller handles it', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    respond(401, { error: 'unauthorized' });
    await expect(request('GET', '/api/residents')).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    respond(401, { error: 'bad password' });
    await expect(request('POST', '/api/auth/login', {}, { authRedirect: false })).rejects.toMatchObject({
      message: 'bad password',
    });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('failed to fetch'))),
    );
    await expect(request('GET', '/api/x')).rejects.toMatchObject({ status: 0 });
  });
});

describe('toErrorBody', () => {
  it('falls back to the status when the body is not an error body', () => {
    expect(toErrorBody(502, 'Bad Gateway', '<html>')).toEqual({ error: 'HTTP 502 Bad Gateway' });
  });
});

describe('queryString', () => {
  it('leaves out empty values', () => {
    expect(queryString({ q: '张', risk: '', limit: 50, offset: 0, x: undefined })).toBe(
      '?q=%E5%BC%A0&limit=50&offset=0',
    );
    expect(queryString({})).toBe('');
  });
});

describe('describeDetails', () => {
  it('reads zod issues, field maps and strings', () => {
    expect(describeDetails([{ path: ['contacts', 0, 'phone'], message: 'too short' }])).toEqual([
      'contacts.0.phone: too short',
    ]);
    expect(describeDetails({ fieldErrors: { name: ['required'] } })).toEqual(['name: required']);
    expect(describeDetails('boom')).toEqual(['boom']);
    expect(describeDetails(undefined)).toEqual([]);
  });
});
