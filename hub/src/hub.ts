/**
 * Composition root: config → infrastructure (database, scheduler, MQTT, HTTP, socket.io) → the
 * modules (modules/index.ts), each building its own parts, jobs and routes → the API mounted →
 * started; closed in reverse order. The alarm's way does not pass through here: broker
 * (infra/mqtt.ts) → ingest → alarm pipeline (modules/alerts/alarm-pipeline.ts) → gateway → screens.
 */
import type { Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { systemClock, type Clock } from './clock.js';
import { createMetrics } from './metrics.js';
import { EventBus } from './bus.js';
import { Scheduler } from './scheduler.js';
import type { Hub } from './hub.types.js';
import { CloseStack } from './infra/close-stack.js';
import { startDatabase } from './infra/database.js';
import { startMqtt } from './infra/mqtt.js';
import { startHttp, startSockets } from './infra/http.js';
import { MqttLink } from './mqtt/link.js';
import { LiveSockets } from './realtime/live.js';
import { createApp } from './http/app.js';
import { clientAddress, fromTrustedProxy } from './http/client-address.js';
import { startLivingDemo } from './demo/demo.js';
import { createModules } from './modules/index.js';

export { HUB_MQTT_USER } from './infra/mqtt.js';
export { DEMO_LOGINS } from './demo/demo.js';
export type { Hub } from './hub.types.js';

export async function startHub(config: Config, opts: { log?: Logger; clock?: Clock } = {}): Promise<Hub> {
  const log = opts.log ?? createLogger(config.LOG_LEVEL);
  const clock = opts.clock ?? systemClock;
  const metrics = createMetrics();
  const closing = new CloseStack(log);
  try {
    // ---- infrastructure, then the modules (ready before the first device message) ----------------
    const scheduler = new Scheduler({
      clock,
      log,
      metrics: {
        ran: (job, s) => metrics.jobSeconds.observe({ job }, s),
        failed: (job) => metrics.jobFailures.inc({ job }),
      },
    });
    const db = await startDatabase(config, { log, metrics, scheduler, closing });
    const ctx = { config, log, clock, metrics, scheduler, closing, database: db.database, sockets: new LiveSockets() };
    const bus = new EventBus(log.child({ mod: 'bus' }), (where) => metrics.handlerErrors.inc({ where }));
    const mqttLink = new MqttLink();
    const m = await createModules(ctx, { bus, mqtt: mqttLink, embedded: db.embedded, probe: db.probe });

    // ---- MQTT: device messages start flowing into ingest ------------------------------------------
    const mqtt = await startMqtt(config, {
      ...ctx,
      registry: m.devices.registry,
      ingest: m.ingest.service,
      priority: m.ingest.priority,
    });
    mqttLink.attach(mqtt.mqtt);

    // ---- schedules ----------------------------------------------------------------------------------
    closing.push(() => scheduler.stop());
    await m.alerts.start();
    scheduler.start();

    // ---- HTTP API and the live channel ----------------------------------------------------------------
    const app = createApp({
      log: log.child({ mod: 'http' }),
      fromTrustedProxy: fromTrustedProxy(config.TRUSTED_PROXIES),
      clientAddress: clientAddress(config.TRUSTED_PROXIES),
      publicApi: m.api.publicApi,
      privateApi: m.api.privateApi,
      requireSession: m.auth.requireSession,
      tenantReferences: m.tenants.references,
      health: async () => {
        const up = { database: await db.alive(), mqtt: mqtt.mqtt.connected };
        return { status: up.database && up.mqtt ? 'ok' : 'degraded', checks: up };
      },
      metrics: async () => ({ contentType: metrics.registry.contentType, body: await metrics.registry.metrics() }),
      dashboardDir: config.dashboardDir,
    });
    const { server, httpPort } = await startHttp(config, app, { apiLane: db.apiLane, closing });
    const io = await startSockets(config, server, {
      ...ctx,
      auth: m.auth.service,
      alerts: m.alerts.views,
      provisional: (user) => m.alerts.provisional.visibleTo(user),
      shared: () => m.alerts.provisional.listen(),
      status: async () => ({ mqtt: mqtt.mqtt.connected, database: await db.alive() }),
    });
    m.notifications.start();
    if (config.DEMO_DATA && config.DEMO_SIMULATION && mqtt.broker) startLivingDemo(config, mqtt.mqttUrl, ctx);
    log.info({ httpPort, mqttUrl: mqtt.mqttUrl }, 'hub ready');

    return {
      ...{ config, log, database: db.database, httpPort, bus, metrics, io },
      mqttPort: mqtt.broker?.port ?? null,
      mqttUrl: mqtt.mqttUrl,
      services: {
        ...{ auth: m.auth.service, residents: m.residents.service, institutions: m.institutions.service },
        ...{ devices: m.devices.service, registry: m.devices.registry, ingest: m.ingest.service },
        alerts: {
          engine: m.alerts.engine,
          checks: m.alerts.checks,
          views: m.alerts.views,
          dispatch: m.alerts.dispatch,
        },
        tenants: m.tenants.settings,
        timebank: { members: m.timebank.members, ledger: m.timebank.ledger, requests: m.timebank.requests },
        visits: m.visits.service,
        meals: { catalog: m.meals.catalog, orders: m.meals.orders, runs: m.meals.runs },
        dc09: m.dc09,
      },
      tickAlerts: m.alerts.tick,
      deliverNotifications: m.notifications.deliver,
      runTimebankJobs: m.timebank.runJobs,
      runMealJobs: m.meals.runJobs,
      refreshAggregates: db.refreshAggregates,
      flush: m.ingest.flush,
      close: () => closing.closeAll(),
    };
  } catch (err) {
    await closing.closeAll();
    throw err;
  }
}
