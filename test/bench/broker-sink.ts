/**
 * The "broker alone" reference of the benchmark (forked by run.ts): a subscriber exactly like the
 * hub's (mqtt.js, QoS 1, MQTT 5 shared subscription on an external broker, acknowledged message by
 * message) that only counts what it receives. In embedded mode the process also runs a standalone
 * Aedes built by the hub's own startEmbeddedBroker (device logins accepted without a registry), so
 * broker and subscriber share one process as they do in the hub.
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
  let url = m.url;
  const password = 'bench-sink-password';
  if (!url) {
    broker = await startEmbeddedBroker(
      {
        port: 0,
        host: '127.0.0.1',
        auth: { hubUser: { username: 'hub', password }, verifyDevice: async () => true },
      },
      createLogger('warn'),
    );
    url = `mqtt://127.0.0.1:${broker.port}`;
  }
  const v5 = !!m.url;
  client = mqtt.connect(url, {
    clientId: `bench-sink-${process.pid}`,
    protocolVersion: v5 ? 5 : 4,
    clean: true,
    ...(broker ? { username: 'hub', password } : {}),
  });
  client.handleMessage = (_packet, done) => {
    received++;
    done();
  };
  await new Promise<void>((resolve, reject) => {
    client!.once('connect', () => resolve());
    client!.once('error', reject);
  });
  const topic = v5 && m.sharedGroup ? `$share/${m.sharedGroup}/${m.topic}` : m.topic;
  await client.subscribeAsync(topic, { qos: 1 });
  send({ type: 'ready', port: broker?.port ?? null });
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
