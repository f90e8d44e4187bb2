/**
 * Composition root: builds the hub from its config — database (embedded or DATABASE_URL), schema,
 * registry, MQTT broker (embedded or MQTT_URL), ingest, HTTP API and dashboard — and closes it in order.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { systemClock, type Clock } from './clock.js';
import { createMetrics } from './metrics.js';
import { EventBus } from './bus.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './db/embedded.js';
import { connectDatabase, type Database } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { refreshAggregates, runMaintenance } from './db/maintenance.js';
import { startEmbeddedBroker, type EmbeddedBroker } from './mqtt/broker.js';
import { connectHubMqtt, embeddedHubMqtt, type HubMqtt } from './mqtt/hub-client.js';
import { HubInstancesRepo } from './cluster/hub-instances.repo.js';
import { PriorityGate } from './db/priority-gate.js';
import { ApiLane } from './db/lanes.js';
import { PeerTakeover } from './cluster/peer-takeover.js';
import { verifyDeviceSecret } from './mqtt/credentials.js';
import { createApp } from './http/app.js';
import { AuthRepo } from './modules/auth/auth.repo.js';
import { AuthService } from './modules/auth/auth.service.js';
import { requireSession } from './modules/auth/auth.middleware.js';
import { provideTenantReferences } from './http/tenant-references.js';
import { TenantRefs } from './modules/tenants/tenant-refs.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { LoginLimiter } from './modules/auth/login-limiter.js';
import { clientAddress, fromTrustedProxy } from './http/client-address.js';
import { AuditRepo } from './modules/audit/audit.repo.js';
import { RegisterAudit } from './modules/audit/register-audit.js';
import { AuditService } from './modules/audit/audit.service.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { UsersRepo } from './modules/users/users.repo.js';
import { UsersService } from './modules/users/users.service.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { InstitutionsRepo } from './modules/institutions/institutions.repo.js';
import { InstitutionsService } from './modules/institutions/institutions.service.js';
import { institutionsRoutes } from './modules/institutions/institutions.routes.js';
import { BoardRepo } from './modules/institutions/board.repo.js';
import { BoardService } from './modules/institutions/board.service.js';
import { ShiftsRepo } from './modules/institutions/shifts.repo.js';
import { ShiftsService } from './modules/institutions/shifts.service.js';
import { ResidentsRepo } from './modules/residents/residents.repo.js';
import { ResidentsService } from './modules/residents/residents.service.js';
import { residentsRoutes } from './modules/residents/residents.routes.js';
import { RegionsRepo } from './modules/regions/regions.repo.js';
import { RegionsService } from './modules/regions/regions.service.js';
import { regionsRoutes } from './modules/regions/regions.routes.js';
import { AssessmentsRepo } from './modules/assessments/assessments.repo.js';
import { AssessmentsService } from './modules/assessments/assessments.service.js';
import { assessmentsRoutes } from './modules/assessments/assessments.routes.js';
import { OversightService } from './modules/oversight/oversight.service.js';
import { indicatorsRoutes, inspectionsRoutes, oversightRoutes } from './modules/oversight/oversight.routes.js';
import { InspectionsRepo } from './modules/oversight/inspections.repo.js';
import { InspectionsService } from './modules/oversight/inspections.service.js';
import { IndicatorsService } from './modules/oversight/indicators.service.js';
import { DevicesRepo } from './modules/devices/devices.repo.js';
import { DeviceRegistry } from './modules/devices/device-registry.js';
import { DevicesService } from './modules/devices/devices.service.js';
import { devicesRoutes } from './modules/devices/devices.routes.js';
import { ReadingsRepo, type ReadingRow, type StatusRow } from './modules/readings/readings.repo.js';
import { ReadingsService } from './modules/readings/readings.service.js';
import { readingsRoutes } from './modules/readings/readings.routes.js';
import { TenantsRepo } from './modules/tenants/tenants.repo.js';
import { BatchWriter } from './ingest/batch-writer.js';
import { IngestRepo, type DeadLetterRow } from './ingest/ingest.repo.js';
import { IngestService } from './ingest/ingest.service.js';
import { EventSpool } from './ingest/spool.js';
import { ProvisionalBoard } from './realtime/provisional.js';
import { IncomingNotices } from './realtime/incoming.js';
import { DEMO_LOGINS, seedDemo, seedTimebankDemo } from './demo/seed.js';
import { seedMealsDemo } from './demo/seed-meals.js';
import { AlertsRepo } from './modules/alerts/alerts.repo.js';
import { SlaRepo } from './modules/alerts/sla.repo.js';
import { slaRoutes } from './modules/alerts/sla.routes.js';
import { HistoryRepo } from './modules/history/history.repo.js';
import { HistoryService } from './modules/history/history.service.js';
import { historyRoutes } from './modules/history/history.routes.js';
import { HandoverRepo } from './modules/handover/handover.repo.js';
import { HandoverService } from './modules/handover/handover.service.js';
import { handoverRoutes } from './modules/handover/handover.routes.js';
import { seedDemoHistory } from './demo/seed-history.js';
import { startDemoSimulation } from './demo/simulation.js';
import { AlertsService } from './modules/alerts/alerts.service.js';
import { SlaService } from './modules/alerts/sla.service.js';
import { alertsRoutes } from './modules/alerts/alerts.routes.js';
import { actionPlansRoutes } from './modules/alerts/action-plans.routes.js';
import { ActionPlansService } from './modules/alerts/action-plans.service.js';
import { ActionPlansRepo } from './modules/alerts/action-plans.repo.js';
import { IncidentsRepo } from './modules/alerts/incidents.repo.js';
import { IncidentsService } from './modules/alerts/incidents.service.js';
import { watchdogNotices } from './modules/alerts/watchdog.js';
import { TenantSettings } from './modules/tenants/tenant-settings.js';
import { useRedisAdapter } from './realtime/adapter.js';
import { LedgerRepo } from './modules/timebank/ledger.repo.js';
import { LedgerService } from './modules/timebank/ledger.service.js';
import { MembersRepo } from './modules/timebank/members.repo.js';
import { MembersService } from './modules/timebank/members.service.js';
import { RequestsRepo } from './modules/timebank/requests.repo.js';
import { RequestsService } from './modules/timebank/requests.service.js';
import { timebankRoutes } from './modules/timebank/timebank.routes.js';
import { requestsRoutes } from './modules/timebank/requests.routes.js';
import { VisitsRepo } from './modules/visits/visits.repo.js';
import { VisitsService } from './modules/visits/visits.service.js';
import { visitsRoutes } from './modules/visits/visits.routes.js';
import { MealsRepo } from './modules/meals/meals.repo.js';
import { MealsService } from './modules/meals/meals.service.js';
import { OrdersService } from './modules/meals/orders.service.js';
import { RunsService } from './modules/meals/runs.service.js';
import { mealsRoutes } from './modules/meals/meals.routes.js';
import { NotificationsService } from './modules/notifications/notifications.service.js';
import { NotificationsRepo } from './modules/notifications/notifications.repo.js';
import { Fanout } from './modules/notifications/fanout.js';
import { DeliveryWorker } from './modules/notifications/worker.js';
import { loadNotifyKeys } from './modules/notifications/keys.js';
import { insertEvents } from './modules/notifications/outbox.repo.js';
import { WebPushChannel } from './modules/notifications/channels/web-push.js';
import { WebhookChannel } from './modules/notifications/channels/webhooks.js';
import { EmailChannel } from './modules/notifications/channels/email.js';
import { TextChannel } from './modules/notifications/channels/text.js';
import { smsProvider, voiceProvider } from './modules/notifications/providers/index.js';
import type { ChannelSender } from './modules/notifications/channels/channel.js';
import { CHANNELS, type Channel, type NotificationInfo } from '@eldercare/shared';
import { RespondersService } from './modules/notifications/responders.service.js';
import { notificationsRoutes, respondRoutes } from './modules/notifications/notifications.routes.js';
import { runsRoutes } from './modules/meals/runs.routes.js';
import { startDc09, type Dc09Module } from './modules/dc09/dc09.module.js';
import {
  announceFold,
  connectedDispatchers,
  connectedScreens,
  createRealtime,
  publishAlert,
  publishEscalation,
  raiseWatchdog,
  rooms,
  type HubIo,
} from './realtime/socket.js';

export const HUB_MQTT_USER = 'hub';

export interface Hub {
  config: Config;
  log: Logger;
  database: Database;
  httpPort: number;
  /** Port of the embedded broker; null with MQTT_URL. */
  mqttPort: number | null;
  mqttUrl: string;
  bus: EventBus;
  metrics: ReturnType<typeof createMetrics>;
  services: {
    auth: AuthService;
    residents: ResidentsService;
    institutions: InstitutionsService;
    devices: DevicesService;
    registry: DeviceRegistry;
    ingest: IngestService;
    alerts: AlertsService;
    tenants: TenantSettings;
    timebank: { members: MembersService; ledger: LedgerService; requests: RequestsService };
    visits: VisitsService;
    meals: { catalog: MealsService; orders: OrdersService; runs: RunsService };
    dc09: Dc09Module;
  };
  io: HubIo;
  /** Fans out and delivers due notifications now (normally every NOTIFY_POLL_MS). */
  deliverNotifications(): Promise<void>;
  /** Runs the timed alert steps now (cancel windows, escalations); normally every second. */
  tickAlerts(): Promise<void>;
  /** Writes everything held in memory to the database now. */
  flush(): Promise<void>;
  /** Runs the time-bank jobs now: auto-confirmation of unrated services, then expiry (normally on a schedule). */
  runTimebankJobs(): Promise<{ confirmed: number; expired: number }>;
  /** Runs the meal jobs now: tomorrow's orders, then missed pick-ups (normally on a schedule). */
  runMealJobs(): Promise<{ created: number; missed: number }>;
  /** Refreshes the vitals aggregates (normally done on a schedule). */
  refreshAggregates(): Promise<void>;
  close(): Promise<void>;
}

export interface HubOptions {
  log?: Logger;
  clock?: Clock;
}

export async function startHub(config: Config, opts: HubOptions = {}): Promise<Hub> {
  const log = opts.log ?? createLogger(config.LOG_LEVEL);
  const clock = opts.clock ?? systemClock;
  const metrics = createMetrics();
  const cleanups: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const c of cleanups.reverse()) await c().catch((err: Error) => log.error({ err }, 'error while closing'));
  };

  try {
    await mkdir(config.dataDir, { recursive: true });
    // ---- database --------------------------------------------------------------------------
    let embedded: EmbeddedDatabase | null = null;
    if (!config.DATABASE_URL) {
      embedded = await startEmbeddedDatabase(config.dataDir, log.child({ mod: 'db' }));
      cleanups.push(() => embedded!.close());
    }
    // API requests get their own database lane; reads are shed (503) when too many are in progress.
    const apiLane = new ApiLane(config.API_MAX_READS, () => metrics.apiShed.inc());
    const database = connectDatabase(config.DATABASE_URL ?? embedded!.url, {
      embedded: !!embedded,
      log: log.child({ mod: 'db' }),
      lane: apiLane,
    });
    cleanups.push(() => database.close());
    await migrateDatabase(database, {
      log,
      retentionDays: config.RETENTION_DAYS,
      compressAfterDays: config.COMPRESS_AFTER_DAYS,
    });
    log.info({ embedded: database.embedded, timescale: database.timescale }, 'database ready');

    // ---- domain services ------------------------------------------------------------------
    const bus = new EventBus(log.child({ mod: 'bus' }), (where) => metrics.handlerErrors.inc({ where }));
    const auth = new AuthService(new AuthRepo(database.db), clock, config.SESSION_TTL_HOURS * 3600_000);
    const auditRepo = new AuditRepo(database.db);
    const registerAudit = new RegisterAudit(auditRepo, clock, log.child({ mod: 'audit' }));
    const users = new UsersService(new UsersRepo(database.db), auth, registerAudit, clock);
    const regions = new RegionsService(new RegionsRepo(database.db), registerAudit, clock);
    const institutions = new InstitutionsService(new InstitutionsRepo(database.db), registerAudit, clock, regions);
    const residents = new ResidentsService(new ResidentsRepo(database.db), institutions, clock, registerAudit, regions);
    const devicesRepo = new DevicesRepo(database.db);
    const registry = new DeviceRegistry(devicesRepo);
    const hubMqttUser = config.MQTT_URL ? (config.MQTT_USERNAME ?? HUB_MQTT_USER) : HUB_MQTT_USER;
    const devices = new DevicesService(
      devicesRepo,
      registry,
      residents,
      institutions,
      registerAudit,
      clock,
      hubMqttUser,
      config.MQTT_URL ? config.MQTT_PASSWORD : undefined,
    );
    const readingsRepo = new ReadingsRepo(database.db);
    const readings = new ReadingsService(readingsRepo, residents, clock, () => database.timescale);
    const ingestRepo = new IngestRepo(database.db);
    // Events are stored on the alarm path (ahead of telemetry batches on the embedded database).
    const eventRepo = new IngestRepo(database.urgent);

    // ---- first tenant, first admin, demo data ---------------------------------------------
    const tenants = new TenantsRepo(database.db);
    let tenant = await tenants.first();
    const freshDemo = !tenant && config.DEMO_DATA;
    if (!tenant) {
      const id = await tenants.create(config.DEMO_DATA ? '示范区' : 'District', config.TZ);
      tenant = { id };
      if (config.DEMO_DATA)
        await seedDemo(
          { auth, residents, institutions, devices, regions },
          id,
          config.dataDir,
          log.child({ mod: 'demo' }),
        );
    }
    if (config.HUB_ADMIN_EMAIL && config.HUB_ADMIN_PASSWORD) {
      if (await auth.ensureAdmin(tenant.id, config.HUB_ADMIN_EMAIL, config.HUB_ADMIN_PASSWORD)) {
        log.info('first admin created from HUB_ADMIN_EMAIL');
      }
    }
    log.info({ devices: await registry.load() }, 'device registry loaded');
    const tenantSettings = new TenantSettings(tenants, config.TZ);
    const assessmentsRepo = new AssessmentsRepo(database.db);
    const assessments = new AssessmentsService(
      assessmentsRepo,
      residents,
      registerAudit,
      clock,
      tenantSettings.timeZone,
    );
    await tenantSettings.refresh();

    // ---- alerts ------------------------------------------------------------------------------
    let io: HubIo | null = null;
    let mqttRef: HubMqtt | null = null;
    const actionPlans = new ActionPlansService(new ActionPlansRepo(database.urgent.$client));
    const alerts = new AlertsService({
      plans: actionPlans,
      repo: new AlertsRepo(database.urgent),
      clock,
      log: log.child({ mod: 'alerts' }),
      rules: tenantSettings.rules,
      timeZone: tenantSettings.timeZone,
      publish: (a, tenantId) => io && publishAlert(io, a, tenantId),
      escalated: (n, tenantId) => io && publishEscalation(io, n, tenantId),
      folded: (n, tenantId) => io && announceFold(io, n, tenantId),
      language: tenantSettings.language,
      notifyDevice: async (deviceId, cmd) => {
        if (!mqttRef) throw new Error('mqtt not connected');
        await mqttRef.publishCommand(deviceId, cmd);
      },
    });
    try {
      log.info({ residents: await alerts.warmResidents() }, 'resident contexts cached for alarms');
    } catch (err) {
      log.warn({ err }, 'could not cache resident contexts; they load on first use');
    }
    // ---- notifications: outbox fan-out and delivery (docs/notifications.md) ----------------------
    const notifyKeys = await loadNotifyKeys(config.dataDir, {
      vapidPublicKey: config.VAPID_PUBLIC_KEY,
      vapidPrivateKey: config.VAPID_PRIVATE_KEY,
      linkSecret: config.NOTIFY_LINK_SECRET,
    });
    const notifyRepo = new NotificationsRepo(database.db);
    const notifyLog = log.child({ mod: 'notify' });
    const providerOpts = { timeoutMs: config.NOTIFY_HTTP_TIMEOUT_MS, now: () => clock.now() };
    const webhookOpts = {
      timeoutMs: config.NOTIFY_HTTP_TIMEOUT_MS,
      now: () => clock.now(),
      robotPerMinute: config.NOTIFY_ROBOT_PER_MINUTE,
    };
    const email = new EmailChannel({
      smtpUrl: config.SMTP_URL,
      from: config.SMTP_FROM,
      timeoutMs: config.NOTIFY_HTTP_TIMEOUT_MS,
    });
    const webhookChannels = (['webhook', 'dingtalk', 'wecom'] as const).map(
      (ch) => new WebhookChannel(ch, webhookOpts),
    );
    const senders: ChannelSender[] = [
      new WebPushChannel({
        vapid: notifyKeys.vapid,
        subject: config.VAPID_SUBJECT,
        timeoutMs: config.NOTIFY_HTTP_TIMEOUT_MS,
        onGone: (id) => notifyRepo.markSubscriptionGone(id, new Date(clock.now())),
      }),
      ...webhookChannels,
      email,
      new TextChannel(
        'sms',
        smsProvider(config.providerEnv, providerOpts),
        'no SMS provider configured (SMS_PROVIDER)',
      ),
      new TextChannel(
        'voice',
        voiceProvider(config.providerEnv, providerOpts),
        'no voice provider configured (VOICE_PROVIDER)',
      ),
    ];
    const channels = new Map<Channel, ChannelSender>(senders.map((c) => [c.channel, c]));
    const available = (ch: Channel) => !!channels.get(ch)?.status().available;
    const notificationChanged = (tenantId: string, n: NotificationInfo) =>
      io?.to(rooms.dispatch(tenantId)).emit('notification:update', n);
    const worker = new DeliveryWorker({
      repo: notifyRepo,
      fanout: new Fanout({
        repo: notifyRepo,
        available,
        timeZone: tenantSettings.timeZone,
        language: tenantSettings.language,
        publicUrl: config.PUBLIC_URL,
        linkSecret: notifyKeys.linkSecret,
        replyTtlMs: config.NOTIFY_REPLY_TTL_HOURS * 3600_000,
        maxAttempts: config.NOTIFY_MAX_ATTEMPTS,
      }),
      channels,
      clock,
      log: notifyLog,
      hubId: config.HUB_ID,
      pollMs: config.NOTIFY_POLL_MS,
      leaseMs: Math.max(60_000, config.NOTIFY_HTTP_TIMEOUT_MS * 3),
      retryBaseMs: config.NOTIFY_RETRY_BASE_MS,
      retryMaxMs: config.NOTIFY_RETRY_MAX_MS,
      metrics: {
        sent: (ch, s) => {
          metrics.notifySent.inc({ channel: ch });
          metrics.notifyLatency.observe({ channel: ch }, s);
        },
        failed: (ch) => metrics.notifyFailed.inc({ channel: ch }),
        retried: (ch) => metrics.notifyRetried.inc({ channel: ch }),
        dead: (ch) => metrics.notifyDead.inc({ channel: ch }),
      },
      language: tenantSettings.language,
      changed: notificationChanged,
      dead: (tenantId, n, message) =>
        io?.to(rooms.dispatch(tenantId)).emit('notification:dead', { notification: n, message }),
    });
    cleanups.push(async () => {
      await worker.close();
      email.close();
      await Promise.all(webhookChannels.map((w) => w.close()));
    });
    const notifications = new NotificationsService({
      repo: notifyRepo,
      clock,
      channels,
      allChannels: [...CHANNELS],
      vapidPublicKey: notifyKeys.vapid.publicKey,
      assertAlertVisible: async (user, alertId) => void (await alerts.get(user, alertId)),
      changed: notificationChanged,
    });
    const responders = new RespondersService({
      repo: notifyRepo,
      alerts,
      clock,
      linkSecret: notifyKeys.linkSecret,
      changed: notificationChanged,
    });

    const sla = new SlaService(new SlaRepo(database.db), clock, tenantSettings.timeZone, tenantSettings.slaTargets);
    const history = new HistoryService(new HistoryRepo(database.db), tenantSettings.timeZone);
    const handover = new HandoverService(new HandoverRepo(database.db), clock, async (tenantId) =>
      io ? connectedScreens(io, tenantId) : [],
    );
    const incidents = new IncidentsService(new IncidentsRepo(database.db), clock, tenantSettings.timeZone);
    const shifts = new ShiftsService(new ShiftsRepo(database.db), institutions, clock);
    const oversight = new OversightService(institutions, regions, new BoardRepo(database.db), shifts, clock);
    const board = new BoardService(new BoardRepo(database.db), institutions, shifts, clock);

    // ---- time bank and welfare visits --------------------------------------------------------
    const members = new MembersService(new MembersRepo(database.db), clock, registerAudit);
    const ledger = new LedgerService(
      new LedgerRepo(database.db),
      members,
      clock,
      log.child({ mod: 'timebank' }),
      tenantSettings.timeZone,
    );
    const visits = new VisitsService({
      repo: new VisitsRepo(database.db),
      clock,
      log: log.child({ mod: 'visits' }),
      timeZone: tenantSettings.timeZone,
      volunteerIds: async (user) => (await members.volunteersOf(user)).map((v) => v.id),
      audit: registerAudit,
      raiseConcern: (c) => alerts.raiseWelfareConcern(c),
    });
    const requests = new RequestsService(
      new RequestsRepo(database.db),
      members,
      ledger,
      clock,
      log.child({ mod: 'timebank' }),
      (c) => visits.recordContact(c),
    );
    const runTimebankJobs = async () => ({
      confirmed: await requests.autoConfirmDue(),
      expired: await ledger.expire(),
    });
    if (freshDemo) {
      await seedTimebankDemo(
        { auth, residents, members, ledger, requests, visits },
        tenant.id,
        clock,
        log.child({ mod: 'demo' }),
      );
    }

    // ---- meal assistance ---------------------------------------------------------------------
    const mealsRepo = new MealsRepo(database.db);
    const mealsLog = log.child({ mod: 'meals' });
    const mealCatalog = new MealsService({
      repo: mealsRepo,
      clock,
      log: mealsLog,
      timeZone: tenantSettings.timeZone,
      audit: registerAudit,
    });
    const mealOrders = new OrdersService({
      repo: mealsRepo,
      meals: mealCatalog,
      clock,
      log: mealsLog,
      timeZone: tenantSettings.timeZone,
      tenantIds: () => tenantSettings.ids(),
    });
    const mealRuns = new RunsService({
      repo: mealsRepo,
      clock,
      log: mealsLog,
      timeZone: tenantSettings.timeZone,
      raiseMissedMeal: (c) => alerts.raiseMissedMeal(c),
      recordContact: (c) => visits.recordContact(c),
      creditRun: async (c) => {
        const [profile] = await members.repo.volunteersOfUser(c.runnerUserId);
        if (!profile) return null;
        const account = await members.repo.ensureAccount(profile.programId, 'volunteer', profile.id, profile.name);
        const t = await ledger.creditService({
          programId: profile.programId,
          accountId: account.id,
          minutes: c.minutes,
          requestId: null,
          idempotencyKey: `meal-run:${c.runId}`,
          actorId: null,
          memo: c.memo,
        });
        return t.id;
      },
    });
    const runMealJobs = async () => ({
      created: await mealOrders.generateTomorrow(),
      missed: await mealRuns.checkMissed(),
    });
    if (freshDemo) {
      await seedMealsDemo(
        { auth, residents, catalog: mealCatalog, orders: mealOrders, runs: mealRuns },
        tenant.id,
        clock,
        log.child({ mod: 'demo' }),
      );
    }
    if (freshDemo && config.DEMO_HISTORY) {
      const { devices: demoDevices } = JSON.parse(
        await readFile(path.join(config.dataDir, 'demo-devices.json'), 'utf8'),
      ) as { devices: { deviceId: string; type: string; residentId: string | null }[] };
      const placesRepo = new AlertsRepo(database.db);
      await seedDemoHistory(
        {
          pool: database.pool,
          timescale: database.timescale,
          placeOf: async (residentId, institutionId) => {
            const row = await placesRepo.placeOf({ institutionId, roomId: null, residentId });
            return row
              ? {
                  institutionId: row.institution_id,
                  institutionName: row.institution_name,
                  institutionPhone: row.institution_phone,
                  floor: row.floor,
                  roomId: row.room_id,
                  roomName: row.room_name,
                  bedLabel: row.bed_label,
                  residents: row.residents,
                  staffOnShift: [],
                }
              : null;
          },
        },
        tenant.id,
        demoDevices,
        clock,
        log.child({ mod: 'demo' }),
      );
    }
    bus.on('device.telemetry', ({ device, telemetry, receivedAt }) =>
      alerts.onTelemetry(device, telemetry, receivedAt),
    );
    bus.on('device.status', ({ device, status, receivedAt }) => alerts.onStatus(device, status, receivedAt));

    // ---- ingest ------------------------------------------------------------------------------
    const priority = new PriorityGate();
    const writer = <T>(name: string, write: (rows: T[]) => Promise<void>) =>
      new BatchWriter<T>({
        name,
        batchSize: config.INGEST_BATCH_SIZE,
        maxQueued: config.INGEST_QUEUE_MAX,
        flushMs: config.INGEST_FLUSH_MS,
        write,
        log: log.child({ mod: 'ingest' }),
        onWritten: (n, s) => {
          metrics.rowsWritten.inc({ table: name }, n);
          metrics.batchSeconds.observe({ table: name }, s);
        },
        onError: () => metrics.dbErrors.inc({ table: name }),
        onDrop: (n) => metrics.ingestDropped.inc({ table: name }, n),
        onDepth: (d) => metrics.queueDepth.set({ table: name }, d),
        ...(database.embedded ? { yieldTo: () => priority.idle() } : {}),
        onPoison: (row, err) => {
          metrics.deadLetters.inc({ reason: 'refused by database' });
          log.error({ table: name, err }, 'row refused by the database; set aside');
          if (name !== 'dead_letters') {
            poisoned.push({
              receivedAt: new Date(clock.now()),
              topic: `db:${name}`,
              deviceId: (row as { deviceId?: string }).deviceId ?? null,
              reason: `refused by database: ${(err as Error).message}`.slice(0, 1000),
              payload: JSON.stringify(row).slice(0, 4096),
            });
          }
        },
      });
    const poisoned: DeadLetterRow[] = [];
    const writers = {
      readings: writer<ReadingRow>('readings', (rows) => readingsRepo.insertReadings(rows)),
      statuses: writer<StatusRow>('device_status', (rows) => readingsRepo.insertStatuses(rows)),
      deadLetters: writer<DeadLetterRow>('dead_letters', (rows) => ingestRepo.insertDeadLetters(rows)),
    };
    // Rows the database refused go to the dead letters (outside the write that refused them).
    const drainPoisoned = () => {
      for (const r of poisoned.splice(0)) writers.deadLetters.push(r);
    };
    // Degraded mode: events spooled on disk while the database is unreachable, shown live as provisional.
    const spool = new EventSpool(path.join(config.dataDir, 'spool'), log.child({ mod: 'spool' }));
    await spool.init();
    cleanups.push(() => spool.close());
    const provisional = new ProvisionalBoard(() => io);
    const incoming = new IncomingNotices(() => io);
    const ingest = new IngestService(
      registry,
      writers,
      eventRepo,
      bus,
      metrics,
      clock,
      log.child({ mod: 'ingest' }),
      (device, event, delivery) => alerts.onDeviceEvent(device, event, delivery),
      {
        spool,
        provisional: (device, event, receivedAt) => {
          const p = alerts.provisional(device, event, receivedAt);
          if (!p) return;
          metrics.provisionalAlerts.inc();
          log.warn({ deviceId: device.id, kind: p.kind }, 'database unreachable: provisional alarm sent live');
          provisional.add(p, device.tenantId);
        },
        replayed: (records) => provisional.clear(records.map((r) => `${r.deviceId}:${r.event.eventId}`)),
        // The embedded database is local: while its worker answers requests it is busy, not unreachable.
        ...(embedded ? { stillWorking: () => embedded!.progressing() } : {}),
      },
      {
        announce: (device, event, receivedAt) => {
          const a = alerts.incoming(device, event, receivedAt);
          if (!a) return false;
          incoming.announce(a, device.tenantId);
          metrics.earlyNotices.inc();
          return true;
        },
        settled: (device, event) => incoming.done(`${device.id}:${event.eventId}`),
      },
    );
    const flushDeviceStates = async () => {
      const states = ingest.takeDeviceStates();
      try {
        await devicesRepo.applyState(states);
      } catch (err) {
        metrics.dbErrors.inc({ table: 'devices' });
        log.error({ err }, 'device state update failed');
      }
    };
    const flush = async () => {
      await Promise.all(Object.values(writers).map((w) => w.flush()));
      await flushDeviceStates();
    };
    cleanups.push(async () => {
      await Promise.all(Object.values(writers).map((w) => w.close()));
      await flushDeviceStates();
    });

    // ---- SIA DC-09 alarm receiver (alarm panels, telecare units): events enter the ingest path -----
    const dc09 = await startDc09({
      config,
      db: database.urgent,
      clock,
      log: log.child({ mod: 'dc09' }),
      devices,
      deliver: (topic, payload) => priority.urgent(() => ingest.handle(topic, payload)),
      deadLetter: (row) => eventRepo.insertDeadLetters([row]),
      metrics: metrics.registry,
      onError: (where) => metrics.handlerErrors.inc({ where }),
    });
    cleanups.push(() => dc09.close());

    // ---- MQTT --------------------------------------------------------------------------------
    let broker: EmbeddedBroker | null = null;
    let mqttUrl = config.MQTT_URL;
    const hubPassword = config.MQTT_PASSWORD ?? randomBytes(24).toString('base64url');
    if (!mqttUrl) {
      broker = await startEmbeddedBroker(
        {
          port: config.MQTT_PORT,
          host: config.MQTT_HOST,
          auth: {
            hubUser: { username: HUB_MQTT_USER, password: hubPassword },
            verifyDevice: async (id, password) => {
              const d = await registry.get(id);
              return !!d && verifyDeviceSecret(password, d.secretHash);
            },
            onRefused: (reason) => metrics.mqttRefused.inc({ reason }),
          },
          // Alarms go ahead of telemetry batches on the embedded database's single session.
          onDevicePublish: (topic, payload) =>
            topic.endsWith('/events')
              ? priority.urgent(() => ingest.handle(topic, payload))
              : ingest.handle(topic, payload),
          budget: {
            perSecond: config.MQTT_DEVICE_RATE,
            burst: config.MQTT_DEVICE_BURST,
            onLimited: () => metrics.mqttRateLimited.inc(),
          },
          connectTimeoutMs: config.MQTT_CONNECT_TIMEOUT_SECONDS * 1000,
        },
        log.child({ mod: 'broker' }),
      );
      cleanups.push(() => broker!.close());
      mqttUrl = `mqtt://127.0.0.1:${broker.port}`;
    }
    let mqttUp = false;
    const onConnectionChange = (up: boolean) => {
      if (mqttUp && !up) metrics.mqttDisconnects.inc();
      mqttUp = up;
      metrics.mqttConnected.set(up ? 1 : 0);
    };
    // The embedded broker hands device messages to ingest in-process (see broker.ts); an external
    // broker is read over the hub's own persistent MQTT session.
    const mqtt: HubMqtt = broker
      ? embeddedHubMqtt(broker, onConnectionChange)
      : await connectHubMqtt(
          {
            url: mqttUrl!,
            clientId: config.HUB_ID,
            username: config.MQTT_USERNAME,
            password: config.MQTT_PASSWORD,
            protocolVersion: 5,
            sharedGroup: config.MQTT_SHARED_GROUP,
            onMessage: (topic, payload) => ingest.handle(topic, payload),
            onConnectionChange,
            onBrokerDropped: (n) => metrics.brokerDropped.set(n),
          },
          log.child({ mod: 'mqtt' }),
        );
    mqttRef = mqtt;
    cleanups.push(() => mqtt.close());

    // ---- several hubs: take over the MQTT session of a hub that died (cluster/) -----------------
    let peers: PeerTakeover | null = null;
    if (!broker) {
      const hubs = new HubInstancesRepo(database.db);
      const peerLog = log.child({ mod: 'peers' });
      peers = new PeerTakeover(
        {
          hubId: config.HUB_ID,
          repo: hubs,
          clock,
          staleAfterMs: config.HUB_PEER_TIMEOUT_MS,
          openSession: (peerId, onEnd) =>
            connectHubMqtt(
              {
                url: mqttUrl!,
                clientId: peerId,
                username: config.MQTT_USERNAME,
                password: config.MQTT_PASSWORD,
                protocolVersion: 5,
                sharedGroup: config.MQTT_SHARED_GROUP,
                reconnect: false,
                onMessage: (topic, payload) => ingest.handle(topic, payload),
                onConnectionChange: (up) => {
                  if (!up) onEnd();
                },
              },
              peerLog,
            ),
          onTakeover: () => metrics.peerTakeovers.inc(),
        },
        peerLog,
      );
      const takeover = peers;
      await takeover.tick().catch((err: Error) => peerLog.warn({ err }, 'first hub heartbeat failed'));
      // On SIGTERM with other hubs alive, leave the shared subscription so nothing more is queued for
      // this hub, and leave the registry; alone, keep both so the broker queues for the restart.
      cleanups.push(async () => {
        await takeover.close();
        const alive = await hubs
          .livePeers(config.HUB_ID, new Date(clock.now() - config.HUB_PEER_TIMEOUT_MS))
          .catch(() => 0);
        if (alive === 0) return;
        await mqtt.unsubscribe().catch((err: Error) => peerLog.warn({ err }, 'leaving the subscription failed'));
        await hubs.remove(config.HUB_ID).catch(() => {});
        peerLog.info({ peers: alive }, 'left the shared subscription to the other hubs');
      });
    }

    // ---- schedules ---------------------------------------------------------------------------
    const timers: NodeJS.Timeout[] = [];
    const every = (ms: number, what: string, job: () => Promise<void>) => {
      let running = false;
      const t = setInterval(() => {
        if (running) return;
        running = true;
        const end = metrics.jobSeconds.startTimer({ job: what });
        job()
          .catch((err: Error) => {
            metrics.jobFailures.inc({ job: what });
            log.error({ job: what, err }, 'scheduled job failed');
          })
          .finally(() => {
            end();
            running = false;
          });
      }, ms);
      t.unref();
      timers.push(t);
    };
    // Answers false within 3 s also when the database neither answers nor refuses (a silent partition).
    const databaseAlive = () =>
      new Promise<boolean>((resolve) => {
        const t = setTimeout(() => resolve(false), 3_000);
        database.pool.query('SELECT 1').then(
          () => (clearTimeout(t), resolve(true)),
          () => (clearTimeout(t), resolve(false)),
        );
      });
    every(1000, 'spool-replay', async () => {
      metrics.spoolDepth.set(spool.size);
      if (ingest.spooling) await ingest.replaySpool(() => database.pool.query('SELECT 1'));
    });
    if (peers) {
      const p = peers;
      every(Math.max(200, Math.floor(config.HUB_PEER_TIMEOUT_MS / 5)), 'hub-heartbeat', async () => {
        await p.tick();
        metrics.peerSessionsHeld.set(p.holding.length);
      });
    }
    every(1000, 'device-state', async () => {
      drainPoisoned();
      await flushDeviceStates();
    });
    const firstTenant = tenant.id;
    const tickAlerts = async () => {
      await alerts.tick(tenantSettings.rules(firstTenant));
    };
    every(1000, 'alert-timers', tickAlerts);
    every(60_000, 'device-silence', async () => {
      await alerts.checkSilentDevices(tenantSettings.rules(firstTenant));
    });
    every(5 * 60_000, 'inactivity', async () => {
      await alerts.checkInactivity(tenantSettings.rules(firstTenant), tenantSettings.timeZone);
    });
    every(60_000, 'tenant-settings', () => tenantSettings.refresh());
    await alerts.refreshOfflineDevices();
    every(3600_000, 'periodic-tests', async () => {
      await alerts.checkPeriodicTests(tenantSettings.rules(firstTenant));
    });
    every(60_000, 'offline-devices', () => alerts.refreshOfflineDevices());
    every(10 * 60_000, 'timebank', async () => {
      await runTimebankJobs();
    });
    every(15 * 60_000, 'meal-orders', async () => {
      await mealOrders.generateTomorrow();
    });
    every(60_000, 'meal-checks', async () => {
      await mealRuns.checkMissed();
    });
    every(5_000, 'hub-status', async () => {
      const dbUp = await databaseAlive();
      io?.emit('hub:status', { mqtt: mqtt.connected, database: dbUp, at: new Date(clock.now()).toISOString() });
    });
    const watchdogLogged = new Map<string, string>();
    every(15_000, 'watchdog', async () => {
      if (!io) return;
      for (const tenantId of tenantSettings.ids()) {
        const admin = {
          id: '',
          email: '',
          name: '',
          role: 'supervisor' as const,
          tenantId,
          institutionId: null,
          residentId: null,
        };
        const active = await alerts.list(admin, { state: 'active', limit: 1000 });
        const notices = watchdogNotices({
          dispatchers: await connectedDispatchers(io, tenantId),
          active,
          now: clock.now(),
          ackEscalationMs: tenantSettings.rules(tenantId).ackEscalationMs,
        });
        for (const n of notices) {
          // Logged when it starts or changes, not on every check (the screens are told every time).
          const key = `${tenantId}:${n.kind}`;
          const ids = n.alertIds.join(',');
          if (watchdogLogged.get(key) !== ids) log.warn({ kind: n.kind, alerts: n.alertIds.length }, 'watchdog alarm');
          watchdogLogged.set(key, ids);
          raiseWatchdog(io, tenantId, n);
          // Nobody connected to dispatch: the supervisors are told off-screen, once per incident
          // (the messages' idempotency keys make the repeats of this check create nothing new).
          if (n.kind === 'no_dispatcher') {
            const at = new Date(clock.now());
            await insertEvents(
              database.pool,
              n.alertIds.map((alertId) => ({ tenantId, alertId, purpose: 'watchdog' as const, at })),
            );
          }
        }
      }
    });
    if (database.embedded && database.timescale) every(5 * 60_000, 'aggregates', () => refreshAggregates(database));
    every(3600_000, 'maintenance', () =>
      runMaintenance(
        database,
        { retentionDays: config.RETENTION_DAYS, compressAfterDays: config.COMPRESS_AFTER_DAYS, dedupDays: 30 },
        log,
      ),
    );
    cleanups.push(async () => timers.forEach(clearInterval));

    // ---- HTTP --------------------------------------------------------------------------------
    const loginLimiter = LoginLimiter.create({
      maxFailures: config.LOGIN_IP_MAX_FAILURES,
      windowSeconds: config.LOGIN_IP_WINDOW_SECONDS,
      redisUrl: config.REDIS_URL,
      log: log.child({ mod: 'auth' }),
      onRefused: () => metrics.loginRateLimited.inc(),
    });
    cleanups.push(() => loginLimiter.close());
    const app = createApp({
      log: log.child({ mod: 'http' }),
      fromTrustedProxy: fromTrustedProxy(config.TRUSTED_PROXIES),
      clientAddress: clientAddress(config.TRUSTED_PROXIES),
      publicApi: [
        authRoutes(auth, {
          secureCookies: config.COOKIE_SECURE,
          limiter: loginLimiter,
          clientAddress: clientAddress(config.TRUSTED_PROXIES),
          users,
        }),
        respondRoutes(responders),
      ],
      privateApi: [
        residentsRoutes(residents),
        regionsRoutes(regions),
        assessmentsRoutes(assessments),
        oversightRoutes(oversight),
        inspectionsRoutes(new InspectionsService(new InspectionsRepo(database.db), clock, tenantSettings.timeZone)),
        indicatorsRoutes(
          new IndicatorsService({
            visits,
            sla,
            meals: mealOrders,
            members,
            ledger,
            oversight,
            regions,
            assessments: assessmentsRepo,
            clock,
            timeZone: tenantSettings.timeZone,
          }),
          oversight,
          async (user) => (await regions.list(user, { level: 'district' }))[0]?.name ?? '',
        ),
        institutionsRoutes(institutions, board, shifts),
        devicesRoutes(devices),
        readingsRoutes(readings, ingestRepo),
        alertsRoutes(alerts, incidents),
        slaRoutes(sla, { set: tenantSettings.setSlaTargets }),
        historyRoutes(history),
        handoverRoutes(handover),
        actionPlansRoutes(actionPlans),
        timebankRoutes(members, ledger, tenantSettings.timeZone),
        requestsRoutes(requests, members),
        visitsRoutes(visits),
        mealsRoutes(mealCatalog, mealOrders),
        runsRoutes(mealRuns),
        usersRoutes(users),
        auditRoutes(new AuditService(auditRepo, tenantSettings.timeZone)),
        dc09.routes,
        notificationsRoutes(notifications, responders),
      ],
      requireSession: requireSession(auth),
      tenantReferences: provideTenantReferences(new TenantRefs(database.pool)),
      health: async () => {
        const db = await databaseAlive();
        const checks = { database: db, mqtt: mqtt.connected };
        return { status: db && mqtt.connected ? 'ok' : 'degraded', checks };
      },
      metrics: async () => ({ contentType: metrics.registry.contentType, body: await metrics.registry.metrics() }),
      dashboardDir: config.dashboardDir,
    });
    const server = await new Promise<Server>((resolve, reject) => {
      const s = serve(
        { fetch: (req, env) => apiLane.run(req, (r) => app.fetch(r, env)), port: config.PORT, hostname: config.HOST },
        () => resolve(s as Server),
      );
      (s as Server).once('error', reject);
    });
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    );
    io = createRealtime(server, {
      auth,
      alerts,
      log: log.child({ mod: 'socket' }),
      onError: (where) => metrics.handlerErrors.inc({ where }),
      provisional: (user) => provisional.visibleTo(user),
      ping: { intervalMs: config.SOCKET_PING_INTERVAL_MS, timeoutMs: config.SOCKET_PING_TIMEOUT_MS },
      now: () => clock.now(),
    });
    const ioRef = io;
    if (config.REDIS_URL) {
      cleanups.push(await useRedisAdapter(io, config.REDIS_URL, log.child({ mod: 'socket' })));
      provisional.listen(io);
    }
    cleanups.push(() => new Promise<void>((resolve) => void ioRef.close(() => resolve())));
    const address = server.address();
    const httpPort = typeof address === 'object' && address ? address.port : config.PORT;
    worker.start();
    // The living demo: the demo district's devices over the embedded broker (demo/simulation.ts).
    if (config.DEMO_DATA && config.DEMO_SIMULATION && broker) {
      const sim = startDemoSimulation({
        mqttUrl,
        devicesFile: path.join(config.dataDir, 'demo-devices.json'),
        telemetryIntervalSec: config.DEMO_SIM_TELEMETRY_SECONDS,
        alarmEveryMs: config.DEMO_SIM_ALARM_MINUTES * 60_000,
        log: log.child({ mod: 'demo-sim' }),
      });
      if (sim) {
        cleanups.push(() => sim.stop());
        log.info({ alarmEveryMinutes: config.DEMO_SIM_ALARM_MINUTES }, 'demo simulation running');
      }
    }
    log.info({ httpPort, mqttUrl }, 'hub ready');

    return {
      config,
      log,
      database,
      httpPort,
      mqttPort: broker?.port ?? null,
      mqttUrl,
      bus,
      metrics,
      services: {
        auth,
        residents,
        institutions,
        devices,
        registry,
        ingest,
        alerts,
        tenants: tenantSettings,
        timebank: { members, ledger, requests },
        visits,
        meals: { catalog: mealCatalog, orders: mealOrders, runs: mealRuns },
        dc09,
      },
      io,
      tickAlerts,
      deliverNotifications: () => worker.tick(),
      runTimebankJobs,
      runMealJobs,
      flush,
      refreshAggregates: () => refreshAggregates(database),
      close: closeAll,
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}

export { DEMO_LOGINS };
