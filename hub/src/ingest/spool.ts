/**
 * The degraded-mode event spool: while the database is unreachable, device events are appended to
 * local files (DATA_DIR/spool/events-*.ndjson, one JSON line per event, fsync'd before the broker
 * gets its acknowledgement) and replayed in order through the normal exactly-once path when the
 * database is back. A line cut short by a crash was never acknowledged (the broker redelivers it),
 * so it is skipped. Replaying an event twice is harmless: events are deduplicated by eventId.
 */
import { mkdir, open, readFile, readdir, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { DeviceEvent } from '@eldercare/shared';
import type { Logger } from '../logger.js';

export interface SpooledEvent {
  deviceId: string;
  receivedAt: number;
  event: DeviceEvent;
}

const FILE = /^events-\d+-\d+\.ndjson$/;

/** Parses a spool file's text: every complete, valid line; a torn or garbled line is counted and skipped. */
export function parseSpool(text: string): { records: SpooledEvent[]; bad: number } {
  const records: SpooledEvent[] = [];
  let bad = 0;
  const lines = text.split('\n');
  // The text after the last newline: '' for a complete file, else a line a crash cut short.
  if (lines.pop()) bad++;
  for (const line of lines) {
    if (!line) continue;
    try {
      const r = JSON.parse(line) as SpooledEvent;
      if (
        typeof r?.deviceId === 'string' &&
        typeof r.receivedAt === 'number' &&
        typeof r.event?.eventId === 'string' &&
        typeof r.event.type === 'string'
      )
        records.push(r);
      else bad++;
    } catch {
      bad++;
    }
  }
  return { records, bad };
}

/**
 * The spooled events that a `cancel` spooled after them may withdraw: the one a cancel names
 * (`cancels`), or — for a cancel naming none — every earlier event of that device not newer than the
 * cancel. Replay passes this on so that a fall whose cancel window ended during the outage is not
 * opened only to be withdrawn by the next line of the spool.
 */
export function followedByCancel(records: readonly SpooledEvent[]): Set<SpooledEvent> {
  const out = new Set<SpooledEvent>();
  const named = new Set<string>();
  const latestUnnamed = new Map<string, number>(); // device → ts of its latest cancel naming no event
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i]!;
    if (r.event.type === 'cancel') {
      if (r.event.cancels) named.add(`${r.deviceId}\n${r.event.cancels}`);
      else latestUnnamed.set(r.deviceId, Math.max(latestUnnamed.get(r.deviceId) ?? -Infinity, r.event.ts));
      continue;
    }
    if (named.has(`${r.deviceId}\n${r.event.eventId}`) || (latestUnnamed.get(r.deviceId) ?? -Infinity) >= r.event.ts)
      out.add(r);
  }
  return out;
}

export class EventSpool {
  private fh: FileHandle | null = null;
  private current: string | null = null;
  private seq = 0;
  private chain: Promise<void> = Promise.resolve();
  private appending = 0;
  /** Spool files not yet replayed (the open one included) → records appended to them. */
  private readonly pending = new Map<string, number>();

  constructor(
    readonly dir: string,
    private readonly log: Logger,
  ) {}

  /** Creates the folder and takes over files left by an earlier run (replayed like any other). */
  async init(): Promise<number> {
    await mkdir(this.dir, { recursive: true });
    let n = 0;
    for (const f of await this.files()) {
      const { records } = parseSpool(await readFile(path.join(this.dir, f), 'utf8'));
      this.pending.set(f, records.length);
      n += records.length;
    }
    if (n) this.log.warn({ events: n }, 'spooled events from an earlier run will be replayed');
    return n;
  }

  /** True while anything is spooled and not yet replayed: new events must queue behind it. */
  get active(): boolean {
    return this.appending > 0 || this.pending.size > 0;
  }

  /** Events spooled and not yet replayed. */
  get size(): number {
    let n = 0;
    for (const c of this.pending.values()) n += c;
    return n + this.appending;
  }

  /** Appends one event durably (written and fsync'd when the promise resolves). */
  append(rec: SpooledEvent): Promise<void> {
    this.appending++;
    const line = JSON.stringify(rec) + '\n';
    const done = this.chain.then(async () => {
      try {
        if (!this.fh) {
          const name = `events-${Date.now()}-${String(this.seq++).padStart(6, '0')}.ndjson`;
          this.current = name; // before the file exists, so drain() never takes it while it is written
          this.pending.set(name, 0);
          this.fh = await open(path.join(this.dir, name), 'a');
          await this.syncDir();
        }
        await this.fh.write(line);
        await this.fh.sync();
        this.pending.set(this.current!, (this.pending.get(this.current!) ?? 0) + 1);
      } finally {
        this.appending--;
      }
    });
    this.chain = done.catch(() => undefined);
    return done;
  }

  /** Makes a new file's directory entry durable too. */
  private async syncDir(): Promise<void> {
    const d = await open(this.dir, 'r').catch(() => null);
    if (!d) return;
    await d.sync().catch(() => undefined);
    await d.close();
  }

  private async files(): Promise<string[]> {
    return (await readdir(this.dir).catch(() => [] as string[])).filter((f) => FILE.test(f)).sort();
  }

  /** Closes the file being appended to: new events go to a new file. */
  private async seal(): Promise<void> {
    await this.chain;
    if (this.fh) {
      await this.fh.close().catch(() => undefined);
      this.fh = null;
      this.current = null;
    }
  }

  /**
   * Replays every spooled event in order, file by file: `apply` gets each file's events; when it
   * resolves the file is deleted. When it throws (the database went away again) the file stays and
   * the error propagates. Events appended meanwhile are replayed too, until the spool is empty.
   */
  async drain(apply: (records: SpooledEvent[]) => Promise<void>): Promise<number> {
    let replayed = 0;
    for (;;) {
      await this.seal();
      const files = (await this.files()).filter((f) => f !== this.current);
      if (!files.length) {
        if (this.current === null && this.appending === 0) {
          this.pending.clear();
          return replayed;
        }
        continue;
      }
      for (const f of files) {
        if (f === this.current) continue;
        const file = path.join(this.dir, f);
        const { records, bad } = parseSpool(await readFile(file, 'utf8'));
        if (bad) this.log.warn({ file: f, bad }, 'spool: skipped incomplete lines (never acknowledged)');
        await apply(records);
        await unlink(file);
        this.pending.delete(f);
        replayed += records.length;
      }
    }
  }

  async close(): Promise<void> {
    await this.seal();
  }
}
