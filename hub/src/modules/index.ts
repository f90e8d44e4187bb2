/**
 * The hub's modules, built in dependency order: each builds its own repositories and services,
 * registers its scheduled jobs and gives back its routes (mounted in the order of the list in
 * modules/routes.ts). The first district (and, with DEMO_DATA, the demo) is set up on the way, as
 * each part it needs exists.
 */
import type { HubContext } from './module.js';
import type { EventBus } from '../bus.js';
import type { EmbeddedDatabase } from '../db/embedded.js';
import type { MqttLink } from '../mqtt/link.js';
import { seedDemoActivity, seedDemoRegister } from '../demo/demo.js';
import { createTenantsModule } from './tenants/tenants.module.js';
import { createAuditModule } from './audit/audit.module.js';
import { createAuthModule } from './auth/auth.module.js';
import { createUsersModule } from './users/users.module.js';
import { createRegionsModule } from './regions/regions.module.js';
import { createInstitutionsModule } from './institutions/institutions.module.js';
import { createResidentsModule } from './residents/residents.module.js';
import { createAssessmentsModule } from './assessments/assessments.module.js';
import { createDevicesModule } from './devices/devices.module.js';
import { createReadingsModule } from './readings/readings.module.js';
import { createAlertsModule } from './alerts/alerts.module.js';
import { createNotificationsModule } from './notifications/notifications.module.js';
import { createHistoryModule } from './history/history.module.js';
import { createHandoverModule } from './handover/handover.module.js';
import { createTimebankModule } from './timebank/timebank.module.js';
import { createVisitsModule } from './visits/visits.module.js';
import { createMealsModule } from './meals/meals.module.js';
import { createOversightModule } from './oversight/oversight.module.js';
import { createSubsidiesModule } from './subsidies/subsidies.module.js';
import { createLeftBehindModule } from './left-behind/left-behind.module.js';
import { createWaitingListModule } from './waiting-list/waiting-list.module.js';
import { seedWelfareDemo } from '../demo/seed-welfare.js';
import { startDc09 } from './dc09/dc09.module.js';
import { createIngestModule } from '../ingest/ingest.module.js';
import { mountApi } from './routes.js';

export async function createModules(
  ctx: HubContext,
  infra: {
    bus: EventBus;
    /** Commands to devices, once the MQTT connection is up. */
    mqtt: MqttLink;
    embedded: EmbeddedDatabase | null;
    probe(): Promise<unknown>;
  },
) {
  const { config, log } = ctx;
  const tenants = await createTenantsModule(ctx);
  const tenant = await tenants.first(config.DEMO_DATA ? '示范区' : 'District');
  const { timeZone } = tenants.settings;
  const audit = createAuditModule(ctx, { timeZone });
  const auth = createAuthModule(ctx);
  const users = createUsersModule(ctx, { auth: auth.service, audit: audit.register });
  const regions = createRegionsModule(ctx, { audit: audit.register });
  const institutions = createInstitutionsModule(ctx, { audit: audit.register, regions: regions.service });
  const residents = createResidentsModule(ctx, {
    audit: audit.register,
    regions: regions.service,
    institutions: institutions.service,
  });
  const devices = createDevicesModule(ctx, {
    audit: audit.register,
    residents: residents.service,
    institutions: institutions.service,
  });
  const register = {
    auth: auth.service,
    residents: residents.service,
    institutions: institutions.service,
    devices: devices.service,
    regions: regions.service,
  };
  const freshDemo = tenant.created && config.DEMO_DATA;
  if (freshDemo) await seedDemoRegister(register, tenant.id, ctx.config, ctx.log);
  if (config.HUB_ADMIN_EMAIL && config.HUB_ADMIN_PASSWORD) {
    if (await auth.service.ensureAdmin(tenant.id, config.HUB_ADMIN_EMAIL, config.HUB_ADMIN_PASSWORD))
      log.info('first admin created from HUB_ADMIN_EMAIL');
  }
  log.info({ devices: await devices.registry.load() }, 'device registry loaded');
  const assessments = createAssessmentsModule(ctx, { audit: audit.register, residents: residents.service, timeZone });
  await tenants.settings.refresh();
  const alerts = await createAlertsModule(ctx, {
    tenants: tenants.settings,
    firstTenantId: tenant.id,
    mqtt: infra.mqtt,
  });
  const notifications = await createNotificationsModule(ctx, { tenants: tenants.settings, alerts });
  const history = createHistoryModule(ctx, { timeZone });
  const handover = createHandoverModule(ctx);
  const timebank = createTimebankModule(ctx, {
    audit: audit.register,
    timeZone,
    recordContact: (c) => visits.service.recordContact(c),
  });
  const visits = createVisitsModule(ctx, {
    audit: audit.register,
    timeZone,
    members: timebank.members,
    alerts: alerts.engine,
  });
  const meals = createMealsModule(ctx, {
    audit: audit.register,
    timeZone,
    tenantIds: () => tenants.settings.ids(),
    alerts: alerts.engine,
    visits: visits.service,
    ledger: timebank.ledger,
  });
  if (freshDemo)
    await seedDemoActivity(
      { ...register, ...timebank, visits: visits.service, ...meals, database: ctx.database, placeOf: alerts.placeOf },
      tenant.id,
      ctx,
    );
  const readings = createReadingsModule(ctx, { residents: residents.service });
  const ingest = await createIngestModule(ctx, {
    registry: devices.registry,
    readings,
    alarms: alerts.pipeline,
    bus: infra.bus,
    embedded: infra.embedded,
    probe: infra.probe,
  });
  // SIA DC-09 alarm receiver (alarm panels, telecare units): events enter the ingest path.
  const dc09 = await startDc09({
    config: ctx.config,
    db: ctx.database.urgent,
    clock: ctx.clock,
    log: ctx.log.child({ mod: 'dc09' }),
    devices: devices.service,
    deliver: ingest.deliverUrgent,
    deadLetter: ingest.deadLetter,
    metrics: ctx.metrics.registry,
    onError: (where) => ctx.metrics.handlerErrors.inc({ where }),
  });
  ctx.closing.push(() => dc09.close());
  // Civil-affairs oversight: subsidies, the left-behind register, the waiting list, the indicators.
  const subsidies = createSubsidiesModule(ctx, {
    residents: residents.service,
    regions: regions.service,
    audit: audit.register,
    timeZone,
  });
  const leftBehind = createLeftBehindModule(ctx, {
    residents: residents.service,
    regions: regions.service,
    visits: visits.service,
    audit: audit.register,
    timeZone,
  });
  const waitingList = createWaitingListModule(ctx, {
    institutions: institutions.service,
    residents: residents.service,
    audit: audit.register,
    timeZone,
  });
  const oversight = createOversightModule(ctx, {
    institutions,
    regions: regions.service,
    timeZone,
    visits: visits.service,
    sla: alerts.sla,
    meals: meals.orders,
    ledger: timebank.ledger,
    leftBehind: leftBehind.service,
    assessments: assessments.service,
  });
  if (freshDemo)
    await seedWelfareDemo(
      { subsidies: subsidies.service, leftBehind: leftBehind.service, waitingList: waitingList.service },
      {
        auth: auth.service,
        residents: residents.service,
        regions: regions.service,
        institutions: institutions.service,
        assessments: assessments.service,
        meals: meals.catalog,
        clock: ctx.clock,
      },
      tenant.id,
    );

  return {
    ...{ tenants, audit, auth, users, regions, institutions, residents, assessments, devices },
    ...{ alerts, notifications, history, handover, timebank, visits, meals, readings, ingest, dc09 },
    /** The API's routers, mounted in the order of `apiRouters` (modules/routes.ts). */
    api: mountApi({
      public: { auth: auth.routes(users.service), respond: notifications.publicRoutes },
      private: {
        residents: residents.routes,
        regions: regions.routes,
        assessments: assessments.routes,
        oversight: oversight.routes,
        subsidies: subsidies.routes,
        leftBehind: leftBehind.routes,
        waitingList: waitingList.routes,
        institutions: institutions.routes,
        devices: devices.routes,
        readings: readings.routes(ingest),
        alerts: alerts.routes,
        history: history.routes,
        handover: handover.routes,
        actionPlans: alerts.actionPlanRoutes,
        timebank: timebank.routes,
        visits: visits.routes,
        meals: meals.routes,
        users: users.routes,
        audit: audit.routes,
        dc09: [dc09.routes],
        notifications: notifications.routes,
      },
    }),
  };
}
export type Modules = Awaited<ReturnType<typeof createModules>>;
