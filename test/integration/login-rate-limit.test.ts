/**
 * Password spraying: a client trying a few passwords at each of many accounts stays under the
 * per-account lockout, so failed logins are also limited per source address (default 20 per 15
 * minutes). Past the limit every login from that address — right password or not — gets 429 with
 * Retry-After; other addresses are not affected; X-Forwarded-For counts only from a trusted proxy.
 * The end of the window is covered on fake timers in hub/src/modules/auth/login-limiter.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestHub, type TestHub } from '../support/hub.js';

const ACCOUNTS = [
  'admin@demo.local',
  'dispatcher@demo.local',
  'supervisor@demo.local',
  'coordinator@demo.local',
  'staff@demo.local',
  'volunteer@demo.local',
];

async function login(hub: TestHub, body: { email: string; password: string }, forwardedFor?: string) {
  const res = await fetch(`${hub.base}/api/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as unknown };
}

/** 20 wrong passwords spread over the demo accounts and unknown emails: at most 4 per account (no lockout). */
async function spray(hub: TestHub, forwardedFor?: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < 20; i++) {
    const email = i < 12 ? ACCOUNTS[i % ACCOUNTS.length]! : `nobody-${i}@demo.local`;
    statuses.push((await login(hub, { email, password: `guess-${i}-password` }, forwardedFor)).status);
  }
  return statuses;
}

describe('login limit per source address (socket address; X-Forwarded-For not trusted by default)', () => {
  let hub: TestHub;
  let token: string;
  beforeAll(async () => {
    hub = await startTestHub();
    token = await hub.login(ADMIN.email, ADMIN.password);
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('successful logins do not count', async () => {
    for (let i = 0; i < 25; i++) expect((await login(hub, ADMIN)).status).toBe(200);
  });

  it('bad request bodies do not count', async () => {
    for (let i = 0; i < 25; i++) expect((await login(hub, { email: 'not-an-email', password: '' })).status).toBe(400);
  });

  it('spraying wrong passwords across accounts is stopped with 429 and Retry-After, also for the right password', async () => {
    expect(await spray(hub)).toEqual(Array(20).fill(401));
    // No account reached its own lockout: only the per-address limit stops the spraying.
    const locked = await hub.database.pool.query(
      `SELECT count(*)::int AS n FROM users WHERE locked_until IS NOT NULL OR failed_logins >= 5`,
    );
    expect(locked.rows[0].n).toBe(0);

    const blocked = await login(hub, ADMIN);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.retryAfter)).toBeGreaterThan(890);
    expect(Number(blocked.retryAfter)).toBeLessThanOrEqual(900);
    expect(blocked.body).toMatchObject({
      error: expect.stringMatching(/too many failed logins/),
      requestId: expect.any(String),
    });
    expect((await login(hub, { email: 'dispatcher@demo.local', password: 'demo-dispatch-pass' })).status).toBe(429);
    // A forged X-Forwarded-For does not make a new address when no proxy is trusted.
    expect((await login(hub, ADMIN, '198.51.100.23')).status).toBe(429);

    const metrics = await (await fetch(`${hub.base}/metrics`)).text();
    expect(metrics).toMatch(/^hub_login_rate_limited_total 3$/m);
    // Sessions made before the block keep working.
    const me = await fetch(`${hub.base}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
  });

  it('the OpenAPI document describes the 429 and its Retry-After header', async () => {
    const doc = (await (await fetch(`${hub.base}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>>;
    };
    const responses = doc.paths['/api/auth/login']!['post']!.responses;
    expect(Object.keys(responses).sort()).toEqual(['200', '400', '401', '409', '413', '423', '429', '503']);
    expect(responses['429']!.headers).toHaveProperty('Retry-After');
  });
});

describe('behind a trusted reverse proxy (TRUSTED_PROXIES)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ TRUSTED_PROXIES: '127.0.0.1,::1' });
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('compares a cookie request’s Origin with the host the proxy reports (X-Forwarded-Host)', async () => {
    const res = await fetch(`${hub.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
    });
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const logout = async (origin: string) =>
      (
        await fetch(`${hub.base}/api/auth/logout`, {
          method: 'POST',
          headers: { cookie, origin, 'x-forwarded-host': 'care.example.org' },
        })
      ).status;
    expect(await logout('https://evil.example')).toBe(403);
    expect(await logout('https://care.example.org')).toBeLessThan(300);
  });

  it('limits each client address the proxy reports, not the proxy', async () => {
    const attacker = '203.0.113.5';
    expect(await spray(hub, attacker)).toEqual(Array(20).fill(401));
    expect((await login(hub, ADMIN, attacker)).status).toBe(429);
    // Entries the client wrote itself (left of what the proxy appended) do not get it out.
    expect((await login(hub, ADMIN, `198.51.100.9, ${attacker}`)).status).toBe(429);
    // Another client behind the same proxy, and the proxy itself, still log in.
    expect((await login(hub, ADMIN, '203.0.113.6')).status).toBe(200);
    expect((await login(hub, ADMIN)).status).toBe(200);
  });

  it('an IPv6 client is limited by its /64 network', async () => {
    expect(await spray(hub, '2001:db8:7:7::1')).toEqual(Array(20).fill(401));
    expect((await login(hub, ADMIN, '2001:db8:7:7:ffff::2')).status).toBe(429);
    expect((await login(hub, ADMIN, '2001:db8:7:8::1')).status).toBe(200);
  });
});
