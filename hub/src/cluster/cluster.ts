/**
 * Several hubs on one external broker: each heartbeats in the database, and takes over the MQTT
 * session of a hub that died (peer-takeover.ts), so its queued device messages are not stranded.
 */
import type { Config } from '../config.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { Scheduler } from '../scheduler.js';
import type { Database } from '../db/client.js';
import type { CloseStack } from '../infra/close-stack.js';
import type { IngestService } from '../ingest/ingest.service.js';
import { connectHubMqtt, type HubMqtt } from '../mqtt/hub-client.js';
import { HubInstancesRepo } from './hub-instances.repo.js';
import { PeerTakeover } from './peer-takeover.js';

/** Several hubs: take over the MQTT session of a hub that died (cluster/). */
export async function takeOverDeadPeers(
  config: Config,
  d: {
    log: Logger;
    clock: Clock;
    metrics: Metrics;
    scheduler: Scheduler;
    closing: CloseStack;
    database: Database;
    ingest: Pick<IngestService, 'handle'>;
    /** The hub's own session (left on SIGTERM when other hubs are alive). */
    mqtt: HubMqtt;
    mqttUrl: string;
  },
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
