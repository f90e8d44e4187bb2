/**
 * The source address of an HTTP request, for per-address limits: the TCP peer's address, or — only
 * when that peer is one of TRUSTED_PROXIES — the nearest address in X-Forwarded-For that is not a
 * trusted proxy (the header is written right to left, each proxy appending the address it saw, so
 * anything left of the first untrusted entry may be forged by the client).
 */
import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** An IPv4 or IPv6 address, or a CIDR range such as `10.0.0.0/8` or `fd00::/8`. */
export function isAddressOrRange(s: string): boolean {
  const [addr, bits, ...rest] = s.split('/');
  if (rest.length || !addr) return false;
  const family = isIP(addr);
  if (!family) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/** Lower case, without a port; `::ffff:1.2.3.4` (IPv4 on a dual-stack socket) is `1.2.3.4`. */
export function normalizeAddress(raw: string): string {
  let s = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  const v4port = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(s);
  if (v4port) s = v4port[1]!;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  return mapped ? mapped[1]! : s;
}

const familyOf = (a: string) => (isIP(a) === 6 ? 'ipv6' : 'ipv4');

export function trustList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const e of entries) {
    const [addr, bits] = e.split('/');
    const a = normalizeAddress(addr!);
    if (bits === undefined) list.addAddress(a, familyOf(a));
    else list.addSubnet(a, Number(bits), familyOf(a));
  }
  return list;
}

/** The client's address from the TCP peer and X-Forwarded-For, believing the header only from trusted proxies. */
export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trusted: BlockList | null,
): string {
  let addr = peer ? normalizeAddress(peer) : 'unknown';
  const isTrusted = (a: string) => !!trusted && isIP(a) !== 0 && trusted.check(a, familyOf(a));
  if (!forwardedFor || !isTrusted(addr)) return addr;
  const hops = forwardedFor.split(',').map(normalizeAddress);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isIP(hop)) return addr; // garbage where a proxy's entry should be: stop at the last known hop
    addr = hop;
    if (!isTrusted(hop)) return addr;
  }
  return addr;
}

/**
 * The key a source address is limited by: the address itself for IPv4, its /64 network for IPv6
 * (one subscriber usually holds a whole /64, so single IPv6 addresses cost an attacker nothing).
 */
export function limitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const s = address.split('%')[0]!; // zone id
  const groups = (part: string | undefined) =>
    part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g || '0'])) : [];
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const h = groups(head);
  const t = groups(tail);
  const full = [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
  return `${full
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

function peerAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // not served by @hono/node-server (app.request in a test)
  }
}

/** A resolver of the request's source address for the hub's TRUSTED_PROXIES. */
export function clientAddress(trustedProxies: readonly string[]): (c: Context) => string {
  const trusted = trustedProxies.length ? trustList(trustedProxies) : null;
  return (c) => resolveClientAddress(peerAddress(c), c.req.header('x-forwarded-for'), trusted);
}

/** Whether the request came straight from one of TRUSTED_PROXIES (so its X-Forwarded-* headers count). */
export function fromTrustedProxy(trustedProxies: readonly string[]): (c: Context) => boolean {
  const trusted = trustedProxies.length ? trustList(trustedProxies) : null;
  return (c) => {
    const peer = peerAddress(c);
    if (!trusted || !peer) return false;
    const a = normalizeAddress(peer);
    return isIP(a) !== 0 && trusted.check(a, familyOf(a));
  };
}
