/** The degraded-mode spool: durable appends, ordered replay, torn lines, files left by a crash. */
import { mkdtemp, readdir, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { EventSpool, followedByCancel, parseSpool, type SpooledEvent } from './spool.js';

const log = createLogger('silent');
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'spool-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const rec = (i: number): SpooledEvent => ({
  deviceId: `dev-${i % 3}`,
  receivedAt: 1_700_000_000_000 + i,
  event: { eventId: `e-${i}`, ts: 1_700_000_000_000 + i, type: 'sos' },
});

describe('EventSpool', () => {
  it('appends durably (on disk when the promise resolves) and replays in order, then deletes the files', async () => {
    const spool = new EventSpool(dir, log);
    await spool.init();
    expect(spool.active).toBe(false);
    await Promise.all([0, 1, 2, 3, 4].map((i) => spool.append(rec(i))));
    expect(spool.active).toBe(true);
    expect(spool.size).toBe(5);
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(parseSpool(await readFile(path.join(dir, files[0]!), 'utf8')).records.map((r) => r.event.eventId)).toEqual([
      'e-0',
      'e-1',
      'e-2',
      'e-3',
      'e-4',
    ]);
    const seen: string[] = [];
    const n = await spool.drain(async (rs) => void seen.push(...rs.map((r) => r.event.eventId)));
    expect(n).toBe(5);
    expect(seen).toEqual(['e-0', 'e-1', 'e-2', 'e-3', 'e-4']);
    expect(await readdir(dir)).toEqual([]);
    expect(spool.active).toBe(false);
  });

  it('events appended during a replay are replayed too, after the earlier ones', async () => {
    const spool = new EventSpool(dir, log);
    await spool.init();
    await spool.append(rec(0));
    await spool.append(rec(1));
    const seen: string[] = [];
    let added = false;
    await spool.drain(async (rs) => {
      seen.push(...rs.map((r) => r.event.eventId));
      if (!added) {
        added = true;
        await spool.append(rec(2)); // arrives while replaying: goes to a new file
        void spool.append(rec(3));
      }
    });
    expect(seen).toEqual(['e-0', 'e-1', 'e-2', 'e-3']);
    expect(spool.active).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });

  it('a failing replay keeps the file (and the events) for the next attempt', async () => {
    const spool = new EventSpool(dir, log);
    await spool.init();
    await spool.append(rec(0));
    await expect(
      spool.drain(async () => {
        throw new Error('Connection terminated unexpectedly');
      }),
    ).rejects.toThrow('Connection terminated');
    expect(spool.active).toBe(true);
    expect(await readdir(dir)).toHaveLength(1);
    const seen: string[] = [];
    await spool.drain(async (rs) => void seen.push(...rs.map((r) => r.event.eventId)));
    expect(seen).toEqual(['e-0']);
  });

  it('skips a line cut short by a crash and garbled lines; takes over files left by an earlier run', async () => {
    const good = [rec(0), rec(1)].map((r) => JSON.stringify(r) + '\n').join('');
    await writeFile(path.join(dir, 'events-1700000000000-000000.ndjson'), good + '{"deviceId":"dev-9","recei');
    await writeFile(path.join(dir, 'events-1700000000001-000000.ndjson'), 'not json\n' + JSON.stringify(rec(2)) + '\n');
    await writeFile(path.join(dir, 'unrelated.txt'), 'x');
    const spool = new EventSpool(dir, log);
    expect(await spool.init()).toBe(3);
    expect(spool.active).toBe(true);
    const seen: string[] = [];
    await spool.drain(async (rs) => void seen.push(...rs.map((r) => r.event.eventId)));
    expect(seen).toEqual(['e-0', 'e-1', 'e-2']);
    expect(await readdir(dir)).toEqual(['unrelated.txt']);
  });

  it('parseSpool: complete lines only', () => {
    const line = JSON.stringify(rec(7));
    expect(parseSpool('').records).toEqual([]);
    expect(parseSpool(line).bad).toBe(1); // no newline yet: torn
    expect(parseSpool(line + '\n').records).toHaveLength(1);
    expect(parseSpool(line + '\n' + '{"deviceId":1}\n').bad).toBe(1);
  });

  it('appends after a replay go to a fresh file', async () => {
    const spool = new EventSpool(dir, log);
    await spool.init();
    await spool.append(rec(0));
    await spool.drain(async () => undefined);
    await spool.append(rec(1));
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    await appendFile(path.join(dir, files[0]!), '');
    expect(parseSpool(await readFile(path.join(dir, files[0]!), 'utf8')).records[0]!.event.eventId).toBe('e-1');
    await spool.close();
  });
});

describe('followedByCancel', () => {
  const ev = (deviceId: string, eventId: string, ts: number, type: 'fall' | 'sos' | 'cancel', cancels?: string) => ({
    deviceId,
    receivedAt: ts,
    event: { eventId, ts, type, ...(cancels ? { cancels } : {}) },
  });

  it('marks the event a later cancel names, and earlier events of the device for a cancel naming none', () => {
    const fallA = ev('a', 'f1', 100, 'fall');
    const fallA2 = ev('a', 'f2', 110, 'fall');
    const fallB = ev('b', 'f1', 100, 'fall');
    const sosC = ev('c', 's1', 100, 'sos');
    const laterC = ev('c', 's2', 300, 'sos');
    const records = [
      fallA,
      fallA2,
      fallB,
      sosC,
      ev('a', 'c1', 120, 'cancel', 'f1'),
      ev('c', 'c2', 200, 'cancel'),
      laterC,
    ];
    const marked = followedByCancel(records);
    expect(marked.has(fallA)).toBe(true);
    expect(marked.has(fallA2)).toBe(false); // the cancel names another event
    expect(marked.has(fallB)).toBe(false); // another device
    expect(marked.has(sosC)).toBe(true);
    expect(marked.has(laterC)).toBe(false); // after the cancel, and newer than it
  });

  it('ignores a cancel that comes before the event', () => {
    const fall = ev('a', 'f1', 100, 'fall');
    expect(followedByCancel([ev('a', 'c1', 90, 'cancel'), fall]).size).toBe(0);
    expect(followedByCancel([ev('a', 'c1', 90, 'cancel', 'f1'), fall]).size).toBe(0);
  });
});
