/** The batch writer: batches by size and by time, retries failed writes without losing rows, back-pressure. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logger.js';
import { BatchWriter, type BatchWriterOptions } from './batch-writer.js';

const log = createLogger('silent');

function setup(o: Partial<BatchWriterOptions<number>> = {}) {
  const batches: number[][] = [];
  let failures = 0;
  const control = { failNext: 0, block: null as Promise<void> | null };
  const writer = new BatchWriter<number>({
    name: 'test',
    batchSize: 3,
    maxQueued: 100,
    flushMs: 50,
    log,
    async write(rows) {
      if (control.block) await control.block;
      if (control.failNext > 0) {
        control.failNext--;
        failures++;
        throw new Error('database down');
      }
      batches.push([...rows]);
    },
    ...o,
  });
  return { writer, batches, control, failures: () => failures, written: () => batches.flat() };
}

describe('BatchWriter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes a full batch at once, without waiting for the timer', async () => {
    const { writer, batches } = setup();
    writer.push(1);
    writer.push(2);
    expect(batches).toEqual([]);
    writer.push(3);
    await vi.advanceTimersByTimeAsync(0);
    expect(batches).toEqual([[1, 2, 3]]);
    expect(writer.depth).toBe(0);
  });

  it('writes a partial batch after flushMs', async () => {
    const { writer, batches } = setup();
    writer.push(1);
    writer.push(2);
    await vi.advanceTimersByTimeAsync(49);
    expect(batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toEqual([[1, 2]]);
  });

  it('splits a burst into batches of batchSize, in order', async () => {
    const { writer, batches, written } = setup();
    for (let i = 0; i < 10; i++) writer.push(i);
    await vi.advanceTimersByTimeAsync(100);
    expect(batches.map((b) => b.length)).toEqual([3, 3, 3, 1]);
    expect(written()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('retries a failed write with backoff and loses no rows', async () => {
    const onError = vi.fn();
    const onWritten = vi.fn();
    const { writer, control, written, failures } = setup({ onError, onWritten });
    control.failNext = 3;
    writer.push(1);
    writer.push(2);
    await vi.advanceTimersByTimeAsync(50); // first attempt fails
    expect(failures()).toBe(1);
    expect(written()).toEqual([]);
    expect(writer.depth).toBe(2);
    writer.push(3); // arrives while the writer is backing off
    writer.push(4);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(failures()).toBe(3);
    expect(onError).toHaveBeenCalledTimes(3);
    expect(written()).toEqual([1, 2, 3, 4]);
    expect(new Set(written()).size).toBe(4); // nothing written twice
    expect(writer.depth).toBe(0);
    expect(onWritten).toHaveBeenCalled();
  });

  it('backs off exponentially between retries (100 ms, 200 ms, ...)', async () => {
    const attempts: number[] = [];
    const writer = new BatchWriter<number>({
      name: 't',
      batchSize: 10,
      maxQueued: 100,
      flushMs: 10,
      log,
      async write() {
        attempts.push(Date.now());
        if (attempts.length < 4) throw new Error('down');
      },
    });
    const t0 = Date.now();
    writer.push(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(attempts.map((t) => t - t0)).toEqual([10, 110, 310, 710]);
  });

  it('back-pressure: push returns false at maxQueued and waitForSpace resolves after a flush', async () => {
    const { writer, control } = setup({ batchSize: 2, maxQueued: 5 });
    let release!: () => void;
    control.block = new Promise<void>((r) => (release = r));
    const results = [1, 2, 3, 4, 5].map((i) => writer.push(i)); // first batch of 2 is stuck writing
    expect(results).toEqual([true, true, true, true, false]);
    expect(writer.full).toBe(true);
    let resolved = false;
    const space = writer.waitForSpace().then(() => (resolved = true));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(resolved).toBe(false);
    control.block = null;
    release();
    await vi.advanceTimersByTimeAsync(0);
    await space;
    expect(resolved).toBe(true);
    expect(writer.full).toBe(false);
    expect(writer.push(6)).toBe(true);
  });

  it('waitForSpace resolves at once when there is room', async () => {
    const { writer } = setup();
    writer.push(1);
    await expect(writer.waitForSpace()).resolves.toBeUndefined();
  });

  it('reports depth', async () => {
    const onDepth = vi.fn();
    const { writer } = setup({ onDepth });
    writer.push(1);
    expect(writer.depth).toBe(1);
    await vi.advanceTimersByTimeAsync(50);
    expect(onDepth).toHaveBeenLastCalledWith(0);
  });
});

describe('BatchWriter flush and close (real timers)', () => {
  it('flush writes everything queued now, retrying through failures', async () => {
    const { writer, control, written } = setup({ flushMs: 10_000, batchSize: 4 });
    for (let i = 0; i < 10; i++) writer.push(i);
    control.failNext = 1;
    await writer.flush();
    expect(written()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(writer.depth).toBe(0);
  });

  it('close flushes and releases waiters', async () => {
    const { writer, written } = setup({ flushMs: 10_000, batchSize: 1000, maxQueued: 100 });
    for (let i = 0; i < 100; i++) writer.push(i);
    const waiting = writer.waitForSpace();
    await writer.close();
    await waiting;
    expect(written()).toHaveLength(100);
  });

  it('flush gives up after its timeout when the database stays down, keeping the rows', async () => {
    const { writer, control } = setup({ flushMs: 10 });
    control.failNext = Infinity;
    writer.push(1);
    const started = Date.now();
    await writer.flush(300);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(writer.depth).toBe(1);
    control.failNext = 0;
    await writer.close();
    expect(writer.depth).toBe(0);
  });

  it('close reports the rows it could not write in time (never a silent loss)', async () => {
    const lines: string[] = [];
    const { writer, control } = setup({
      flushMs: 10,
      log: createLogger('info', { write: (l: string) => void lines.push(l) }),
    });
    control.failNext = Infinity;
    writer.push(1);
    writer.push(2);
    await writer.close(300);
    const report = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'rows not written before shutdown');
    expect(report).toMatchObject({ level: 50, writer: 'test', rows: 2 });
  });

  it('sets aside a row the database refuses as data and writes all the others', async () => {
    const written: number[] = [];
    const poisoned: number[] = [];
    const writer = new BatchWriter<number>({
      name: 'test',
      batchSize: 8,
      maxQueued: 100,
      flushMs: 50,
      log,
      async write(rows) {
        if (rows.includes(13)) throw Object.assign(new Error('value out of range'), { code: '22003' });
        written.push(...rows);
      },
      onPoison: (row) => poisoned.push(row),
    });
    for (let i = 10; i < 18; i++) writer.push(i);
    await writer.flush();
    expect(poisoned).toEqual([13]);
    expect(written.sort()).toEqual([10, 11, 12, 14, 15, 16, 17]);
    expect(writer.depth).toBe(0);
  });

  it('keeps retrying (not splitting) while the database is down', async () => {
    const poisoned: number[] = [];
    const { writer, control, written } = setup({ onPoison: (row) => poisoned.push(row) });
    control.failNext = 2;
    writer.push(1);
    writer.push(2);
    writer.push(3);
    await writer.flush();
    expect(poisoned).toEqual([]);
    expect(written()).toEqual([1, 2, 3]);
  });
});

describe('BatchWriter during a database outage (bounded budget)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  it('keeps back-pressure while the database is slow but healthy', async () => {
    const { writer, control } = setup({ batchSize: 2, maxQueued: 4 });
    let release!: () => void;
    control.block = new Promise<void>((r) => (release = r));
    const results = [1, 2, 3, 4].map((i) => writer.push(i));
    expect(results.at(-1)).toBe(false);
    expect(writer.full).toBe(true);
    expect(writer.degraded).toBe(false);
    control.block = null;
    release();
    await writer.flush();
  });

  it('once writes fail and the queue is at maxQueued: drops the oldest rows, counts them, no back-pressure', async () => {
    const drops: number[] = [];
    const { writer, control, written } = setup({
      batchSize: 2,
      maxQueued: 10,
      flushMs: 5,
      onDrop: (n) => drops.push(n),
    });
    control.failNext = Infinity;
    writer.push(0);
    await vi.advanceTimersByTimeAsync(5); // first write fails: the writer is degraded
    expect(writer.degraded).toBe(true);
    let waited = false;
    for (let i = 1; i < 30; i++) {
      if (!writer.push(i)) waited = true;
      await vi.advanceTimersByTimeAsync(1);
    }
    expect(waited).toBe(false);
    expect(writer.full).toBe(false);
    expect(writer.depth).toBeLessThanOrEqual(10);
    const droppedRows = drops.reduce((a, b) => a + b, 0);
    expect(droppedRows).toBe(30 - writer.depth);
    // The database is back: every row still held is written, the newest ones, in order.
    control.failNext = 0;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(written()).toEqual(Array.from({ length: 30 - droppedRows }, (_, i) => i + droppedRows));
    expect(writer.degraded).toBe(false);
  });

  it('never drops the batch being written', async () => {
    const drops: number[] = [];
    let release!: () => void;
    let fail = true;
    const batches: number[][] = [];
    const writer = new BatchWriter<number>({
      name: 't',
      batchSize: 3,
      maxQueued: 6,
      flushMs: 5,
      log,
      onDrop: (n) => drops.push(n),
      async write(rows) {
        if (fail) throw new Error('down');
        await new Promise<void>((r) => (release = r));
        batches.push([...rows]);
      },
    });
    for (let i = 0; i < 6; i++) writer.push(i);
    await vi.advanceTimersByTimeAsync(5); // fails: degraded
    fail = false;
    await vi.advanceTimersByTimeAsync(200); // retry in flight with rows 0,1,2 (blocked)
    for (let i = 6; i < 12; i++) writer.push(i); // drops among 3.., never 0,1,2
    expect(drops.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(batches[0]).toEqual([0, 1, 2]);
    const rest = writer.close();
    for (let i = 0; i < 10; i++) {
      await vi.advanceTimersByTimeAsync(10);
      release();
    }
    await rest;
    expect(batches.flat().slice(0, 3)).toEqual([0, 1, 2]);
  });
});
