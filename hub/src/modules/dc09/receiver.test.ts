import { describe, expect, it } from 'vitest';
import { createLogger } from '../../logger.js';
import type { DeadLetterRow } from '../../ingest/ingest.module.js';
import { loadCodeTables } from './code-table.js';
import { buildFrame, formatTimestamp } from './frame.js';
import type { Dc09AccountRow } from './dc09.repo.js';
import { Dc09Receiver } from './receiver.js';

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
const row: Dc09AccountRow = {
  id: 'acc-1',
  tenantId: 't',
  deviceId: 'panel-1',
  receiver: null,
  line: '1',
  account: '1234',
  vendor: 'standard',
  keyEnc: null,
  supervisionSeconds: null,
  lastMessageAt: null,
  supervisionLost: false,
  createdAt: new Date(NOW),
};

function setup(opts: { find?: () => Promise<Dc09AccountRow | null>; deliver?: () => Promise<void> } = {}) {
  const delivered: { topic: string; body: Record<string, unknown> }[] = [];
  const letters: DeadLetterRow[] = [];
  const r = new Dc09Receiver({
    accounts: { findByRoute: opts.find ?? (async () => row), markSeen: async () => false },
    unseal: () => null,
    tables: loadCodeTables(),
    clock: { now: () => NOW },
    log: createLogger('silent'),
    deliver: async (topic, payload) => {
      await opts.deliver?.();
      delivered.push({ topic, body: JSON.parse(payload.toString()) });
    },
    deadLetter: async (l) => void letters.push(l),
    windowPastMs: 40_000,
    windowFutureMs: 20_000,
  });
  return { r, delivered, letters };
}

const cid = (seq: string, code = '101') =>
  buildFrame(`"ADM-CID"${seq}L1#1234[#1234|1${code} 01 015]_${formatTimestamp(NOW)}`);
const answer = (b: Buffer) => /"(\*?[A-Z]+)"/.exec(b.toString())![1];

describe('DC-09 receiving pipeline', () => {
  it('ACKs only after the event was handed over and stored; a failed store gets NAK, not ACK', async () => {
    let release!: () => void;
    const stored = new Promise<void>((r) => (release = r));
    const { r, delivered } = setup({ deliver: () => stored });
    let done = false;
    const pending = r.receive(cid('0001'), 'tcp').then((b) => ((done = true), b));
    await new Promise((res) => setTimeout(res, 20));
    expect(done).toBe(false); // still storing: no answer yet
    release();
    expect(answer(await pending)).toBe('ACK');
    expect(delivered[0]).toMatchObject({
      topic: 'eldercare/v1/devices/panel-1/events',
      body: { type: 'sos', ts: NOW, data: { source: 'dc09', code: 'CID 1101', zone: '015' } },
    });

    const failing = setup({ deliver: () => Promise.reject(new Error('disk full')) });
    expect(answer(await failing.r.receive(cid('0002'), 'tcp'))).toBe('NAK');
  });

  it('the same message gives the same event id; another sequence number a new one', async () => {
    const { r, delivered } = setup();
    await r.receive(cid('0007'), 'udp');
    await r.receive(cid('0007'), 'udp');
    await r.receive(cid('0008'), 'udp');
    const ids = delivered.map((d) => d.body.eventId);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('while the database is unreachable a known panel is still served from memory; an unknown one is not', async () => {
    let down = false;
    const find = async () => {
      if (down) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      return row;
    };
    const { r, delivered } = setup({ find });
    expect(answer(await r.receive(cid('0001'), 'tcp'))).toBe('ACK');
    down = true;
    expect(answer(await r.receive(cid('0002'), 'tcp'))).toBe('ACK');
    expect(delivered).toHaveLength(2);
    const other = buildFrame(`"ADM-CID"0001L1#9999[#9999|1101 01 015]_${formatTimestamp(NOW)}`);
    expect(answer(await r.receive(other, 'tcp'))).toBe('NAK');
  });
});
