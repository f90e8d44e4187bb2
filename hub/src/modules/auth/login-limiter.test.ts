/** The per-address login limit, on fake timers (the limiter keeps time with Date.now() and timers). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError, unauthorized } from '../../http/errors.js';
import { createLogger } from '../../logger.js';
import { LoginLimiter } from './login-limiter.js';

const log = createLogger('silent');
const wrong = () => Promise.reject(unauthorized('wrong email or password'));
const right = () => Promise.resolve('session');

/** The status a login attempt ends with, and its Retry-After. */
async function outcome(p: Promise<unknown>): Promise<{ status: number; retryAfter?: string }> {
  try {
    await p;
    return { status: 200 };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { status: err.status, retryAfter: err.headers?.['Retry-After'] };
  }
}

describe('LoginLimiter', () => {
  let refused = 0;
  let limiter: LoginLimiter;
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') });
    refused = 0;
    limiter = LoginLimiter.create({ maxFailures: 3, windowSeconds: 60, log, onRefused: () => refused++ });
  });
  afterEach(async () => {
    await limiter.close();
    vi.useRealTimers();
  });

  it('refuses every login from an address after its failures, until the window ends', async () => {
    for (let i = 0; i < 3; i++) expect((await outcome(limiter.attempt('1.2.3.4', wrong))).status).toBe(401);
    vi.advanceTimersByTime(20_000);
    const blocked = await outcome(limiter.attempt('1.2.3.4', right));
    expect(blocked).toEqual({ status: 429, retryAfter: '40' });
    expect(refused).toBe(1);
    // Another address is not affected.
    expect((await outcome(limiter.attempt('5.6.7.8', right))).status).toBe(200);
    vi.advanceTimersByTime(40_000);
    expect((await outcome(limiter.attempt('1.2.3.4', right))).status).toBe(200);
  });

  it('does not count successful logins, nor errors that are not about the credentials', async () => {
    for (let i = 0; i < 10; i++) expect((await outcome(limiter.attempt('1.2.3.4', right))).status).toBe(200);
    const down = () => Promise.reject(new Error('database unreachable'));
    for (let i = 0; i < 5; i++) await expect(limiter.attempt('1.2.3.4', down)).rejects.toThrow('database unreachable');
    for (let i = 0; i < 3; i++) expect((await outcome(limiter.attempt('1.2.3.4', wrong))).status).toBe(401);
    expect((await outcome(limiter.attempt('1.2.3.4', wrong))).status).toBe(429);
  });

  it('counts tries at a locked account (423)', async () => {
    const locked = () => Promise.reject(new AppError(423, 'account locked'));
    for (let i = 0; i < 3; i++) expect((await outcome(limiter.attempt('1.2.3.4', locked))).status).toBe(423);
    expect((await outcome(limiter.attempt('1.2.3.4', locked))).status).toBe(429);
  });

  it('holds against parallel attempts: the points are taken before the password is checked', async () => {
    let checked = 0;
    const slowWrong = async () => {
      checked++;
      await Promise.resolve();
      throw unauthorized('wrong email or password');
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => outcome(limiter.attempt('1.2.3.4', slowWrong))));
    expect(checked).toBe(3);
    expect(results.filter((r) => r.status === 401)).toHaveLength(3);
    expect(results.filter((r) => r.status === 429)).toHaveLength(17);
  });
});
