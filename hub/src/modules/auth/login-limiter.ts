/**
 * Failed logins per source address, against password spraying (a few guesses at each of many
 * accounts stays under the per-account lockout). Every attempt takes a point before the password is
 * checked, so parallel attempts cannot slip past the limit; a successful login, or one that failed
 * for any reason other than the credentials, gives its point back. Past the limit every login from
 * that address, right password or not, is refused with 429 until the window (counted from the
 * first failure) ends.
 *
 * Counts live in memory (rate-limiter-flexible), or in Redis with REDIS_URL so that every hub shares
 * them; while Redis is unreachable each hub falls back to its own memory count rather than refusing
 * or waving through logins. The library keeps time with Date.now() and timers, so tests drive it
 * with fake timers.
 */
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../../http/errors.js';
import type { Logger } from '../../logger.js';

export interface LoginLimitOptions {
  /** Failed logins allowed per source address and window. */
  maxFailures: number;
  windowSeconds: number;
  /** Share the counts between hubs through this Redis. */
  redisUrl?: string;
  log: Logger;
  /** Called for every login refused by the limit. */
  onRefused?(): void;
}

const KEY_PREFIX = 'eh:login-fail';

/** Failures that count: wrong email or password (401), and tries at a locked account (423). */
const countsAsFailure = (err: unknown) => err instanceof AppError && (err.status === 401 || err.status === 423);

export class LoginLimiter {
  private constructor(
    private readonly limiter: RateLimiterAbstract,
    private readonly o: LoginLimitOptions,
    private readonly redis: Redis | null,
  ) {}

  static create(o: LoginLimitOptions): LoginLimiter {
    const opts = { keyPrefix: KEY_PREFIX, points: o.maxFailures, duration: o.windowSeconds };
    const memory = new RateLimiterMemory(opts);
    if (!o.redisUrl) return new LoginLimiter(memory, o, null);
    // No offline queue: while Redis is away a command fails at once and the memory count takes over.
    const redis = new Redis(o.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    let down = false;
    redis.on('error', (err: Error) => {
      if (!down) o.log.warn({ err }, 'redis unreachable: login limits counted per hub meanwhile');
      down = true;
    });
    redis.on('ready', () => {
      if (down) o.log.info('redis back: login limits shared again');
      down = false;
    });
    const shared = new RateLimiterRedis({
      ...opts,
      storeClient: redis,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
    });
    return new LoginLimiter(shared, o, redis);
  }

  /**
   * Runs `login` for a source address within its limit: 429 (with Retry-After) once the address has
   * used up its failures, else the login's own result or error.
   */
  async attempt<T>(key: string, login: () => Promise<T>): Promise<T> {
    try {
      await this.limiter.consume(key);
    } catch (rejected) {
      if (!(rejected instanceof RateLimiterRes)) throw rejected;
      this.o.onRefused?.();
      // Logged once per block, without the address (personal data); the metric counts every refusal.
      if (rejected.consumedPoints === this.o.maxFailures + 1)
        this.o.log.warn(
          { maxFailures: this.o.maxFailures, windowSeconds: this.o.windowSeconds },
          'too many failed logins from one source address: its logins are refused until the window ends',
        );
      const seconds = Math.max(1, Math.ceil(rejected.msBeforeNext / 1000));
      throw new AppError(429, `too many failed logins from this address; try again in ${seconds} s`, undefined, {
        'Retry-After': String(seconds),
      });
    }
    try {
      const result = await login();
      await this.giveBack(key);
      return result;
    } catch (err) {
      if (!countsAsFailure(err)) await this.giveBack(key);
      throw err;
    }
  }

  private async giveBack(key: string): Promise<void> {
    await this.limiter.reward(key, 1).catch((err: Error) => {
      this.o.log.warn({ err }, 'login limit: could not give back a point');
    });
  }

  /** Resolves once the counts are shared through Redis (at once without REDIS_URL). */
  async whenShared(): Promise<void> {
    const redis = this.redis;
    if (!redis || redis.status === 'ready') return;
    await new Promise<void>((resolve) => redis.once('ready', () => resolve()));
  }

  async close(): Promise<void> {
    if (!this.redis) return;
    // quit() waits for the server; a connection still retrying is just dropped.
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => undefined);
    else this.redis.disconnect();
  }
}
