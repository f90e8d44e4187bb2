/**
 * The "broker alone" reference of the benchmark (forked by run.ts), taking messages exactly the way
 * the hub does but only counting them. On an external broker: a subscriber like the hub's (mqtt.js,
 * QoS 1, MQTT 5 shared subscription, acknowledged message by message). In embedded mode: a
 * standalone Aedes built by the hub's own startEmbeddedBroker (device logins accepted without a
 * registry) whose in-process device-message handler counts, as the hub's hands them to ingest.
 */
import mqtt from 'mqtt';
import { startEmbeddedBroker, type EmbeddedBroker } from '../../hub/src/mqtt/broker.js';
import { createLogger } from '../../hub/src/logger.js';

export type ToSink =
  { type: 'start'; url?: string; topic: string; sharedGroup?: string } | { type: 'count' } | { type: 'stop' };
export type FromSink =
  | { type: 'ready'; port: number | null }
  | { type: 'count'; received: number; at: number }
  | { type: 'error'; message: string };

const send = (m: FromSink) => process.send?.(m);
let broker: EmbeddedBroker | null = null;
let client: mqtt.MqttClient | null = null;
let received = 0;

async function start(m: Extract<ToSink, { type: 'start' }>): Promise<void> {
  const password = 'bench-sink-password';
  const url = m.url;
  if (!url) {
    broker = await startEmbeddedBroker(
      {
        port: 0,
        host: '127.0.0.1',
        auth: { hubUser: { username: 'hub', password }, verifyDevice: async () => true },
        onDevicePublish: () => {
          received++;
        },
      },
      createLogger('warn'),
    );
    send({ type: 'ready', port: broker.port });
    return;
  }
  client = mqtt.connect(url, { clientId: `bench-sink-${process.pid}`, protocolVersion: 5, clean: true });
  client.handleMessage = (_packet, done) => {
    received++;
    done();
  };
  await new Promise<void>((resolve, reject) => {
    client!.once('connect', () => resolve());
    client!.once('error', reject);
  });
  const topic = m.sharedGroup ? `$share/${m.sharedGroup}/${m.topic}` : m.topic;
  await client.subscribeAsync(topic, { qos: 1 });
  send({ type: 'ready', port: null });
}

process.on('message', (m: ToSink) => {
  switch (m.type) {
    case 'start':
      start(m).catch((err: Error) => send({ type: 'error', message: err.message }));
      break;
    case 'count':
      send({ type: 'count', received, at: performance.now() });
      break;
    case 'stop':
      void (async () => {
        await client?.endAsync().catch(() => {});
        await broker?.close().catch(() => {});
        process.exit(0);
      })();
      break;
  }
});
process.on('disconnect', () => process.exit(0));
