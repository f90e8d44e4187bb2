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
import { takeOverDeadPeers } from '../cluster/cluster.js';

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
          onBrokerDropped: (n) => metrics.brokerDropped.set(n),
        },
        d.log.child({ mod: 'mqtt' }),
      );
  d.closing.push(() => mqtt.close());
  if (!broker) await takeOverDeadPeers(config, { ...d, ingest, mqtt, mqttUrl: url });
  return { mqtt, broker, mqttUrl: url };
}
