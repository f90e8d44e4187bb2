/**
 * A bounded write queue: rows are collected and written in batches (by size or after a short
 * delay). When the queue is full, `push` reports it and `waitForSpace` lets the caller apply
 * back-pressure (stop reading from MQTT) instead of growing memory. A failed batch is kept and
 * retried with backoff: rows are never silently lost.
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

  constructor(private readonly o: BatchWriterOptions<T>) {}

  get depth(): number {
    return this.queue.length;
  }

  get full(): boolean {
    return this.queue.length >= this.o.maxQueued;
  }

  /** Queues a row. Returns false when the queue is now full: the caller should await waitForSpace(). */
  push(row: T): boolean {
    this.queue.push(row);
    if (this.queue.length >= this.o.batchSize) this.kick();
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
    const batch = this.queue.slice(0, this.o.batchSize);
    const started = performance.now();
    try {
      await this.writeSplitting(batch);
      this.queue.splice(0, batch.length);
      this.retryMs = 0;
      this.o.onWritten?.(batch.length, (performance.now() - started) / 1000);
    } catch (err) {
      this.retryMs = Math.min(Math.max(this.retryMs * 2, 100), 5_000);
      this.o.onError?.(err);
      this.o.log.error(
        { writer: this.o.name, err: (err as Error).message, rows: batch.length, retryMs: this.retryMs },
        'batch write failed; will retry',
      );
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
    if (this.timer) clearTimeout(this.timer);
    for (const w of this.waiters.splice(0)) w();
  }
}
