/**
 * A bounded write queue: rows are collected and written in batches (by size or after a short
 * delay). When the queue is full, `push` reports it and `waitForSpace` lets the caller apply
 * back-pressure (stop reading from MQTT) instead of growing memory. A failed batch is kept and
 * retried with backoff: rows are never silently lost while they fit the budget.
 *
 * Outage: once the last write failed (the database is unreachable, not merely slow) and the
 * queue is at `maxQueued`, holding back MQTT would also hold back alarms queued behind the
 * telemetry. So while failing, the writer stops applying back-pressure and drops the OLDEST rows
 * (counted through `onDrop`) to make room; everything within the budget is written once the
 * database is back. While the database is healthy but slow, back-pressure stays.
 */
import type { Logger } from '../logger.js';

export interface BatchWriterOptions<T> {
  name: string;
  batchSize: number;
  maxQueued: number;
  flushMs: number;
  write(rows: T[]): Promise<void>;
  log: Logger;
  onWritten?(rows: number, seconds: number): void;
  onError?(err: unknown): void;
  onDepth?(depth: number): void;
  /** A row the database refuses as data (constraint, type or value error): it is set aside, never retried forever. */
  onPoison?(row: T, err: unknown): void;
  /** Rows dropped (oldest first) because the queue was full while the database was failing. */
  onDrop?(rows: number): void;
  /** Awaited before each batch: lets more urgent work (alarms) have the database first. */
  yieldTo?(): Promise<void>;
}

/** PostgreSQL data exceptions (class 22) and integrity violations (class 23): retrying cannot help. */
export function isDataError(err: unknown): boolean {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : '';
  return code.startsWith('22') || code.startsWith('23');
}

export class BatchWriter<T> {
  private queue: T[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private waiters: (() => void)[] = [];
  private retryMs = 0;
  private closed = false;
  /** Rows at the head of the queue being written right now (never dropped). */
  private inflight = 0;
  /** The last write failed for a reason other than the data (database unreachable). */
  private failing = false;

  constructor(private readonly o: BatchWriterOptions<T>) {}

  get depth(): number {
    return this.queue.length;
  }

  /** Full = the caller should wait. Never while the database is failing: then the oldest rows give way. */
  get full(): boolean {
    return !this.failing && this.queue.length >= this.o.maxQueued;
  }

  /** True while writes fail (the database is unreachable). */
  get degraded(): boolean {
    return this.failing;
  }

  /** Queues a row. Returns false when the queue is now full: the caller should await waitForSpace(). */
  push(row: T): boolean {
    if (this.failing && this.queue.length >= this.o.maxQueued) {
      // Drop a slice of the oldest rows at once (one splice, not one shift per row).
      const n = Math.min(
        this.queue.length - this.inflight,
        Math.max(this.queue.length - this.o.maxQueued + 1, Math.floor(this.o.maxQueued / 100)),
      );
      if (n > 0) {
        this.queue.splice(this.inflight, n);
        this.o.onDrop?.(n);
      }
    }
    this.queue.push(row);
    // While backing off after a failure, wait for the retry timer instead of hammering the database.
    if (this.queue.length >= this.o.batchSize && this.retryMs === 0) this.kick();
    else this.schedule();
    return !this.full;
  }

  waitForSpace(): Promise<void> {
    if (!this.full) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private schedule(): void {
    if (this.timer || this.writing || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
    }, this.retryMs || this.o.flushMs);
  }

  private kick(): void {
    if (this.writing) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.queue.length === 0) return;
    this.writing = this.writeOne().finally(() => {
      this.writing = null;
      if (this.queue.length >= this.o.batchSize && this.retryMs === 0) this.kick();
      else if (this.queue.length) this.schedule();
    });
  }

  /**
   * Writes rows; when the database refuses the data itself (not an outage), splits the batch to
   * find the offending rows, hands each to `onPoison` and writes all the others.
   */
  private async writeSplitting(rows: T[]): Promise<void> {
    try {
      await this.o.write(rows);
    } catch (err) {
      if (!this.o.onPoison || !isDataError(err)) throw err;
      if (rows.length === 1) return this.o.onPoison(rows[0]!, err);
      const mid = rows.length >> 1;
      await this.writeSplitting(rows.slice(0, mid));
      await this.writeSplitting(rows.slice(mid));
    }
  }

  private async writeOne(): Promise<void> {
    if (this.o.yieldTo) await this.o.yieldTo();
    const batch = this.queue.slice(0, this.o.batchSize);
    const started = performance.now();
    this.inflight = batch.length;
    try {
      await this.writeSplitting(batch);
      this.queue.splice(0, batch.length);
      this.retryMs = 0;
      this.failing = false;
      this.o.onWritten?.(batch.length, (performance.now() - started) / 1000);
    } catch (err) {
      this.retryMs = Math.min(Math.max(this.retryMs * 2, 100), 5_000);
      this.failing = !isDataError(err);
      this.o.onError?.(err);
      this.o.log.error(
        { writer: this.o.name, err, rows: batch.length, retryMs: this.retryMs },
        'batch write failed; will retry',
      );
    } finally {
      this.inflight = 0;
    }
    this.o.onDepth?.(this.queue.length);
    if (!this.full) for (const w of this.waiters.splice(0)) w();
  }

  /** Writes everything queued (used on shutdown and in tests). Gives up after `timeoutMs`. */
  async flush(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((this.queue.length || this.writing) && Date.now() < deadline) {
      if (!this.writing) this.kick();
      await this.writing;
      if (this.retryMs && this.queue.length) await new Promise((r) => setTimeout(r, this.retryMs));
    }
  }

  async close(timeoutMs?: number): Promise<void> {
    await this.flush(timeoutMs);
    this.closed = true;
    // Accepted (acknowledged) rows that could not be written in time: never lost without a word.
    if (this.queue.length)
      this.o.log.error({ writer: this.o.name, rows: this.queue.length }, 'rows not written before shutdown');
    if (this.timer) clearTimeout(this.timer);
    for (const w of this.waiters.splice(0)) w();
  }
}
