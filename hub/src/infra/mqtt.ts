/**
 * MQTT as infrastructure: the embedded broker (when MQTT_URL is unset) handing device messages to
 * ingest in-process, or the hub's persistent session to an external broker; with an external broker
 * also the heartbeat that takes over the session of a hub that died (cluster/). Device messages go
 * to `ingest.handle`; alarms ahead of telemetry on the embedded database's single session.
 */
import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { Scheduler } from '../scheduler.js';
import type { Database } from '../db/client.js';
import type { PriorityGate } from '../db/priority-gate.js';
import type { DeviceRegistry } from '../modules/devices/device-registry.js';
import type { IngestService } from '../ingest/ingest.service.js';
import type { CloseStack } from './close-stack.js';
import { startEmbeddedBroker, type EmbeddedBroker } from '../mqtt/broker.js';
import { connectHubMqtt, embeddedHubMqtt, type HubMqtt } from '../mqtt/hub-client.js';
import { verifyDeviceSecret } from '../mqtt/credentials.js';
import { HubInstancesRepo } from '../cluster/hub-instances.repo.js';
import { PeerTakeover } from '../cluster/peer-takeover.js';

export const HUB_MQTT_USER = 'hub';

export interface MqttInfra {
  mqtt: HubMqtt;
  /** The embedded broker; null with MQTT_URL. */
  broker: EmbeddedBroker | null;
  mqttUrl: string;
}

export async function startMqtt(
  config: Config,
  d: {
    log: Logger;
    clock: Clock;
    metrics: Metrics;
    scheduler: Scheduler;
    closing: CloseStack;
    database: Database;
    registry: DeviceRegistry;
    ingest: IngestService;
    priority: PriorityGate;
  },
): Promise<MqttInfra> {
  const { ingest, metrics } = d;
  let broker: EmbeddedBroker | null = null;
  let mqttUrl = config.MQTT_URL;
  if (!mqttUrl) {
    const hubPassword = config.MQTT_PASSWORD ?? randomBytes(24).toString('base64url');
    const b = await startEmbeddedBroker(
      {
        port: config.MQTT_PORT,
        host: config.MQTT_HOST,
        auth: {
          hubUser: { username: HUB_MQTT_USER, password: hubPassword },
          verifyDevice: async (id, password) => {
            const device = await d.registry.get(id);
            return !!device && verifyDeviceSecret(password, device.secretHash);
          },
          onRefused: (reason) => metrics.mqttRefused.inc({ reason }),
        },
        // The device's PUBACK waits for this: an event is stored and its alert raised first.
        onDevicePublish: (topic, payload) =>
          topic.endsWith('/events')
            ? d.priority.urgent(() => ingest.handle(topic, payload))
            : ingest.handle(topic, payload),
        budget: {
          perSecond: config.MQTT_DEVICE_RATE,
          burst: config.MQTT_DEVICE_BURST,
          onLimited: () => metrics.mqttRateLimited.inc(),
        },
        connectTimeoutMs: config.MQTT_CONNECT_TIMEOUT_SECONDS * 1000,
      },
      d.log.child({ mod: 'broker' }),
    );
    broker = b;
    d.closing.push(() => b.close());
    mqttUrl = `mqtt://127.0.0.1:${b.port}`;
  }
  let mqttUp = false;
  const onConnectionChange = (up: boolean) => {
    if (mqttUp && !up) metrics.mqttDisconnects.inc();
    mqttUp = up;
    metrics.mqttConnected.set(up ? 1 : 0);
  };
  const url = mqttUrl;
  // The embedded broker hands device messages to ingest in-process (see broker.ts); an external
  // broker is read over the hub's own persistent MQTT session.
  const mqtt: HubMqtt = broker
    ? embeddedHubMqtt(broker, onConnectionChange)
    : await connectHubMqtt(
        {
          url,
          clientId: config.HUB_ID,
          username: config.MQTT_USERNAME,
          password: config.MQTT_PASSWORD,
          protocolVersion: 5,
          sharedGroup: config.MQTT_SHARED_GROUP,
          onMessage: (topic, payload) => ingest.handle(topic, payload),
          onConnectionChange,
        },
        d.log.child({ mod: 'mqtt' }),
      );
  d.closing.push(() => mqtt.close());
  if (!broker) await takeOverDeadPeers(config, { ...d, mqtt, mqttUrl: url });
  return { mqtt, broker, mqttUrl: url };
}

/** Several hubs: take over the MQTT session of a hub that died (cluster/). */
async function takeOverDeadPeers(
  config: Config,
  d: Parameters<typeof startMqtt>[1] & { mqtt: HubMqtt; mqttUrl: string },
): Promise<void> {
  const hubs = new HubInstancesRepo(d.database.db);
  const peerLog = d.log.child({ mod: 'peers' });
  const peers = new PeerTakeover(
    {
      hubId: config.HUB_ID,
      repo: hubs,
      clock: d.clock,
      staleAfterMs: config.HUB_PEER_TIMEOUT_MS,
      openSession: (peerId, onEnd) =>
        connectHubMqtt(
          {
            url: d.mqttUrl,
            clientId: peerId,
            username: config.MQTT_USERNAME,
            password: config.MQTT_PASSWORD,
            protocolVersion: 5,
            sharedGroup: config.MQTT_SHARED_GROUP,
            reconnect: false,
            onMessage: (topic, payload) => d.ingest.handle(topic, payload),
            onConnectionChange: (up) => {
              if (!up) onEnd();
            },
          },
          peerLog,
        ),
      onTakeover: () => d.metrics.peerTakeovers.inc(),
    },
    peerLog,
  );
  await peers.tick().catch((err: Error) => peerLog.warn({ err }, 'first hub heartbeat failed'));
  // On SIGTERM with other hubs alive, leave the shared subscription so nothing more is queued for
  // this hub, and leave the registry; alone, keep both so the broker queues for the restart.
  d.closing.push(async () => {
    await peers.close();
    const alive = await hubs
      .livePeers(config.HUB_ID, new Date(d.clock.now() - config.HUB_PEER_TIMEOUT_MS))
      .catch(() => 0);
    if (alive === 0) return;
    await d.mqtt.unsubscribe().catch((err: Error) => peerLog.warn({ err }, 'leaving the subscription failed'));
    await hubs.remove(config.HUB_ID).catch(() => {});
    peerLog.info({ peers: alive }, 'left the shared subscription to the other hubs');
  });
  d.scheduler.every(Math.max(200, Math.floor(config.HUB_PEER_TIMEOUT_MS / 5)), 'hub-heartbeat', async () => {
    await peers.tick();
    d.metrics.peerSessionsHeld.set(peers.holding.length);
  });
}
