import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import pino from 'pino';
import { Scheduler } from './scheduler.js';

const log = pino({ level: 'silent' });
const clock = { now: () => Date.now() };

describe('the scheduler', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('runs each registered job on its interval once started, and no more once stopped', async () => {
    const s = new Scheduler({ clock, log });
    const runs: string[] = [];
    s.every(1000, 'fast', async () => void runs.push('fast'));
    s.every(5000, 'slow', async () => void runs.push('slow'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runs).toEqual([]); // not started: nothing runs
    s.start();
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs.filter((r) => r === 'fast')).toHaveLength(5);
    expect(runs.filter((r) => r === 'slow')).toHaveLength(1);
    s.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runs).toHaveLength(6);
  });

  it('never overlaps a job with itself: a run still going skips the next', async () => {
    const s = new Scheduler({ clock, log });
    let runs = 0;
    s.every(1000, 'slow', () => {
      runs++;
      return new Promise((r) => setTimeout(r, 3500));
    });
    s.start();
    await vi.advanceTimersByTimeAsync(4000); // started at 1 s, busy until 4.5 s
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(1000); // free again at 5 s
    expect(runs).toBe(2);
    s.stop();
  });

  it('keeps a failing job on its schedule, counting each failure and timing each run by the clock', async () => {
    const failed: string[] = [];
    const ran: [string, number][] = [];
    const s = new Scheduler({
      clock,
      log,
      metrics: { failed: (j) => failed.push(j), ran: (j, sec) => ran.push([j, sec]) },
    });
    s.every(1000, 'broken', async () => {
      await new Promise((r) => setTimeout(r, 250));
      throw new Error('boom');
    });
    s.start();
    await vi.advanceTimersByTimeAsync(3300);
    expect(failed).toEqual(['broken', 'broken', 'broken']);
    expect(ran).toEqual([
      ['broken', 0.25],
      ['broken', 0.25],
      ['broken', 0.25],
    ]);
    s.stop();
  });

  it('runs a job now by name, throwing its error to the caller; refuses a name twice', async () => {
    const s = new Scheduler({ clock, log });
    let n = 0;
    s.every(60_000, 'job', async () => {
      if (++n === 2) throw new Error('second run fails');
    });
    await s.runNow('job');
    await expect(s.runNow('job')).rejects.toThrow('second run fails');
    await expect(s.runNow('other')).rejects.toThrow('no scheduled job other');
    expect(() => s.every(1, 'job', async () => {})).toThrow('registered twice');
  });

  it('arms a job registered after the start at once', async () => {
    const s = new Scheduler({ clock, log });
    s.start();
    let runs = 0;
    s.every(1000, 'late', async () => void runs++);
    await vi.advanceTimersByTimeAsync(2000);
    expect(runs).toBe(2);
    s.stop();
  });
});
