/**
 * What every module is built from (the hub's infrastructure) and what it gives back to the hub:
 * its routes and, if it holds anything open, how to start and stop it. A module registers its own
 * scheduled jobs with the one scheduler and listens to the events it needs; the hub only assembles.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Config } from '../config.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { Scheduler } from '../scheduler.js';
import type { Database } from '../db/client.js';
import type { AppEnv } from '../http/types.js';
import type { CloseStack } from '../infra/close-stack.js';
import type { LiveSockets } from '../realtime/live.js';

export interface HubContext {
  config: Config;
  log: Logger;
  clock: Clock;
  metrics: Metrics;
  database: Database;
  scheduler: Scheduler;
  /** What the module opened, closed in reverse order when the hub closes. */
  closing: CloseStack;
  /** The screens (socket.io), once the HTTP server is up. */
  sockets: LiveSockets;
}

export type Routes = OpenAPIHono<AppEnv>;
