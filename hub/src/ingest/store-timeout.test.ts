/** The alarm path's outage guard: a busy database is waited for, an unreachable one is not. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withStoreTimeout } from './store-timeout.js';

const connectTimeout = () => new Error('timeout exceeded when trying to connect');
/** A store that fails like pg-pool's connect timeout after `ms`, `failures` times, then succeeds. */
const busyFor = (failures: number, ms = 10_000) => {
  let calls = 0;
  const store = vi.fn(
    () =>
      new Promise<string>((resolve, reject) =>
        setTimeout(() => (++calls <= failures ? reject(connectTimeout()) : resolve('stored')), ms),
      ),
  );
  return store;
};

describe('withStoreTimeout', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps waiting through the pool connect timeout while the database still answers', async () => {
    const store = busyFor(2);
    const result = withStoreTimeout(store, () => true);
    await vi.advanceTimersByTimeAsync(30_000);
    await expect(result).resolves.toBe('stored');
    expect(store).toHaveBeenCalledTimes(3);
  });

  it('gives up after 60 s even while the database answers', async () => {
    const store = busyFor(100);
    const result = withStoreTimeout(store, () => true);
    const settled = expect(result).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    await vi.advanceTimersByTimeAsync(60_000);
    await settled;
    const calls = store.mock.calls.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(store).toHaveBeenCalledTimes(calls); // no retries after giving up
  });

  it('reports an unreachable database: no liveness, or a connection refused', async () => {
    const silent = withStoreTimeout(busyFor(1, 1_000), () => false);
    const settledSilent = expect(silent).rejects.toThrow(/timeout exceeded when trying to connect/);
    await vi.advanceTimersByTimeAsync(1_000);
    await settledSilent;

    const refused = vi.fn(() =>
      Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
    );
    await expect(withStoreTimeout(refused, () => true)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(refused).toHaveBeenCalledTimes(1);
  });

  it('spools after 5 s when nothing shows the database is working', async () => {
    const result = withStoreTimeout(() => new Promise<string>(() => undefined));
    const settled = expect(result).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    await vi.advanceTimersByTimeAsync(5_000);
    await settled;
  });
});
