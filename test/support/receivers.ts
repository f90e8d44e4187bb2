/**
 * Real receiving ends on loopback for notification tests: a push service that decrypts what the
 * hub sends (aes128gcm, with the subscriber's own ECDH key pair and auth secret), and a webhook
 * receiver that verifies Standard Webhooks signatures and can be taken down and brought back.
 */
import { createECDH, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ece from 'http_ece';
import { Webhook } from 'standardwebhooks';

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function listen(server: Server, port = 0): Promise<number> {
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

export interface PushMessage {
  path: string;
  payload: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

/** A push service: each subscription is a path; what arrives is decrypted with that subscriber's keys. */
export async function startPushService() {
  const subscribers = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer }>();
  const received: PushMessage[] = [];
  const server = createServer((req, res) => {
    void body(req).then((buf) => {
      const sub = subscribers.get(req.url ?? '');
      if (!sub) {
        res.writeHead(410).end();
        return;
      }
      const plain = ece.decrypt(buf, { version: 'aes128gcm', privateKey: sub.ecdh, authSecret: sub.auth }) as Buffer;
      received.push({ path: req.url!, payload: JSON.parse(plain.toString('utf8')), headers: req.headers });
      res.writeHead(201).end();
    });
  });
  const port = await listen(server);
  return {
    received,
    /** A new subscription (as PushSubscription.toJSON() gives it) for a path. */
    subscribe(path: string) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      subscribers.set(path, { ecdh, auth });
      return {
        endpoint: `http://127.0.0.1:${port}${path}`,
        keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
      };
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export interface WebhookMessage {
  id: string;
  body: Record<string, unknown>;
}

/** A webhook receiver verifying the signature with `secret` (set after the webhook is created). */
export async function startWebhookReceiver() {
  const received: WebhookMessage[] = [];
  const refused: string[] = [];
  let secret: string | null = null;
  let up = true;
  let hanging = false;
  let port = 0;
  const handler = (req: IncomingMessage, res: import('node:http').ServerResponse) => {
    void body(req).then((buf) => {
      if (hanging) return; // never answered: the sender's attempt times out
      if (!up) {
        res.writeHead(503).end('down');
        return;
      }
      try {
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
        const payload = new Webhook(secret!).verify(buf.toString('utf8'), headers) as Record<string, unknown>;
        received.push({ id: headers['webhook-id']!, body: payload });
        res.writeHead(200).end();
      } catch (err) {
        refused.push((err as Error).message);
        res.writeHead(401).end();
      }
    });
  };
  let server = createServer(handler);
  port = await listen(server);
  return {
    received,
    refused,
    get url() {
      return `http://127.0.0.1:${port}/hook`;
    },
    setSecret(s: string) {
      secret = s;
    },
    /** Stops listening (connections refused) until `up()`. */
    async down() {
      up = false;
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
    },
    async up() {
      if (hanging) {
        hanging = false;
        server.closeAllConnections();
        return;
      }
      server = createServer(handler);
      await listen(server, port);
      up = true;
    },
    /** Accepts requests and never answers them (a receiver stuck behind a dead upstream) until `up()`. */
    hang() {
      hanging = true;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
