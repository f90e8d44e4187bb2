/**
 * The hub's one scheduler. Each module registers its own periodic jobs (at build time); the hub
 * starts them all once it is assembled and stops them first when it closes. A job never overlaps
 * itself (a run still going when the next is due is skipped), a failure is logged and counted and
 * never stops the schedule, and every run is timed by the hub's clock. Jobs can also be run now by
 * name (the hub's `tickAlerts()` and friends, and tests). Stopping waits for the runs in progress,
 * so none of them outlives what the hub closes after the scheduler (the database pools).
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
  /** The scheduled run in progress. */
  running: Promise<void> | null;
  handle: unknown;
}

export class Scheduler {
  private readonly jobs = new Map<string, Job>();
  private started = false;
  /** Every run in progress, scheduled or run now (stop() waits for them). */
  private readonly inProgress = new Set<Promise<unknown>>();

  constructor(private readonly d: { clock: Clock; log: Logger; metrics?: SchedulerMetrics; timers?: Timers }) {}

  /** Registers a job run every `everyMs` once the scheduler is started (at once if it already is). */
  every(everyMs: number, name: string, run: () => Promise<unknown>): void {
    if (this.jobs.has(name)) throw new Error(`scheduled job ${name} registered twice`);
    const job: Job = { name, everyMs, run, running: null, handle: null };
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

  /**
   * Stops every timer, then waits for the runs in progress (scheduled or run now) to finish, at most
   * `waitMs` (a run hung on an unreachable service must not hold up the hub's shutdown for ever).
   */
  async stop(waitMs = 15_000): Promise<void> {
    this.started = false;
    for (const job of this.jobs.values()) {
      if (job.handle !== null) (this.d.timers ?? nodeTimers).clearInterval(job.handle);
      job.handle = null;
    }
    if (!this.inProgress.size) return;
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), waitMs);
    });
    // A run failing here was already logged (scheduled) or thrown to its caller (run now).
    while (this.inProgress.size) {
      if ((await Promise.race([Promise.allSettled([...this.inProgress]), gaveUp])) === 'timeout') {
        this.d.log.warn({ jobs: this.inProgress.size }, 'scheduler stopped with jobs still running');
        break;
      }
    }
    clearTimeout(timer);
  }

  /** Runs a job now, outside its schedule (errors are thrown to the caller). */
  async runNow(name: string): Promise<void> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no scheduled job ${name}`);
    await this.track(job.run());
  }

  private track<T>(run: Promise<T>): Promise<T> {
    this.inProgress.add(run);
    const done = () => void this.inProgress.delete(run);
    run.then(done, done);
    return run;
  }

  private arm(job: Job): void {
    job.handle = (this.d.timers ?? nodeTimers).setInterval(() => void this.fire(job), job.everyMs);
  }

  private fire(job: Job): Promise<void> {
    if (job.running || !this.started) return Promise.resolve();
    job.running = this.track(this.runScheduled(job)).finally(() => {
      job.running = null;
    });
    return job.running;
  }

  private async runScheduled(job: Job): Promise<void> {
    const start = this.d.clock.now();
    try {
      await job.run();
    } catch (err) {
      this.d.metrics?.failed?.(job.name);
      this.d.log.error({ job: job.name, err }, 'scheduled job failed');
    } finally {
      this.d.metrics?.ran?.(job.name, (this.d.clock.now() - start) / 1000);
    }
  }
}
