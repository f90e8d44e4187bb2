/**
 * A SIA DC-09 dialler: what an alarm panel or telecare unit does when it reports to a receiving
 * centre over IP. TCP or UDP, plain or AES-encrypted, SIA DCS or Ademco Contact ID, NULL polls;
 * waits for the receiver's answer and sends the same frame again when none comes. For tests and
 * load runs it can also misbehave on purpose: a clock off by some seconds, a broken CRC, a wrong key.
 * Written independently of the hub's receiver (bitwise CRC, own framing) so each checks the other.
 */
import net from 'node:net';
import dgram from 'node:dgram';
import { createCipheriv, createDecipheriv, randomInt } from 'node:crypto';

export type Dc09Token = 'SIA-DCS' | 'ADM-CID' | 'NULL';
export type Dc09Answer = 'ACK' | 'NAK' | 'DUH';

export interface DiallerOptions {
  host: string;
  port: number;
  transport: 'tcp' | 'udp';
  receiver?: string | null;
  line: string;
  account: string;
  /** AES key as hex (32/48/64 digits): messages are encrypted (`*SIA-DCS`, `*ADM-CID`, `*NULL`). */
  key?: string | null;
  /** The panel's clock error: its timestamps are this far from `now()`. */
  clockSkewMs?: number;
  now?: () => number;
  /** How long to wait for an answer before sending again, and how often to send again. */
  ackTimeoutMs?: number;
  retries?: number;
  /** Send timestamps on plain messages too (encrypted ones always carry one). */
  timestamps?: boolean;
  /** Send the CRC as two binary bytes, high byte first, instead of four hex digits (some panels do). */
  binaryCrc?: boolean;
}

export interface SendOptions {
  /** Corrupt the CRC field (the receiver must answer NAK and store nothing). */
  badCrc?: boolean;
  /** Encrypt with this key instead (a wrong key). */
  keyOverride?: string;
  /** Use this sequence number (a retransmission keeps it). */
  seq?: number;
  /** Send the frame this many times regardless of answers (a retransmission storm). */
  repeat?: number;
}

export interface SendResult {
  answer: Dc09Answer | null;
  /** Frames sent (1 + retransmissions). */
  attempts: number;
  seq: number;
  /** The receiver's clock from a NAK, epoch ms (for clock correction). */
  receiverTime: number | null;
  /** Whether an encrypted ACK decrypted with the panel's key. */
  ackVerified: boolean | null;
  raw: string | null;
}

/** CRC-16/ARC computed bit by bit (poly 0x8005 reflected = 0xA001, init 0). */
export function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const b of bytes) {
    crc ^= b;
    for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc & 0xffff;
}

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

export function frame(body: string, opts: { badCrc?: boolean; binaryCrc?: boolean } = {}): Buffer {
  const b = Buffer.from(body, 'latin1');
  let crc = crc16(b);
  if (opts.badCrc) crc ^= 0x5a5a;
  const crcField = opts.binaryCrc ? Buffer.from([crc >> 8, crc & 0xff]) : Buffer.from(hex4(crc), 'latin1');
  return Buffer.concat([
    Buffer.from('\n', 'latin1'),
    crcField,
    Buffer.from(hex4(b.length), 'latin1'),
    b,
    Buffer.from('\r', 'latin1'),
  ]);
}

export function dc09Timestamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `_${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())},${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}-${d.getUTCFullYear()}`;
}

function aes(key: Buffer, data: Buffer, decrypt: boolean): Buffer {
  const alg = `aes-${key.length * 8}-cbc`;
  const c = decrypt ? createDecipheriv(alg, key, Buffer.alloc(16)) : createCipheriv(alg, key, Buffer.alloc(16));
  c.setAutoPadding(false);
  return Buffer.concat([c.update(data), c.final()]);
}

export function encrypt(keyHex: string, text: string): string {
  const padLen = 16 - ((text.length + 1) % 16);
  const pad = Array.from({ length: padLen }, () => String.fromCharCode(65 + randomInt(26))).join('');
  return aes(Buffer.from(keyHex, 'hex'), Buffer.from(`${pad}|${text}`, 'latin1'), false)
    .toString('hex')
    .toUpperCase();
}

/** Contact ID data block: `#acct|QEEE GG ZZZ` (qualifier 1 new, 3 restore). */
export const contactId = (
  account: string,
  code: string,
  opts: { qualifier?: 1 | 3 | 6; group?: string; zone?: string } = {},
) => `#${account}|${opts.qualifier ?? 1}${code} ${opts.group ?? '01'} ${opts.zone ?? '001'}`;

/** SIA DCS data block: `#acct|Nri<area>/<CODE><zone>`. */
export const siaDcs = (account: string, code: string, opts: { area?: string; zone?: string } = {}) =>
  `#${account}|Nri${opts.area ?? '1'}/${code}${opts.zone ?? '001'}`;

export class Dc09Dialler {
  private seq = 0;
  private socket: net.Socket | null = null;
  private udp: dgram.Socket | null = null;
  private waiting: ((answer: Buffer) => void) | null = null;
  private inbox = Buffer.alloc(0);

  constructor(private readonly o: DiallerOptions) {}

  private now(): number {
    return (this.o.now ?? Date.now)() + (this.o.clockSkewMs ?? 0);
  }

  /** The message body for a token and data block (encrypted when the panel has a key). */
  body(token: Dc09Token, data: string, seq: number, key = this.o.key ?? null): string {
    const route = `${String(seq).padStart(4, '0')}${this.o.receiver != null ? `R${this.o.receiver}` : ''}L${this.o.line}#${this.o.account}`;
    const ts = key || this.o.timestamps !== false ? dc09Timestamp(this.now()) : '';
    if (key) return `"*${token}"${route}[${encrypt(key, `${data}]${ts}`)}`;
    return `"${token}"${route}[${data}]${ts}`;
  }

  nextSeq(): number {
    this.seq = (this.seq % 9999) + 1;
    return this.seq;
  }

  async send(token: Dc09Token, data = '', opts: SendOptions = {}): Promise<SendResult> {
    const seq = opts.seq ?? this.nextSeq();
    const bytes = frame(this.body(token, data, seq, opts.keyOverride ?? this.o.key ?? null), {
      badCrc: opts.badCrc,
      binaryCrc: this.o.binaryCrc,
    });
    const tries = opts.repeat ?? 1 + (this.o.retries ?? 2);
    let attempts = 0;
    let reply: Buffer | null = null;
    for (let i = 0; i < tries; i++) {
      attempts++;
      const r = await this.exchange(bytes, this.o.ackTimeoutMs ?? 3000);
      if (r) reply = r;
      if (r && opts.repeat === undefined) break;
    }
    return { ...this.read(reply), attempts, seq };
  }

  /** Sends raw bytes (fuzzing) and returns the answer frame, if any. */
  async sendRaw(bytes: Buffer, timeoutMs = 1000): Promise<string | null> {
    const r = await this.exchange(bytes, timeoutMs);
    return r ? r.toString('latin1') : null;
  }

  private read(reply: Buffer | null): Omit<SendResult, 'attempts' | 'seq'> {
    if (!reply) return { answer: null, receiverTime: null, ackVerified: null, raw: null };
    const text = reply.toString('latin1');
    const m = /"(\*?)(ACK|NAK|DUH)"/.exec(text);
    const answer = (m?.[2] as Dc09Answer | undefined) ?? null;
    let receiverTime: number | null = null;
    const ts = /_(\d{2}):(\d{2}):(\d{2}),(\d{2})-(\d{2})-(\d{4})\r?$/.exec(text);
    if (answer === 'NAK' && ts) {
      const [h, mi, s, mo, d, y] = ts.slice(1).map(Number) as number[];
      receiverTime = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
    }
    let ackVerified: boolean | null = null;
    if (answer === 'ACK' && m?.[1] === '*' && this.o.key) {
      // The body starts after <LF><CRC><0LLL> (a binary CRC's bytes may look like anything).
      const bodyAt = this.o.binaryCrc ? 7 : 9;
      const hex = text.slice(text.indexOf('[', bodyAt) + 1).replace(/\r$/, '');
      try {
        const plain = aes(Buffer.from(this.o.key, 'hex'), Buffer.from(hex, 'hex'), true).toString('latin1');
        ackVerified = /\|\]_\d{2}:\d{2}:\d{2},\d{2}-\d{2}-\d{4}$/.test(plain);
      } catch {
        ackVerified = false;
      }
    }
    return { answer, receiverTime, ackVerified, raw: text };
  }

  private async exchange(bytes: Buffer, timeoutMs: number): Promise<Buffer | null> {
    const answer = new Promise<Buffer | null>((resolve) => {
      const t = setTimeout(() => {
        this.waiting = null;
        resolve(null);
      }, timeoutMs);
      this.waiting = (b) => {
        clearTimeout(t);
        this.waiting = null;
        resolve(b);
      };
    });
    if (this.o.transport === 'udp') {
      const udp = await this.udpSocket();
      udp.send(bytes, this.o.port, this.o.host);
    } else {
      const s = await this.tcpSocket();
      s.write(bytes);
    }
    return answer;
  }

  private deliver(chunk: Buffer): void {
    this.inbox = Buffer.concat([this.inbox, chunk]);
    for (;;) {
      const start = this.inbox.indexOf(0x0a);
      if (start < 0) return;
      let end: number;
      if (this.o.binaryCrc) {
        // <LF><2 CRC bytes><0LLL><body><CR>: by its length (the CRC bytes may be LF or CR).
        if (this.inbox.length - start < 7) return;
        const len = parseInt(this.inbox.subarray(start + 3, start + 7).toString('latin1'), 16);
        end = start + 7 + len;
        if (!Number.isFinite(len) || this.inbox.length <= end) return;
      } else {
        end = this.inbox.indexOf(0x0d, start);
        if (end < 0) return;
      }
      const f = this.inbox.subarray(start, end + 1);
      this.inbox = Buffer.from(this.inbox.subarray(end + 1));
      this.waiting?.(Buffer.from(f));
    }
  }

  private async tcpSocket(): Promise<net.Socket> {
    if (this.socket && !this.socket.destroyed) return this.socket;
    this.inbox = Buffer.alloc(0);
    const s = net.connect(this.o.port, this.o.host);
    s.on('data', (c: Buffer) => this.deliver(c));
    s.on('error', () => undefined);
    s.on('close', () => {
      if (this.socket === s) this.socket = null;
    });
    await new Promise<void>((resolve, reject) => {
      s.once('connect', resolve);
      s.once('error', reject);
    });
    this.socket = s;
    return s;
  }

  private async udpSocket(): Promise<dgram.Socket> {
    if (this.udp) return this.udp;
    const u = dgram.createSocket(net.isIPv6(this.o.host) ? 'udp6' : 'udp4');
    u.on('message', (m) => this.deliver(m));
    await new Promise<void>((resolve) => u.bind(0, resolve));
    this.udp = u;
    return u;
  }

  /** Whether the TCP connection is still open (the receiver closes it on oversized or garbage floods). */
  get connected(): boolean {
    return !!this.socket && !this.socket.destroyed;
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
    this.udp?.close();
    this.udp = null;
  }
}
