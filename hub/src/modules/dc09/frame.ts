/**
 * SIA DC-09 framing: `<LF><crc><0LLL>"<id>"<seq>[R<rcvr>]L<pref>#<acct>[<data>]…[_<timestamp>]<CR>`.
 * Pure functions: split a frame into its header and content, check its CRC and length, read the
 * content (data, extended fields, timestamp) and build the receiver's ACK / NAK / DUH answers.
 */
import { crc16arc, crcHex } from './crc.js';

export const LF = 0x0a;
export const CR = 0x0d;
/** The largest frame the receiver reads (DC-09 messages are a few hundred bytes at most). */
export const MAX_FRAME_BYTES = 2048;

export interface Dc09Header {
  /** The id token without its `*` (e.g. `SIA-DCS`, `ADM-CID`, `NULL`). */
  token: string;
  /** `*` before the token: everything from `[` on is AES-encrypted. */
  encrypted: boolean;
  /** Sequence number, four digits 0000-9999 as sent. */
  seq: string;
  /** Receiver number (hex, 1-6 characters) or null when the frame has no `R` field. */
  receiver: string | null;
  /** Account prefix / line (hex, 1-6 characters). */
  line: string;
  /** Account number (hex, 3-16 characters). */
  account: string;
}

/**
 * How the frame carries its CRC: four hex digits (the standard), or two binary bytes, high byte first
 * (some panels do). The receiver answers in the same form.
 */
export type CrcForm = 'hex' | 'binary';

export type FrameResult =
  | { ok: true; header: Dc09Header; /** everything after the first `[` */ content: string; crcForm: CrcForm }
  | { ok: false; reason: string; header?: Dc09Header; crcForm?: CrcForm };

const LENGTH = /^0[0-9A-Fa-f]{3}$/;
const latin1 = (b: Uint8Array, from: number, to: number) => Buffer.from(b.subarray(from, to)).toString('latin1');

/**
 * The CRC form and the frame's total length (LF … CR) from its first bytes, once enough have arrived:
 * `<LF><4 hex><0LLL>"…` or `<LF><2 bytes><0LLL>"…`; null when neither (or not yet readable).
 */
export function frameShape(b: Uint8Array, at = 0): { crcForm: CrcForm; total: number } | null {
  if (b.length - at < 10 || b[at] !== LF) return null;
  if (/^[0-9A-Fa-f]{4}$/.test(latin1(b, at + 1, at + 5)) && LENGTH.test(latin1(b, at + 5, at + 9)))
    return { crcForm: 'hex', total: 9 + parseInt(latin1(b, at + 5, at + 9), 16) + 1 };
  if (LENGTH.test(latin1(b, at + 3, at + 7)) && b[at + 7] === 0x22)
    return { crcForm: 'binary', total: 7 + parseInt(latin1(b, at + 3, at + 7), 16) + 1 };
  return null;
}

const HEADER = /^"(\*?)([A-Z0-9-]{1,16})"(\d{4})(?:R([0-9A-Fa-f]{1,6}))?L([0-9A-Fa-f]{1,6})#([0-9A-Fa-f]{3,16})\[/;

/** Reads one frame (LF … CR included). Never throws. */
export function parseFrame(frame: Uint8Array): FrameResult {
  if (frame.length > MAX_FRAME_BYTES) return { ok: false, reason: `frame too long (${frame.length} bytes)` };
  if (frame.length < 12 || frame[0] !== LF || frame[frame.length - 1] !== CR)
    return { ok: false, reason: 'not a DC-09 frame (LF … CR)' };
  const shape = frameShape(frame);
  if (!shape) {
    if (!/^[0-9A-Fa-f]{4}$/.test(latin1(frame, 1, 5))) return { ok: false, reason: 'CRC field is not 4 hex digits' };
    return { ok: false, reason: 'length field is not 0LLL' };
  }
  const { crcForm } = shape;
  const bodyAt = crcForm === 'hex' ? 9 : 7;
  const declared = parseInt(latin1(frame, bodyAt - 4, bodyAt), 16);
  const body = frame.subarray(bodyAt, frame.length - 1);
  if (declared !== body.length)
    return { ok: false, reason: `length ${declared} does not match ${body.length} bytes`, crcForm };
  const crcOk =
    crcForm === 'hex'
      ? crcHex(body) === latin1(frame, 1, 5).toUpperCase()
      : crc16arc(body) === ((frame[1]! << 8) | frame[2]!);
  if (!crcOk) return { ok: false, reason: 'CRC mismatch', crcForm };
  const text = Buffer.from(body).toString('latin1');
  // Printable ASCII only: a DC-09 message is text; anything else is line noise or an attack.
  if (/[^\x20-\x7e]/.test(text)) return { ok: false, reason: 'non-printable characters in the message' };
  const m = HEADER.exec(text);
  if (!m) return { ok: false, reason: 'header not understood' };
  const header: Dc09Header = {
    encrypted: m[1] === '*',
    token: m[2]!,
    seq: m[3]!,
    receiver: m[4]?.toUpperCase() ?? null,
    line: m[5]!.toUpperCase(),
    account: m[6]!.toUpperCase(),
  };
  return { ok: true, header, content: text.slice(m[0].length), crcForm };
}

/** Builds a frame around a message body (the part from the opening quote on), its CRC in `crcForm`. */
export function buildFrame(body: string, crcForm: CrcForm = 'hex'): Buffer {
  const bytes = Buffer.from(body, 'latin1');
  const len = Buffer.from(bytes.length.toString(16).toUpperCase().padStart(4, '0'), 'latin1');
  const crc = crc16arc(bytes);
  const crcField = crcForm === 'hex' ? Buffer.from(crcHex(bytes), 'latin1') : Buffer.from([crc >> 8, crc & 0xff]);
  return Buffer.concat([Buffer.from([LF]), crcField, len, bytes, Buffer.from([CR])]);
}

export interface Dc09Content {
  /** The data block (inside the first `[…]`), e.g. `#1234|1101 01 015` or `Nri1/FA129`. */
  data: string;
  /** Extended data blocks `[x…]` (e.g. `[Lx1234]`, `[S123 Main St]`). */
  extended: string[];
  /** The message timestamp as sent (`HH:MM:SS,MM-DD-YYYY`), or null. */
  timestamp: string | null;
}

/** Reads `data][ext]…[ext]_HH:MM:SS,MM-DD-YYYY` (the content after the first `[`). */
export function parseContent(content: string): Dc09Content | null {
  const end = content.indexOf(']');
  if (end < 0) return null;
  const data = content.slice(0, end);
  let rest = content.slice(end + 1);
  const extended: string[] = [];
  while (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return null;
    extended.push(rest.slice(1, close));
    rest = rest.slice(close + 1);
  }
  if (rest === '') return { data, extended, timestamp: null };
  const ts = /^_(\d{2}:\d{2}:\d{2},\d{2}-\d{2}-\d{4})$/.exec(rest);
  if (!ts) return null;
  return { data, extended, timestamp: ts[1]! };
}

/** `HH:MM:SS,MM-DD-YYYY` (UTC, as DC-09 specifies) → epoch ms; null when it is not a real time. */
export function parseTimestamp(ts: string): number | null {
  const m = /^(\d{2}):(\d{2}):(\d{2}),(\d{2})-(\d{2})-(\d{4})$/.exec(ts);
  if (!m) return null;
  const [h, mi, s, mo, d, y] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return ms;
}

/** Epoch ms → `HH:MM:SS,MM-DD-YYYY` in UTC. */
export function formatTimestamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())},${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}-${d.getUTCFullYear()}`;
}

const route = (h: Dc09Header) => `${h.seq}${h.receiver !== null ? `R${h.receiver}` : ''}L${h.line}#${h.account}`;

/** Plain acknowledgement: `"ACK"<seq>[R<rcvr>]L<pref>#<acct>[]`. */
export const ackBody = (h: Dc09Header): string => `"ACK"${route(h)}[]`;

/** Encrypted acknowledgement: `"*ACK"<seq>…#<acct>[<hex of the encrypted "pad|]_timestamp">`. */
export const encryptedAckBody = (h: Dc09Header, encryptedHex: string): string => `"*ACK"${route(h)}[${encryptedHex}`;

/** Negative acknowledgement with the receiver's time, so the panel can correct its clock. */
export const nakBody = (nowMs: number): string => `"NAK"0000R0L0A0[]_${formatTimestamp(nowMs)}`;

/** "Don't understand": a well-formed message the receiver will not process (unknown account, unsupported token). */
export const duhBody = (h: Dc09Header): string => `"DUH"${route(h)}[]`;
