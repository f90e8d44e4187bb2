/**
 * The families' phones: a Web Push service on loopback. Each family member subscribes with her own
 * ECDH key pair and auth secret (as a browser's PushManager does); what the hub sends is decrypted
 * here (RFC 8291 / RFC 8188 `aes128gcm`), so the report sees exactly what reached each phone.
 */
import { createDecipheriv, createECDH, hkdfSync, randomBytes, type ECDH } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PushReceived {
  /** Who the subscription belongs to (the path it was registered under). */
  who: string;
  payload: { purpose: string; alertId: string | null; kind: string | null; tag: string; title: string };
  /** Simulated time of receipt. */
  at: number;
}

const hkdf = (salt: Buffer, ikm: Buffer, info: Buffer, len: number) =>
  Buffer.from(hkdfSync('sha256', ikm, salt, info, len));

/** Decrypts one aes128gcm Web Push body for the subscriber's key pair and auth secret. */
export function decryptPush(body: Buffer, ecdh: ECDH, authSecret: Buffer): Buffer {
  const salt = body.subarray(0, 16);
  const idLen = body.readUInt8(20);
  const serverKey = body.subarray(21, 21 + idLen);
  const data = body.subarray(21 + idLen);
  const shared = ecdh.computeSecret(serverKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), serverKey]);
  const ikm = hkdf(authSecret, shared, keyInfo, 32);
  const cek = hkdf(salt, ikm, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const nonce = hkdf(salt, ikm, Buffer.from('Content-Encoding: nonce\0'), 12);
  const d = createDecipheriv('aes-128-gcm', cek, nonce);
  d.setAuthTag(data.subarray(data.length - 16));
  const plain = Buffer.concat([d.update(data.subarray(0, data.length - 16)), d.final()]);
  // One record: the content, then the 0x02 delimiter, then zero padding.
  let end = plain.length - 1;
  while (end >= 0 && plain[end] === 0) end--;
  if (plain[end] !== 2) throw new Error('push record without its delimiter');
  return plain.subarray(0, end);
}

export async function startPushService(now: () => number) {
  const subscribers = new Map<string, { ecdh: ECDH; auth: Buffer; who: string }>();
  const received: PushReceived[] = [];
  const refused: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const sub = subscribers.get(req.url ?? '');
      if (!sub) return void res.writeHead(410).end();
      try {
        const payload = JSON.parse(decryptPush(Buffer.concat(chunks), sub.ecdh, sub.auth).toString('utf8'));
        received.push({ who: sub.who, payload, at: now() });
        res.writeHead(201).end();
      } catch (err) {
        refused.push((err as Error).message);
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    received,
    refused,
    /** A new subscription for `who`, as `PushSubscription.toJSON()` gives it. */
    subscribe(who: string) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const p = `/push/${subscribers.size + 1}`;
      subscribers.set(p, { ecdh, auth, who });
      return {
        endpoint: `http://127.0.0.1:${port}${p}`,
        keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
      };
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
