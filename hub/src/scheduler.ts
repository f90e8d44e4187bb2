/**
 * The hub's one scheduler. Each module registers its own periodic jobs (at build time); the hub
 * starts them all once it is assembled and stops them first when it closes. A job never overlaps
 * itself (a run still going when the next is due is skipped), a failure is logged and counted and
 * never stops the schedule, and every run is timed by the hub's clock. Jobs can also be run now by
 * name (the hub's `tickAlerts()` and friends, and tests).
 */
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';

export interface SchedulerMetrics {
  /** A run took `seconds`. */
  ran?(job: string, seconds: number): void;
  failed?(job: string): void;
}

/** setInterval/clearInterval, injectable (vitest's fake timers replace the globals anyway). */
export interface Timers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const nodeTimers: Timers = {
  setInterval: (fn, ms) => {
    const t = setInterval(fn, ms);
    t.unref(); // a schedule never keeps the process alive
    return t;
  },
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
};

interface Job {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
  running: boolean;
  handle: unknown;
}

export class Scheduler {
  private readonly jobs = new Map<string, Job>();
  private started = false;

  constructor(private readonly d: { clock: Clock; log: Logger; metrics?: SchedulerMetrics; timers?: Timers }) {}

  /** Registers a job run every `everyMs` once the scheduler is started (at once if it already is). */
  every(everyMs: number, name: string, run: () => Promise<unknown>): void {
    if (this.jobs.has(name)) throw new Error(`scheduled job ${name} registered twice`);
    const job: Job = { name, everyMs, run, running: false, handle: null };
    this.jobs.set(name, job);
    if (this.started) this.arm(job);
  }

  /** The registered jobs' names, in registration order. */
  get names(): string[] {
    return [...this.jobs.keys()];
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const job of this.jobs.values()) this.arm(job);
  }

  /** Stops every timer; a run in progress finishes on its own. */
  stop(): void {
    this.started = false;
    for (const job of this.jobs.values()) {
      if (job.handle !== null) (this.d.timers ?? nodeTimers).clearInterval(job.handle);
      job.handle = null;
    }
  }

  /** Runs a job now, outside its schedule (errors are thrown to the caller). */
  async runNow(name: string): Promise<void> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no scheduled job ${name}`);
    await job.run();
  }

  private arm(job: Job): void {
    job.handle = (this.d.timers ?? nodeTimers).setInterval(() => void this.fire(job), job.everyMs);
  }

  private async fire(job: Job): Promise<void> {
    if (job.running) return;
    job.running = true;
    const start = this.d.clock.now();
    try {
      await job.run();
    } catch (err) {
      this.d.metrics?.failed?.(job.name);
      this.d.log.error({ job: job.name, err }, 'scheduled job failed');
    } finally {
      this.d.metrics?.ran?.(job.name, (this.d.clock.now() - start) / 1000);
      job.running = false;
    }
  }
}
