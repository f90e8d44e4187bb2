/**
 * The hub's own MQTT connection (the only module that imports `mqtt`). Persistent sessions (one for
 * alarms, one for telemetry) and QoS 1 so nothing published while the hub restarts is lost; with MQTT 5 a shared subscription lets
 * several hubs split the device load. Each message is acknowledged to the broker only after the
 * ingest handler is done with it, which gives back-pressure and durable events.
 */
import mqtt, { type ISubscriptionMap, type MqttClient } from 'mqtt';
import { TOPIC_PREFIX, type DeviceCommand, topicFor } from '@eldercare/shared';
import type { Logger } from '../logger.js';
import { handleThenAck } from './handle-then-ack.js';
import type { EmbeddedBroker } from './broker.js';

export interface HubMqttOptions {
  url: string;
  clientId: string;
  username?: string;
  password?: string;
  protocolVersion: 4 | 5;
  /** MQTT 5 shared-subscription group; empty for a plain subscription. */
  sharedGroup: string;
  onMessage(topic: string, payload: Buffer): void | Promise<void>;
  onConnectionChange?(connected: boolean): void;
  /**
   * The broker's count of messages it dropped since it started because a subscriber's queue
   * (max_queued_messages) or in-flight window was full — the telemetry it shed. Read from
   * Mosquitto's `$SYS/broker/publish/messages/dropped`, updated every `sys_interval`.
   */
  onBrokerDropped?(count: number): void;
  /** false: one connection, never re-established (a peer's session taken over: see cluster/). */
  reconnect?: boolean;
}

export interface HubMqtt {
  publishCommand(deviceId: string, command: DeviceCommand): Promise<void>;
  readonly connected: boolean;
  /**
   * Leaves the shared subscription (the broker then routes the device load to the other hubs only)
   * and waits, at most `timeoutMs`, until the messages already delivered are handled.
   */
  unsubscribe(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Alarms (device events) come over a session of their own; telemetry and status over the other. */
export const ALARM_SUBSCRIPTIONS = [`${TOPIC_PREFIX}/+/events`];
export const TELEMETRY_SUBSCRIPTIONS = ['telemetry', 'status'].map((k) => `${TOPIC_PREFIX}/+/${k}`);
/** Mosquitto's count of messages dropped at full subscriber queues (the hub's ACL lets it read it). */
export const BROKER_DROPPED_TOPIC = '$SYS/broker/publish/messages/dropped';
/** Suffix of the client id of the hub's alarm session. */
export const ALARM_CLIENT_SUFFIX = '-alarms';

interface Session {
  client: MqttClient;
  /** `$share/<group>/` or '' (plain). */
  prefix: string;
  readonly inflight: number;
  topics: string[];
}

/**
 * One persistent session subscribed to `topics`: each message acknowledged only after the ingest
 * handler is done with it.
 */
function openSession(
  o: HubMqttOptions,
  clientId: string,
  topics: string[],
  shared: string,
  log: Logger,
  notTopics: string[] = [],
  sysTopics: string[] = [],
): Session {
  const client: MqttClient = mqtt.connect(o.url, {
    clientId,
    username: o.username,
    password: o.password,
    protocolVersion: o.protocolVersion,
    clean: false,
    reconnectPeriod: o.reconnect === false ? 0 : 1000,
    connectTimeout: 10_000,
    resubscribe: true,
    ...(o.protocolVersion === 5 ? { properties: { sessionExpiryInterval: 24 * 3600 } } : {}),
  });
  let inflight = 0;
  let corked = false;
  // Hot path: no closures created per message (tsx/esbuild would name each one), and the PUBACKs of
  // a burst leave in one write: the socket stays corked until the event loop has handled the burst.
  const acked = (ack: () => void): void => {
    inflight--;
    ack();
  };
  const uncork = (stream: { uncork(): void }): void => {
    corked = false;
    stream.uncork();
  };
  client.handleMessage = (packet, ack) => {
    if (packet.topic.startsWith('$SYS/')) {
      const n = Number(String(packet.payload));
      if (packet.topic === BROKER_DROPPED_TOPIC && Number.isFinite(n)) o.onBrokerDropped?.(n);
      ack();
      return;
    }
    inflight++;
    const stream = client.stream as { cork?(): void; uncork(): void } | undefined;
    if (!corked && stream?.cork) {
      corked = true;
      stream.cork();
      setImmediate(uncork, stream);
    }
    handleThenAck(o.onMessage, packet.topic, packet.payload as Buffer, log, acked.bind(null, ack));
  };
  client.on('connect', (connack) => {
    log.info({ clientId, sessionPresent: connack.sessionPresent }, 'hub connected to MQTT broker');
    // Subscribe on every connect: a broker that lost the session (restart without persistence) needs
    // it, and so does Mosquitto 2.0 restoring a persisted session WITHOUT its shared subscriptions
    // (sessionPresent true, nothing delivered). `resubscribe: true` makes mqtt.js send the SUBSCRIBE
    // even for topics it believes are subscribed already; subscribing again is harmless.
    // A session persisted by an older hub still holds topics it no longer takes (one session for
    // everything; a shared alarm subscription): leave them, or such messages would come twice.
    if (notTopics.length)
      client.unsubscribe(notTopics, (err) => err && log.warn({ err, clientId }, 'mqtt unsubscribe failed'));
    const subs: Record<string, { qos: 0 | 1 }> = Object.fromEntries(
      topics.map((t) => [shared + t, { qos: 1 as const }]),
    );
    for (const t of sysTopics) subs[t] = { qos: 0 };
    client.subscribe(Object.assign(subs, { resubscribe: true }) as ISubscriptionMap, (err, granted) => {
      if (err) log.error({ err, clientId }, 'mqtt subscribe failed');
      else if (granted?.some((g) => g.qos > 2)) log.error({ granted, clientId }, 'mqtt subscription refused by broker');
    });
  });
  client.on('error', (err) => log.warn({ err, clientId }, 'mqtt connection error'));
  client.on('offline', () => log.warn({ clientId }, 'hub offline from MQTT broker; reconnecting'));
  return {
    client,
    topics,
    prefix: shared,
    get inflight() {
      return inflight;
    },
  };
}

/**
 * The hub's connection to an external broker: two persistent sessions, one for alarms (device
 * events) and one for telemetry and status, each with its own subscription — so its own queue and
 * in-flight window at the broker. A telemetry backlog (the broker's queue for the hub full, or its
 * in-flight window taken) can then neither drop nor delay an alarm.
 */
export async function connectHubMqtt(o: HubMqttOptions, log: Logger): Promise<HubMqtt> {
  const shared = o.protocolVersion === 5 && o.sharedGroup ? `$share/${o.sharedGroup}/` : '';
  const sessions = [
    // Alarms: a plain subscription even with several hubs, so every hub receives every alarm and
    // stores it exactly once by its eventId (the others find it stored). Mosquitto 2.0 restores a
    // persisted session without its shared subscriptions: after a broker restart, an SOS a device
    // sent before the hubs had subscribed again went to no one. A plain persistent subscription is
    // restored, and the SOS waits in the session's queue.
    openSession(
      o,
      o.clientId + ALARM_CLIENT_SUFFIX,
      ALARM_SUBSCRIPTIONS,
      '',
      log,
      shared ? ALARM_SUBSCRIPTIONS.map((t) => shared + t) : [],
    ),
    openSession(
      o,
      o.clientId,
      TELEMETRY_SUBSCRIPTIONS,
      shared,
      log,
      ALARM_SUBSCRIPTIONS.map((t) => shared + t),
      [BROKER_DROPPED_TOPIC],
    ),
  ];
  const connected = () => sessions.every((s) => s.client.connected);
  let up = false;
  const changed = () => {
    if (connected() === up) return;
    up = !up;
    o.onConnectionChange?.(up);
  };
  for (const s of sessions) {
    s.client.on('connect', changed);
    s.client.on('close', changed);
  }

  try {
    await Promise.all(
      sessions.map(
        (s) =>
          new Promise<void>((resolve, reject) => {
            const t = setTimeout(() => reject(new Error(`could not connect to MQTT broker at ${o.url}`)), 15_000);
            s.client.once('connect', () => {
              clearTimeout(t);
              resolve();
            });
          }),
      ),
    );
  } catch (err) {
    for (const s of sessions) s.client.end(true);
    throw err;
  }
  const telemetry = sessions[1]!.client;

  return {
    get connected() {
      return connected();
    },
    publishCommand: (deviceId, command) =>
      telemetry.publishAsync(topicFor(deviceId, 'commands'), JSON.stringify(command), { qos: 1 }).then(() => undefined),
    async unsubscribe(timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      await Promise.all(sessions.map((s) => s.client.unsubscribeAsync(s.topics.map((t) => s.prefix + t))));
      while (sessions.some((s) => s.inflight > 0) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    },
    close: async () => {
      await Promise.all(sessions.map((s) => s.client.endAsync()));
    },
  };
}

/** The hub's side of the embedded broker: in the same process, so always connected. */
export function embeddedHubMqtt(broker: EmbeddedBroker, onConnectionChange?: (connected: boolean) => void): HubMqtt {
  onConnectionChange?.(true);
  return {
    connected: true,
    unsubscribe: async () => {},
    publishCommand: (deviceId, command) => broker.publish(topicFor(deviceId, 'commands'), JSON.stringify(command), 1),
    close: async () => onConnectionChange?.(false),
  };
}
