/**
 * DC-09 encryption: AES-CBC (128/192/256-bit key) with an all-zero IV and no block padding; the
 * plaintext (from `[` on, without it) is prefixed with pad characters and `|` so its length is a
 * multiple of 16, and travels as hex. Pure functions.
 */
import { createCipheriv, createDecipheriv, randomInt } from 'node:crypto';

const ZERO_IV = Buffer.alloc(16);
const PAD_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function isValidKeyLength(key: Buffer): boolean {
  return key.length === 16 || key.length === 24 || key.length === 32;
}

const algorithm = (key: Buffer) => {
  if (!isValidKeyLength(key)) throw new Error('DC-09 keys are 128, 192 or 256 bits');
  return `aes-${key.length * 8}-cbc`;
};

/** Encrypts `text` (e.g. `#1234|1101 01 015]_12:00:00,01-31-2026`) → upper-case hex. */
export function encryptContent(key: Buffer, text: string, pad?: string): string {
  const padLength = 16 - ((text.length + 1) % 16); // 1-16 characters
  const p = pad ?? Array.from({ length: padLength }, () => PAD_CHARS[randomInt(PAD_CHARS.length)]).join('');
  const plain = Buffer.from(`${p}|${text}`, 'latin1');
  if (plain.length % 16 !== 0) throw new Error('pad does not fill the block');
  const c = createCipheriv(algorithm(key), key, ZERO_IV);
  c.setAutoPadding(false);
  return Buffer.concat([c.update(plain), c.final()])
    .toString('hex')
    .toUpperCase();
}

/**
 * Decrypts the hex after `[`; returns the text after the pad and `|`, or null when it is not
 * readable (wrong key, truncated, not hex): a wrong key yields bytes that are not printable text.
 */
export function decryptContent(key: Buffer, hex: string): string | null {
  if (hex.length === 0 || hex.length % 32 !== 0 || !/^[0-9A-Fa-f]+$/.test(hex)) return null;
  let plain: Buffer;
  try {
    const d = createDecipheriv(algorithm(key), key, ZERO_IV);
    d.setAutoPadding(false);
    plain = Buffer.concat([d.update(Buffer.from(hex, 'hex')), d.final()]);
  } catch {
    return null;
  }
  const text = plain.toString('latin1');
  if (/[^\x20-\x7e]/.test(text)) return null;
  const bar = text.indexOf('|');
  if (bar < 0) return null;
  return text.slice(bar + 1);
}
