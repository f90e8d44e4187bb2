/** Device credentials: Mosquitto-compatible $7$ hashes, and the exported password file and ACL. */
import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateDeviceSecret,
  hashDeviceSecret,
  mosquittoAclFile,
  mosquittoPasswordFile,
  verifyDeviceSecret,
} from './credentials.js';

describe('device secrets', () => {
  it('generates distinct secrets of at least 128 bits', () => {
    const a = generateDeviceSecret();
    const b = generateDeviceSecret();
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("hashes in Mosquitto's $7$ format: $7$iterations$base64 salt$base64 sha512 key", () => {
    const h = hashDeviceSecret('s3cret');
    const m = /^\$7\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(h);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBe(101);
    expect(Buffer.from(m![2]!, 'base64').length).toBe(12);
    expect(Buffer.from(m![3]!, 'base64').length).toBe(64);
    // Independently recomputed: PBKDF2-HMAC-SHA512 over the password with that salt.
    const key = pbkdf2Sync('s3cret', Buffer.from(m![2]!, 'base64'), 101, 64, 'sha512');
    expect(key.toString('base64')).toBe(m![3]);
  });

  it('is deterministic for a given salt and iteration count, salted otherwise', () => {
    const salt = Buffer.from('0123456789ab');
    expect(hashDeviceSecret('pw', salt, 1000)).toBe(hashDeviceSecret('pw', salt, 1000));
    expect(hashDeviceSecret('pw', salt, 1000)).toMatch(/^\$7\$1000\$MDEyMzQ1Njc4OWFi\$/);
    expect(hashDeviceSecret('pw')).not.toBe(hashDeviceSecret('pw'));
  });

  it('verifies the right secret and refuses a wrong one', () => {
    const secret = generateDeviceSecret();
    const h = hashDeviceSecret(secret);
    expect(verifyDeviceSecret(secret, h)).toBe(true);
    expect(verifyDeviceSecret(secret + 'x', h)).toBe(false);
    expect(verifyDeviceSecret('', h)).toBe(false);
    expect(verifyDeviceSecret(secret, hashDeviceSecret(secret, undefined, 5000))).toBe(true);
  });

  it('refuses malformed or foreign hashes without throwing', () => {
    for (const bad of [
      '',
      'plain',
      '$6$abc$def',
      '$7$101$salt',
      '$7$0$c2FsdA==$a2V5',
      '$7$abc$c2FsdA==$a2V5',
      '$7$99999999$c2FsdA==$a2V5',
      '$7$101$c2FsdA==$',
    ]) {
      expect(verifyDeviceSecret('pw', bad), bad).toBe(false);
    }
  });
});

describe('mosquitto export', () => {
  it('writes one user:hash line per device', () => {
    const file = mosquittoPasswordFile([
      { id: 'watch-1', secretHash: '$7$101$a$b' },
      { id: 'pendant-2', secretHash: '$7$101$c$d' },
    ]);
    expect(file).toBe('watch-1:$7$101$a$b\npendant-2:$7$101$c$d\n');
    expect(mosquittoPasswordFile([])).toBe('');
  });

  it("ACL: the hub reads and writes every device topic and reads the broker's drop count; devices only their own topics", () => {
    const acl = mosquittoAclFile('hub');
    const lines = acl.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines).toEqual([
      'user hub',
      'topic readwrite eldercare/v1/devices/#',
      'topic read $SYS/broker/publish/messages/dropped',
      'pattern write eldercare/v1/devices/%u/telemetry',
      'pattern write eldercare/v1/devices/%u/events',
      'pattern write eldercare/v1/devices/%u/status',
      'pattern read eldercare/v1/devices/%u/commands',
    ]);
    expect(mosquittoAclFile('central')).toContain('user central\n');
  });
});
