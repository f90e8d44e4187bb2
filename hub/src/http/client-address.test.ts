/** The source address behind per-address limits: X-Forwarded-For counts only from trusted proxies. */
import { describe, expect, it } from 'vitest';
import { isAddressOrRange, limitKey, normalizeAddress, resolveClientAddress, trustList } from './client-address.js';

describe('resolveClientAddress', () => {
  const proxies = trustList(['10.0.0.0/8', '192.168.1.5', 'fd00::/8']);

  it('is the TCP peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(resolveClientAddress('203.0.113.7', '198.51.100.1', null)).toBe('203.0.113.7');
    expect(resolveClientAddress('::ffff:203.0.113.7', undefined, null)).toBe('203.0.113.7');
    expect(resolveClientAddress(undefined, '198.51.100.1', null)).toBe('unknown');
  });

  it('is the TCP peer when the peer is not a trusted proxy', () => {
    expect(resolveClientAddress('203.0.113.7', '198.51.100.1', proxies)).toBe('203.0.113.7');
  });

  it('behind trusted proxies: the nearest address that is not a trusted proxy', () => {
    expect(resolveClientAddress('10.1.2.3', '198.51.100.1', proxies)).toBe('198.51.100.1');
    // The client forged the left-most entries; the proxies appended the rest.
    expect(resolveClientAddress('10.1.2.3', '1.1.1.1, 2.2.2.2, 198.51.100.1, 192.168.1.5', proxies)).toBe(
      '198.51.100.1',
    );
    expect(resolveClientAddress('::ffff:10.1.2.3', '2001:db8::1, fd00::2', proxies)).toBe('2001:db8::1');
    expect(resolveClientAddress('10.1.2.3', '198.51.100.1:54321', proxies)).toBe('198.51.100.1');
    expect(resolveClientAddress('10.1.2.3', '[2001:db8::1]:443', proxies)).toBe('2001:db8::1');
  });

  it('stops at garbage, and at the last proxy when every hop is trusted', () => {
    expect(resolveClientAddress('10.1.2.3', 'not-an-ip, 10.9.9.9', proxies)).toBe('10.9.9.9');
    expect(resolveClientAddress('10.1.2.3', '10.2.2.2', proxies)).toBe('10.2.2.2');
    expect(resolveClientAddress('10.1.2.3', '', proxies)).toBe('10.1.2.3');
  });
});

describe('limitKey', () => {
  it('is the IPv4 address, and the /64 network of an IPv6 address', () => {
    expect(limitKey('203.0.113.7')).toBe('203.0.113.7');
    expect(limitKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(limitKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(limitKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(limitKey('::1')).toBe('0:0:0:0::/64');
    expect(limitKey('64:ff9b:0:0:0:0:1.2.3.4')).toBe('64:ff9b:0:0::/64');
    expect(limitKey('unknown')).toBe('unknown');
  });
});

describe('addresses in the configuration', () => {
  it('accepts addresses and CIDR ranges only', () => {
    for (const ok of ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', '0.0.0.0/0'])
      expect(isAddressOrRange(ok), ok).toBe(true);
    for (const bad of ['localhost', '10.0.0.0/33', '::/129', '10.0.0.0/8/1', '1.2.3', '10.0.0.0/x', ''])
      expect(isAddressOrRange(bad), bad).toBe(false);
  });

  it('normalizes case, ports and IPv4-mapped IPv6', () => {
    expect(normalizeAddress(' ::FFFF:10.0.0.1 ')).toBe('10.0.0.1');
    expect(normalizeAddress('2001:DB8::1')).toBe('2001:db8::1');
  });
});
