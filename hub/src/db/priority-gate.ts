/**
 * Lets alarms overtake bulk writes on a database with a single backend (the embedded PGlite, whose
 * wire server already runs the alarm session's requests first). While an alarm is being stored and
 * raised, telemetry batches hold off starting — so the alarm's few queries each wait for at most
 * the one batch already running, not for a batch started between every two of them. Bulk work waits at most `maxWaitMs`,
 * so an alarm storm slows telemetry down but cannot starve it.
 */
export class PriorityGate {
  private active = 0;
  private waiters: (() => void)[] = [];

  constructor(private readonly maxWaitMs = 200) {}

  /** Runs urgent work; bulk work waits until no urgent work is running. */
  async urgent<T>(work: () => T | Promise<T>): Promise<T> {
    this.active++;
    try {
      return await work();
    } finally {
      if (--this.active === 0) for (const w of this.waiters.splice(0)) w();
    }
  }

  /** Resolves when no urgent work is running, or after `maxWaitMs`. */
  idle(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(resolve, this.maxWaitMs);
      this.waiters.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }
}
