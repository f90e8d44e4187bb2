/**
 * The embedded MQTT broker (Aedes, MQTT 3.1.1). Every device authenticates with its own
 * credentials and may only publish under its own id and read its own commands; anything else is
 * refused and logged.
 *
 * The hub takes device messages in-process, not over a loopback MQTT connection: `onDevicePublish`
 * runs inside Aedes' publish authorization, i.e. before Aedes sends the device its PUBACK, and the
 * acknowledgement waits until the hub is done with the message (an event durably stored, telemetry
 * queued). A device whose messages the hub can't take yet is not read further (back-pressure), and
 * a QoS 1 message the device has not been acknowledged for is resent by the device after a crash.
 * Last wills pass the same path. An internal credential still lets tools connect as the hub.
 */
import net from 'node:net';
import { Aedes, type AuthenticateError } from 'aedes';
import { MAX_CONNECT_BYTES, MAX_PACKET_BYTES, parseTopic, topicFor } from '@eldercare/shared';
import type { Logger } from '../logger.js';
import { handleThenAck, type DeviceMessageHandler } from './handle-then-ack.js';
import { guardPacketSizes, type PacketLimits } from './packet-guard.js';

export interface BrokerAuth {
  /** The hub's own MQTT user (full access to the device topics). */
  hubUser: { username: string; password: string };
  /** Verifies a device's credentials (the username is the device id). */
  verifyDevice(deviceId: string, password: string): Promise<boolean>;
  onRefused?(reason: 'bad_login' | 'foreign_topic' | 'packet_too_large' | 'connect_timeout'): void;
}

/**
 * Per-device publish budget (token bucket): `perSecond` sustained, `burst` at once. A device past
 * it is disconnected (MQTT 3.1.1 has no way to refuse one message) and counted; its QoS 1 messages
 * are resent by the device when it reconnects. The budget is per device id, so reconnecting does
 * not refill it. 0 = no limit.
 */
export interface PublishBudget {
  perSecond: number;
  burst: number;
  onLimited?(deviceId: string): void;
}

export interface EmbeddedBroker {
  port: number;
  /** Publishes from the hub itself (commands to devices); resolves once Aedes has routed it. */
  publish(topic: string, payload: string, qos: 0 | 1): Promise<void>;
  close(): Promise<void>;
}

/** Takes one accepted device message (including a last will); the device's PUBACK waits for it. */
export type DevicePublishHandler = DeviceMessageHandler;

const BAD_USERNAME_OR_PASSWORD = 4;
const NOT_AUTHORIZED = 5;

function authError(code: number, message: string): AuthenticateError {
  return Object.assign(new Error(message), { returnCode: code }) as AuthenticateError;
}

export async function startEmbeddedBroker(
  opts: {
    port: number;
    host: string;
    auth: BrokerAuth;
    budget?: PublishBudget;
    onDevicePublish?: DevicePublishHandler;
    /** Packet-size limits (default: MAX_PACKET_BYTES, MAX_CONNECT_BYTES of the device contract). */
    limits?: PacketLimits;
    /** How long a new connection has to send its CONNECT before it is closed (default 10 s). */
    connectTimeoutMs?: number;
  },
  log: Logger,
): Promise<EmbeddedBroker> {
  const { auth, onDevicePublish } = opts;
  /** Hands a device message to the hub, then lets Aedes acknowledge it; a failing handler never blocks the device. */
  const deliver = (topic: string, payload: Buffer, done: (err: Error | null) => void): void => {
    if (!onDevicePublish) return done(null);
    handleThenAck(onDevicePublish, topic, payload, log, () => done(null));
  };
  const users = new WeakMap<object, string>(); // client -> username
  const isHub = (client: object | null) => client !== null && users.get(client) === auth.hubUser.username;
  const budget = opts.budget && opts.budget.perSecond > 0 ? opts.budget : null;
  const buckets = new Map<string, { tokens: number; at: number }>();
  /** Takes one message from the device's budget; false when it is spent. */
  const withinBudget = (deviceId: string): boolean => {
    if (!budget) return true;
    const now = performance.now();
    const b = buckets.get(deviceId) ?? { tokens: budget.burst, at: now };
    b.tokens = Math.min(budget.burst, b.tokens + ((now - b.at) / 1000) * budget.perSecond);
    b.at = now;
    buckets.set(deviceId, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  };
  // Forget idle devices' buckets now and then (a full bucket is the default anyway).
  const sweep = setInterval(() => {
    const now = performance.now();
    for (const [id, b] of buckets) if (now - b.at > 60_000) buckets.delete(id);
  }, 60_000);
  sweep.unref();

  const limits = opts.limits ?? { maxPacketBytes: MAX_PACKET_BYTES, maxConnectBytes: MAX_CONNECT_BYTES };

  const broker = await Aedes.createBroker({
    id: 'eldercare-embedded',
    connectTimeout: opts.connectTimeoutMs ?? 10_000,
    authenticate(client, username, password, done) {
      const pass = password ? password.toString() : '';
      const user = username ?? '';
      if (user === auth.hubUser.username) {
        if (pass === auth.hubUser.password) {
          users.set(client, user);
          return done(null, true);
        }
      } else if (user && client.id === user) {
        auth.verifyDevice(user, pass).then(
          (ok) => {
            if (ok) {
              users.set(client, user);
              return done(null, true);
            }
            log.warn({ deviceId: user }, 'mqtt login refused: bad credentials');
            auth.onRefused?.('bad_login');
            done(authError(BAD_USERNAME_OR_PASSWORD, 'bad credentials'), false);
          },
          (err: Error) => {
            log.error({ err }, 'mqtt login check failed');
            done(authError(NOT_AUTHORIZED, 'login check failed'), false);
          },
        );
        return;
      }
      log.warn({ deviceId: user.slice(0, 64), clientId: client.id?.slice(0, 64) }, 'mqtt login refused');
      auth.onRefused?.('bad_login');
      done(authError(user ? BAD_USERNAME_OR_PASSWORD : NOT_AUTHORIZED, 'bad credentials'), false);
    },
    authorizePublish(client, packet, done) {
      if (isHub(client)) return done(null);
      const username = client ? users.get(client) : undefined;
      const t = parseTopic(packet.topic);
      if (username && t && t.deviceId === username) {
        if (withinBudget(username)) return deliver(packet.topic, packet.payload as Buffer, done);
        log.warn({ deviceId: username }, 'mqtt publish budget exceeded: device disconnected');
        budget!.onLimited?.(username);
        return done(new Error('publish rate limit exceeded'));
      }
      log.warn({ deviceId: username, topic: packet.topic.slice(0, 200) }, 'mqtt publish refused: foreign topic');
      auth.onRefused?.('foreign_topic');
      done(new Error('not authorized to publish here'));
    },
    authorizeSubscribe(client, sub, done) {
      if (isHub(client)) return done(null, sub);
      const username = client ? users.get(client) : undefined;
      if (username && sub.topic === topicFor(username, 'commands')) return done(null, sub);
      log.warn({ deviceId: username, topic: sub.topic.slice(0, 200) }, 'mqtt subscribe refused: foreign topic');
      auth.onRefused?.('foreign_topic');
      done(new Error('not authorized to subscribe here'));
    },
  });
  broker.on('clientError', (client, err) => log.debug({ clientId: client?.id, err }, 'mqtt client error'));
  // Errors of connections that have not sent a CONNECT yet (no client id).
  broker.on('connectionError', (_client, err) => {
    if (err.message === 'connect did not arrive in time') auth.onRefused?.('connect_timeout');
    log.debug({ err }, 'mqtt connection error');
  });

  const server = net.createServer((socket) => {
    coalesceWrites(socket);
    const client = broker.handle(socket);
    try {
      guardPacketSizes(client as unknown as Parameters<typeof guardPacketSizes>[0], limits, (reason, declared) => {
        log.warn({ reason, declaredBytes: declared }, 'mqtt connection closed: packet over the size limit');
        auth.onRefused?.('packet_too_large');
      });
    } catch (err) {
      // Never serve a connection without the limits.
      log.error({ err }, 'mqtt connection closed: packet-size limits not installed');
      socket.destroy();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  log.info({ port }, 'embedded MQTT broker listening');
  return {
    port,
    publish: (topic, payload, qos) =>
      new Promise<void>((resolve, reject) =>
        broker.publish(
          { cmd: 'publish', topic, payload: Buffer.from(payload), qos, retain: false, dup: false },
          (err) => (err ? reject(err) : resolve()),
        ),
      ),
    async close() {
      clearInterval(sweep);
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Holds a connection's writes while the hub handles what arrived on it, and sends them together
 * once the event loop has handled that input: when a device's messages arrive faster than the hub
 * handles them (several in one read), their PUBACKs leave in one write instead of one each — each
 * write is a syscall that, on loopback, also runs the receiver's network stack. Nothing waits
 * longer than the current turn of the event loop.
 */
function coalesceWrites(socket: net.Socket): void {
  let held = false;
  // Registered before Aedes' own 'readable' listener, so the hold starts before it reads.
  socket.on('readable', () => {
    if (held) return;
    held = true;
    socket.cork();
    setImmediate(() => {
      held = false;
      socket.uncork();
    });
  });
}
