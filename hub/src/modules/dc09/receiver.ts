/**
 * The DC-09 receiving pipeline, free of sockets and SQL: one frame in, one answer out.
 *
 * frame → CRC and length → account (receiver/line/account) → decrypt → timestamp window → events
 * mapped through the code table → each stored through the hub's own event path (exactly once, alert
 * raised) or dead-lettered with its reason → only then ACK. Anything else gets NAK (with the
 * receiver's time) or DUH, and nothing is stored for a NAK: the panel sends again.
 */
import { createHash } from 'node:crypto';
import { topicFor, type DeviceEvent, type DeviceStatus } from '@eldercare/shared';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import type { DeadLetterRow } from '../../ingest/ingest.module.js';
import { isConnectionError } from '../../db/errors.js';
import {
  ackBody,
  buildFrame,
  frameShape,
  duhBody,
  encryptedAckBody,
  formatTimestamp,
  nakBody,
  parseContent,
  parseFrame,
  parseTimestamp,
  type Dc09Header,
} from './frame.js';
import { decryptContent, encryptContent } from './crypto.js';
import { parseContactId, parseSiaDcs, type PanelEvent } from './events.js';
import { mapEvent, type CodeTables } from './code-table.js';
import type { Dc09AccountRow } from './dc09.repo.js';

export type Outcome =
  | 'accepted'
  | 'supervision'
  | 'bad_frame'
  | 'unknown_account'
  | 'unsupported'
  | 'encryption_mismatch'
  | 'undecryptable'
  | 'bad_content'
  | 'outside_window'
  | 'not_understood'
  | 'store_failed';

export interface ReceiverDeps {
  accounts: {
    findByRoute(receiver: string | null, line: string, account: string): Promise<Dc09AccountRow | null>;
    markSeen(id: string, at: Date): Promise<boolean>;
  };
  unseal(sealed: string): Buffer | null;
  tables: CodeTables;
  clock: Clock;
  log: Logger;
  /** The hub's MQTT ingest entry point (same validation, exactly-once store and alerting). */
  deliver(topic: string, payload: Buffer): void | Promise<void>;
  /** Stores a dead letter now (awaited before the ACK). */
  deadLetter(row: DeadLetterRow): Promise<void>;
  /** How far a message's timestamp may lag behind / run ahead of the receiver's clock. */
  windowPastMs: number;
  windowFutureMs: number;
  onOutcome?(o: Outcome, transport: string): void;
}

const SUPPORTED = new Set(['SIA-DCS', 'ADM-CID', 'NULL']);

export class Dc09Receiver {
  /** Accounts last read from the database, used only while it cannot be reached (degraded mode). */
  private readonly lastKnown = new Map<string, Dc09AccountRow | null>();

  constructor(private readonly d: ReceiverDeps) {}

  /**
   * The account of a frame. While the database is unreachable the last row read for this route is
   * used, so a known panel's alarm still reaches the ingest (which spools it durably) and is ACKed.
   */
  private async account(h: Dc09Header): Promise<Dc09AccountRow | null> {
    const route = `${h.receiver ?? ''}|${h.line}|${h.account}`;
    try {
      const row = await this.d.accounts.findByRoute(h.receiver, h.line, h.account);
      if (this.lastKnown.size > 100_000) this.lastKnown.clear();
      this.lastKnown.set(route, row);
      return row;
    } catch (err) {
      const cached = this.lastKnown.get(route);
      if (!cached || !isConnectionError(err)) throw err;
      this.d.log.warn({ err }, 'database unreachable: DC-09 account from memory');
      return cached;
    }
  }

  /** Handles one frame (LF … CR); returns the answer frame. Never throws. */
  async receive(frame: Uint8Array, transport: 'tcp' | 'udp'): Promise<Buffer> {
    const { outcome, answer } = await this.process(frame).catch((err: Error) => {
      this.d.log.error({ err }, 'DC-09 message handling failed; answered NAK');
      return { outcome: 'store_failed' as Outcome, answer: nakBody(this.d.clock.now()) };
    });
    this.d.onOutcome?.(outcome, transport);
    // Answered with the CRC in the form the panel used (binary-CRC panels read only that form).
    return buildFrame(answer, frameShape(frame)?.crcForm ?? 'hex');
  }

  private async process(frame: Uint8Array): Promise<{ outcome: Outcome; answer: string }> {
    const now = this.d.clock.now();
    const nak = (outcome: Outcome, reason: string) => {
      this.d.log.debug({ outcome, reason }, 'DC-09 NAK');
      return { outcome, answer: nakBody(now) };
    };
    const f = parseFrame(frame);
    if (!f.ok) return nak('bad_frame', f.reason);
    const h = f.header;
    if (!SUPPORTED.has(h.token)) return { outcome: 'unsupported', answer: duhBody(h) };

    const account = await this.account(h);
    if (!account) {
      await this.d.deadLetter(
        this.letter(h, null, 'DC-09: unknown account (register it under /api/dc09/accounts)', frame, now),
      );
      return { outcome: 'unknown_account', answer: duhBody(h) };
    }
    const key = account.keyEnc ? this.d.unseal(account.keyEnc) : null;
    if (account.keyEnc && !key) {
      this.d.log.error({ account: account.id }, 'DC-09 key cannot be unsealed (DC09_KEY_SECRET changed?)');
      return nak('undecryptable', 'key not available');
    }
    // An account with a key takes only encrypted messages (NULL polls included): a plain message
    // could be forged by anyone who knows the account number.
    if (h.encrypted !== !!key) return { outcome: 'encryption_mismatch', answer: duhBody(h) };
    let content = f.content;
    if (key) {
      const plain = decryptContent(key, content);
      if (plain === null) return nak('undecryptable', 'cannot decrypt (wrong key?)');
      content = plain;
    }
    const c = parseContent(content);
    if (!c) return nak('bad_content', 'content not understood');
    if (key && !c.timestamp) return nak('bad_content', 'encrypted message without a timestamp');
    let deviceTs: number | null = null;
    if (c.timestamp) {
      deviceTs = parseTimestamp(c.timestamp);
      if (deviceTs === null) return nak('bad_content', 'bad timestamp');
      // Replay protection: only messages stamped inside the window around the receiver's clock.
      if (deviceTs < now - this.d.windowPastMs || deviceTs > now + this.d.windowFutureMs)
        return nak('outside_window', `timestamp ${Math.round((deviceTs - now) / 1000)} s off`);
    }

    const ack = () => {
      if (!key) return ackBody(h);
      return encryptedAckBody(h, encryptContent(key, `]_${formatTimestamp(now)}`));
    };
    const back = await this.d.accounts.markSeen(account.id, new Date(now)).catch((err: Error) => {
      this.d.log.warn({ err }, 'DC-09 last-message time not recorded');
      return false;
    });
    if (back || h.token === 'NULL') await this.status(account, { online: true });
    if (h.token === 'NULL') return { outcome: 'supervision', answer: ack() };

    const parsed = h.token === 'ADM-CID' ? parseContactId(c.data) : parseSiaDcs(c.data);
    if (!parsed.ok) {
      await this.d.deadLetter(this.letter(h, account.deviceId, `DC-09: ${parsed.reason}`, Buffer.from(c.data), now));
      return { outcome: 'not_understood', answer: duhBody(h) };
    }
    const base = this.eventBase(h, c.data, c.timestamp);
    for (const [i, e] of parsed.events.entries())
      await this.apply(account, h, e, `${base}${i ? `-${i}` : ''}`, deviceTs ?? now, c.data, now);
    return { outcome: 'accepted', answer: ack() };
  }

  /**
   * A stable event id: the same message (receiver, line, account, sequence, timestamp, data) is the
   * same event however often it is sent. A resend the panel re-stamped is a second signal of the same
   * kind, which the alert engine folds into the open incident — never a lost alarm: sequence numbers
   * restart at reboot, so sequence and data alone could swallow a new press.
   */
  private eventBase(h: Dc09Header, data: string, ts: string | null): string {
    const digest = createHash('sha256')
      .update([h.receiver ?? '', h.line, h.account, h.seq, ts ?? '', data].join('|'))
      .digest('hex')
      .slice(0, 32);
    return `dc09-${digest}`;
  }

  private async apply(
    account: Dc09AccountRow,
    h: Dc09Header,
    e: PanelEvent,
    eventId: string,
    ts: number,
    data: string,
    now: number,
  ): Promise<void> {
    const m = mapEvent(this.d.tables, account.vendor, e);
    const code = e.protocol === 'cid' ? `CID ${e.qualifier ?? ''}${e.code}` : `SIA ${e.code}`;
    if (m.kind !== 'event') {
      const reason =
        m.kind === 'unmapped'
          ? `DC-09 ${code}: unmapped code (add it to the code table or a vendor profile)`
          : `DC-09 ${code} (${m.label}): recorded, raises no hub event (${m.condition})`;
      await this.d.deadLetter(this.letter(h, account.deviceId, reason, Buffer.from(data), now));
      return;
    }
    const event: DeviceEvent = {
      eventId,
      ts,
      type: m.event,
      data: {
        source: 'dc09',
        code,
        label: m.label,
        ...(e.zone ? { zone: e.zone } : {}),
        ...(e.area ? { area: e.area } : {}),
        seq: h.seq,
      },
    };
    await this.d.deliver(topicFor(account.deviceId, 'events'), Buffer.from(JSON.stringify(event)));
  }

  private async status(account: Pick<Dc09AccountRow, 'deviceId'>, s: DeviceStatus): Promise<void> {
    await this.d.deliver(topicFor(account.deviceId, 'status'), Buffer.from(JSON.stringify(s)));
  }

  /** Supervision missed: the device is offline, as an MQTT device's last will says. */
  async reportSilent(deviceId: string): Promise<void> {
    await this.status({ deviceId }, { online: false });
  }

  private letter(
    h: Dc09Header,
    deviceId: string | null,
    reason: string,
    payload: Uint8Array,
    now: number,
  ): DeadLetterRow {
    return {
      receivedAt: new Date(now),
      topic: `dc09/${h.token}/R${h.receiver ?? '-'}/L${h.line}/#${h.account}/${h.seq}`,
      deviceId,
      reason: reason.slice(0, 1000),
      payload: Buffer.from(payload)
        .toString('latin1')
        .replace(/[^\x20-\x7e]/g, '?')
        .slice(0, 4096),
    };
  }
}
