import { afterEach, describe, expect, it, vi } from 'vitest';

// The client addresses the page's own origin; tests give it one.
vi.hoisted(() => vi.stubGlobal('location', new URL('http://hub.test/')));

import { ApiError, client, queryString, send, setUnauthorizedHandler, toErrorBody } from './api';
import { describeDetails } from './errors';

function respond(status: number, body: unknown, statusText = '') {
  const fetchMock = vi.fn(
    async (_req: Request) =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        statusText,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(() => {});
});

describe('send', () => {
  it('sends JSON with the same-origin cookie and returns the parsed body', async () => {
    const fetchMock = respond(200, { token: 't', expiresAt: 'x' });
    await expect(send(client.POST('/api/auth/login', { body: { email: 'a@b.cn', password: 'pw' } }))).resolves.toEqual({
      token: 't',
      expiresAt: 'x',
    });
    const req = fetchMock.mock.calls[0]![0];
    expect(req.url).toBe('http://hub.test/api/auth/login');
    expect(req.method).toBe('POST');
    expect(req.credentials).toBe('same-origin');
    expect(await req.text()).toBe('{"email":"a@b.cn","password":"pw"}');
    expect(req.headers.get('content-type')).toBe('application/json');
  });

  it('fills the path and leaves empty query values out', async () => {
    const fetchMock = respond(200, { items: [] });
    await send(client.GET('/api/residents', { params: { query: { q: '张', community: '', limit: 50, offset: 0 } } }));
    await send(client.GET('/api/devices/{id}', { params: { path: { id: 'a/b' } } }));
    expect(fetchMock.mock.calls[0]![0].url).toBe('http://hub.test/api/residents?q=%E5%BC%A0&limit=50&offset=0');
    expect(fetchMock.mock.calls[1]![0].url).toBe('http://hub.test/api/devices/a%2Fb');
  });

  it('returns undefined for 204', async () => {
    respond(204, undefined);
    await expect(send(client.POST('/api/auth/logout'))).resolves.toBeUndefined();
  });

  it('throws an ApiError carrying the error body', async () => {
    respond(409, { error: 'device id taken', details: [{ path: ['id'], message: 'exists' }], requestId: 'r-1' });
    const err = await send(client.POST('/api/devices', { body: { id: 'd', type: 'sos_button' } as never })).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 409, message: 'device id taken', requestId: 'r-1' });
  });

  it('sends the user to login on 401, unless the caller handles it', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    respond(401, { error: 'unauthorized' });
    await expect(send(client.GET('/api/residents'))).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    respond(401, { error: 'bad password' });
    await expect(
      send(client.POST('/api/auth/login', { body: { email: 'a@b.cn', password: 'x' } }), { authRedirect: false }),
    ).rejects.toMatchObject({ message: 'bad password' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('turns a network failure into an ApiError with status 0, and lets an abort through', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('failed to fetch'))),
    );
    await expect(send(client.GET('/api/residents'))).rejects.toMatchObject({ status: 0 });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new DOMException('aborted', 'AbortError'))),
    );
    await expect(send(client.GET('/api/residents'))).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reads a non-JSON error page as the status', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })),
    );
    await expect(send(client.GET('/api/residents'))).rejects.toMatchObject({
      status: 502,
      message: 'HTTP 502 Bad Gateway',
    });
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
