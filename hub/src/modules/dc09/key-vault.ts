/**
 * DC-09 AES keys at rest. Unlike MQTT passwords (stored only as hashes), the receiver needs the key
 * itself to decrypt, so it is sealed with AES-256-GCM under the hub's DC-09 key secret:
 * DC09_KEY_SECRET when set (required when several hubs share a database), otherwise a random
 * secret created once in the data directory (file mode 0600). Keys are never returned by the API.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const KEY_SECRET_FILE = 'dc09-key-secret';

export class KeyVault {
  private constructor(private readonly secret: Buffer) {}

  /** From a configured secret (any string; hashed to 256 bits) or the data directory's secret file. */
  static async open(opts: { secret?: string; dataDir: string }): Promise<KeyVault> {
    if (opts.secret) {
      const { createHash } = await import('node:crypto');
      return new KeyVault(createHash('sha256').update(opts.secret, 'utf8').digest());
    }
    const file = path.join(opts.dataDir, KEY_SECRET_FILE);
    try {
      const s = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
      if (s.length === 32) return new KeyVault(s);
      throw new Error(`${file} does not hold a 256-bit secret`);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const s = randomBytes(32);
    await writeFile(file, s.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    return new KeyVault(s);
  }

  seal(key: Buffer): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.secret, iv);
    const ct = Buffer.concat([c.update(key), c.final()]);
    return `v1:${Buffer.concat([iv, c.getAuthTag(), ct]).toString('base64')}`;
  }

  /** The key, or null when it was sealed under another secret (or damaged). */
  unseal(sealed: string): Buffer | null {
    if (!sealed.startsWith('v1:')) return null;
    const raw = Buffer.from(sealed.slice(3), 'base64');
    if (raw.length < 12 + 16 + 16) return null;
    try {
      const d = createDecipheriv('aes-256-gcm', this.secret, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]);
    } catch {
      return null;
    }
  }
}
