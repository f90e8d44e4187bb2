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
    await s.stop();
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
    const stopping = s.stop(); // the run started at 5 s ends at 8.5 s
    await vi.advanceTimersByTimeAsync(3500);
    await stopping;
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
    await s.stop();
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
    const stopping = s.stop(); // the run started at 5 s ends at 8.5 s
    await vi.advanceTimersByTimeAsync(3500);
    await stopping;
  });

  it('stop() waits for the runs in progress, so closing what they use after it fails none of them', async () => {
    const failed: string[] = [];
    const s = new Scheduler({ clock, log, metrics: { failed: (j) => failed.push(j) } });
    // The hub's shutdown: the scheduler stops, then the database pool ends.
    let poolEnded = false;
    const steps: string[] = [];
    s.every(1000, 'job', async () => {
      steps.push('run');
      await new Promise((r) => setTimeout(r, 3000));
      if (poolEnded) throw new Error('Cannot use a pool after calling end on the pool');
      steps.push('done');
    });
    s.start();
    await vi.advanceTimersByTimeAsync(1500); // a run started at 1 s, busy until 4 s
    let stopped = false;
    const closing = Promise.resolve(s.stop()).then(() => {
      stopped = true;
      poolEnded = true;
      steps.push('pool ended');
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect(stopped).toBe(false); // the run is still going
    await vi.advanceTimersByTimeAsync(2000);
    await closing;
    expect(steps).toEqual(['run', 'done', 'pool ended']);
    expect(failed).toEqual([]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(steps).toHaveLength(3); // and no run after the stop
  });

  it('stop() also waits for a job run now by name', async () => {
    const s = new Scheduler({ clock, log });
    let finished = false;
    s.every(60_000, 'job', async () => {
      await new Promise((r) => setTimeout(r, 2000));
      finished = true;
    });
    const run = s.runNow('job');
    let stopped = false;
    const stopping = Promise.resolve(s.stop()).then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(1000);
    expect(stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all([run, stopping]);
    expect(finished).toBe(true);
  });

  it('stop() gives up waiting for a run that never ends after its bound', async () => {
    const s = new Scheduler({ clock, log });
    s.every(1000, 'hung', () => new Promise(() => {}));
    s.start();
    await vi.advanceTimersByTimeAsync(1000);
    let stopped = false;
    const stopping = s.stop(5000).then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(4999);
    expect(stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await stopping;
    expect(stopped).toBe(true);
  });
});
