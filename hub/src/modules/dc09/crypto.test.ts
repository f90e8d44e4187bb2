import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptContent, encryptContent } from './crypto.js';
import { KeyVault } from './key-vault.js';
import { mkdtemp, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

describe('DC-09 encryption (AES-CBC, zero IV, pad|)', () => {
  for (const bits of [128, 192, 256]) {
    it(`round-trips with a ${bits}-bit key, in whole blocks, as hex`, () => {
      const key = randomBytes(bits / 8);
      const text = '#1234|1101 01 015]_12:00:00,01-31-2026';
      const hex = encryptContent(key, text);
      expect(hex).toMatch(/^[0-9A-F]+$/);
      expect(hex.length % 32).toBe(0);
      expect(decryptContent(key, hex)).toBe(text);
    });
  }

  it('is AES-CBC with a zero IV over pad + "|" + text, no other padding (known plaintext)', () => {
    const key = Buffer.from('000102030405060708090A0B0C0D0E0F', 'hex');
    const c = createCipheriv('aes-128-cbc', key, Buffer.alloc(16));
    c.setAutoPadding(false);
    const plain = Buffer.from('ABCDEFGHIJ|]_00:00:00,01-01-2026', 'latin1'); // 32 bytes: two blocks
    const expected = Buffer.concat([c.update(plain), c.final()])
      .toString('hex')
      .toUpperCase();
    expect(encryptContent(key, ']_00:00:00,01-01-2026', 'ABCDEFGHIJ')).toBe(expected);
    expect(decryptContent(key, expected)).toBe(']_00:00:00,01-01-2026');
  });

  it('a wrong key, truncated or non-hex data is unreadable, never a crash', () => {
    const key = randomBytes(16);
    const hex = encryptContent(key, '#1234|1101 01 015]_12:00:00,01-31-2026');
    expect(decryptContent(randomBytes(16), hex)).toBeNull();
    expect(decryptContent(key, hex.slice(0, 30))).toBeNull();
    expect(decryptContent(key, 'zz'.repeat(16))).toBeNull();
    expect(decryptContent(key, '')).toBeNull();
  });
});

describe('key vault', () => {
  it('seals keys so the database never holds them in clear; another secret cannot open them', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dc09-vault-'));
    const vault = await KeyVault.open({ dataDir: dir });
    const key = randomBytes(32);
    const sealed = vault.seal(key);
    expect(sealed).not.toContain(key.toString('hex'));
    expect(vault.unseal(sealed)).toEqual(key);
    // The same data directory opens the same secret (restart); the file is private.
    expect((await KeyVault.open({ dataDir: dir })).unseal(sealed)).toEqual(key);
    expect((await stat(path.join(dir, 'dc09-key-secret'))).mode & 0o077).toBe(0);
    expect((await KeyVault.open({ dataDir: dir, secret: 'another secret of the hub' })).unseal(sealed)).toBeNull();
    expect(vault.unseal('v1:garbage')).toBeNull();
  });
});
