/**
 * HTTP and the live channel as infrastructure: the API app (routes given by the modules) served on
 * PORT through the API's database lane, socket.io on the same server (rooms shared through Redis
 * with REDIS_URL), and the hub's status pushed to the screens every 5 s.
 */
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Config } from '../config.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { Scheduler } from '../scheduler.js';
import type { ApiLane } from '../db/lanes.js';
import type { AppEnv } from '../http/types.js';
import type { CloseStack } from './close-stack.js';
import type { LiveSockets } from '../realtime/live.js';
import { createRealtime, type HubIo } from '../realtime/socket.js';
import { useRedisAdapter } from '../realtime/adapter.js';

export async function startHttp(
  config: Config,
  app: OpenAPIHono<AppEnv>,
  d: { apiLane: ApiLane; closing: CloseStack },
): Promise<{ server: Server; httpPort: number }> {
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve(
      { fetch: (req, env) => d.apiLane.run(req, (r) => app.fetch(r, env)), port: config.PORT, hostname: config.HOST },
      () => resolve(s as Server),
    );
    (s as Server).once('error', reject);
  });
  d.closing.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  const address = server.address();
  return { server, httpPort: typeof address === 'object' && address ? address.port : config.PORT };
}

export async function startSockets(
  config: Config,
  server: Server,
  d: Omit<Parameters<typeof createRealtime>[1], 'log' | 'onError' | 'ping' | 'now'> & {
    log: Logger;
    clock: Clock;
    metrics: Metrics;
    scheduler: Scheduler;
    closing: CloseStack;
    sockets: LiveSockets;
    /** With REDIS_URL: called once the rooms are shared (several hubs). */
    shared?(): void;
    status(): Promise<{ mqtt: boolean; database: boolean }>;
  },
): Promise<HubIo> {
  const log = d.log.child({ mod: 'socket' });
  const io = createRealtime(server, {
    auth: d.auth,
    alerts: d.alerts,
    log,
    onError: (where) => d.metrics.handlerErrors.inc({ where }),
    provisional: d.provisional,
    ping: { intervalMs: config.SOCKET_PING_INTERVAL_MS, timeoutMs: config.SOCKET_PING_TIMEOUT_MS },
    now: () => d.clock.now(),
  });
  d.sockets.attach(io);
  if (config.REDIS_URL) {
    d.closing.push(await useRedisAdapter(io, config.REDIS_URL, log));
    d.shared?.();
  }
  d.closing.push(() => new Promise<void>((resolve) => void io.close(() => resolve())));
  d.scheduler.every(5_000, 'hub-status', async () => {
    const s = await d.status();
    io.emit('hub:status', { ...s, at: new Date(d.clock.now()).toISOString() });
  });
  return io;
}
