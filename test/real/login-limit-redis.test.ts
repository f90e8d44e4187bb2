/**
 * The per-address login limit with REDIS_URL: several hubs (here two limiters, as two hubs build
 * them) share one count in Redis, and a hub whose Redis is unreachable keeps counting on its own.
 * Needs Redis at TEST_REDIS_URL (default redis://127.0.0.1:6379), like the scale-out test.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError, unauthorized } from '../../hub/src/http/errors.js';
import { createLogger } from '../../hub/src/logger.js';
import { LoginLimiter, type LoginLimitOptions } from '../../hub/src/modules/auth/login-limiter.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const log = createLogger('silent');
const limiters: LoginLimiter[] = [];
const make = (o: Partial<LoginLimitOptions>) => {
  const l = LoginLimiter.create({ maxFailures: 3, windowSeconds: 60, log, ...o });
  limiters.push(l);
  return l;
};
afterAll(async () => {
  await Promise.all(limiters.map((l) => l.close()));
});

const wrong = () => Promise.reject(unauthorized('wrong email or password'));
const right = () => Promise.resolve('session');
async function status(l: LoginLimiter, key: string, login: () => Promise<unknown>): Promise<number> {
  try {
    await l.attempt(key, login);
    return 200;
  } catch (err) {
    if (err instanceof AppError) return err.status;
    throw err;
  }
}

describe('login limit in Redis', () => {
  it('two hubs share the failures of an address', async () => {
    const a = make({ redisUrl: REDIS_URL });
    const b = make({ redisUrl: REDIS_URL });
    const address = `test-${randomUUID()}`; // this run's own key in a shared Redis
    // Until its connection is up each hub counts in memory.
    await Promise.all([a.whenShared(), b.whenShared()]);
    expect(await status(a, address, right)).toBe(200);
    expect([await status(a, address, wrong), await status(b, address, wrong), await status(a, address, wrong)]).toEqual(
      [401, 401, 401],
    );
    expect(await status(b, address, right)).toBe(429);
    expect(await status(a, address, right)).toBe(429);
    expect(await status(b, `test-${randomUUID()}`, right)).toBe(200);
  });

  it('with Redis unreachable, a hub still counts on its own', async () => {
    const l = make({ redisUrl: 'redis://127.0.0.1:1' });
    expect(await status(l, 'x', right)).toBe(200);
    for (let i = 0; i < 3; i++) expect(await status(l, 'x', wrong)).toBe(401);
    expect(await status(l, 'x', right)).toBe(429);
  });
});
