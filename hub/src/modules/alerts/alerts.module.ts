/**
 * Alerts: the alarm pipeline from ingest to the screens (alarm-pipeline.ts), the rule engine and the
 * timed checks behind it, what dispatch reads, the dispatcher's and responders' actions, action
 * plans, and the SLA and incident reports. Builds its own parts, registers its routes and its jobs.
 */
import type { HubContext } from '../module.js';
import type { MqttLink } from '../../mqtt/link.js';
import type { TenantSettings } from '../tenants/tenant-settings.js';
import { outbox } from '../notifications/notifications.module.js';
import { ActionPlansRepo } from './action-plans.repo.js';
import { ActionPlansService } from './action-plans.service.js';
import { actionPlansRoutes } from './action-plans.routes.js';
import { AlarmPipeline } from './alarm-pipeline.js';
import { AlertsGateway } from './alerts.gateway.js';
import { AlertsRepo } from './alerts.repo.js';
import { AlertContextRepo } from './alert-context.repo.js';
import { AlertTimersRepo } from './alert-timers.repo.js';
import { AlertViewsRepo } from './alert-views.repo.js';
import { DeviceHealthRepo } from './device-health.repo.js';
import { AlertRaiser } from './alert-raiser.js';
import { AlertEngine } from './alert-engine.service.js';
import { TimedChecks } from './timed-checks.service.js';
import { AlertViews } from './alert-views.service.js';
import { DispatchActions } from './dispatch-actions.service.js';
import { ResponderAnswers } from './responder-answers.service.js';
import { DeviceCommands } from './device-commands.js';
import { alertsRoutes } from './alerts.routes.js';
import { EarlyNotices } from './early-notices.js';
import { IncidentsRepo } from './incidents.repo.js';
import { IncidentsService } from './incidents.service.js';
import { ProvisionalBoard } from './provisional-board.js';
import { SlaRepo } from './sla.repo.js';
import { SlaService } from './sla.service.js';
import { slaRoutes } from './sla.routes.js';
import { Watchdog } from './watchdog.js';

export async function createAlertsModule(
  ctx: HubContext,
  d: { tenants: TenantSettings; firstTenantId: string; mqtt: MqttLink },
) {
  const { database, clock } = ctx;
  const { tenants } = d;
  const log = ctx.log.child({ mod: 'alerts' });
  const rules = tenants.rules;

  // ---- repositories: the alarm path's own session (embedded: ahead of telemetry batches) ----------
  const urgent = database.urgent;
  const repo = new AlertsRepo(urgent, outbox);
  const timers = new AlertTimersRepo(urgent, repo);
  const health = new DeviceHealthRepo(urgent, repo);
  const viewsRepo = new AlertViewsRepo(urgent);
  const plans = new ActionPlansService(new ActionPlansRepo(urgent.$client));

  // ---- services ---------------------------------------------------------------------------------
  const gateway = new AlertsGateway(ctx.sockets);
  const commands = new DeviceCommands({ devices: d.mqtt, clock, log, language: tenants.language });
  const raiser = new AlertRaiser({ repo, context: new AlertContextRepo(urgent), clock, log, rules, gateway });
  const engine = new AlertEngine({ repo, health, raiser, commands, clock, log, rules, timeZone: tenants.timeZone });
  const checks = new TimedChecks({ timers, health, raiser, engine, gateway, clock, log });
  const views = new AlertViews({ repo, views: viewsRepo, rules, plans });
  const dispatch = new DispatchActions({ repo, views, reads: viewsRepo, raiser, commands, clock, rules, plans });
  const answers = new ResponderAnswers({ repo, timers, raiser, commands, clock, rules });
  const provisional = new ProvisionalBoard(gateway);
  const pipeline = new AlarmPipeline({
    engine,
    early: new EarlyNotices(gateway),
    provisionalBoard: provisional,
    metrics: ctx.metrics,
    log,
  });
  try {
    log.info({ residents: await raiser.warmResidents() }, 'resident contexts cached for alarms');
  } catch (err) {
    log.warn({ err }, 'could not cache resident contexts; they load on first use');
  }
  const sla = new SlaService(new SlaRepo(database.db), clock, tenants.timeZone, tenants.slaTargets);
  const incidents = new IncidentsService(new IncidentsRepo(database.db), clock, tenants.timeZone);

  // ---- scheduled jobs (the first district's rules) ----------------------------------------------
  const first = () => rules(d.firstTenantId);
  const tick = async () => void (await checks.tick(first()));
  const watchdog = new Watchdog({
    views,
    repo,
    gateway,
    tenantIds: () => tenants.ids(),
    ackEscalationMs: (tenantId) => rules(tenantId).ackEscalationMs,
    clock,
    log,
  });
  ctx.scheduler.every(1000, 'alert-timers', tick);
  ctx.scheduler.every(60_000, 'device-silence', () => checks.checkSilentDevices(first()));
  ctx.scheduler.every(5 * 60_000, 'inactivity', () => checks.checkInactivity(first(), tenants.timeZone));
  ctx.scheduler.every(3600_000, 'periodic-tests', () => checks.checkPeriodicTests(first()));
  ctx.scheduler.every(60_000, 'offline-devices', () => checks.refreshOfflineDevices());
  ctx.scheduler.every(15_000, 'watchdog', () => watchdog.check());

  const api = {
    list: views.list.bind(views),
    get: views.get.bind(views),
    claim: dispatch.claim.bind(dispatch),
    act: dispatch.act.bind(dispatch),
    tickStep: dispatch.tickStep.bind(dispatch),
    phoneIn: dispatch.phoneIn.bind(dispatch),
  };
  return {
    ...{ pipeline, engine, checks, views, dispatch, answers, provisional, sla },
    routes: [alertsRoutes(api, incidents), slaRoutes(sla, { set: tenants.setSlaTargets })],
    /** The dispatch settings (each alarm kind's action plan, the map link template). */
    actionPlanRoutes: [actionPlansRoutes(plans)],
    /** Runs the timed alert steps now (cancel windows, escalations); normally every second. */
    tick,
    /** Before the schedule starts: which devices have an open device-offline alert. */
    start: () => checks.refreshOfflineDevices(),
    /** Where a resident's alarm would come from, as the alarm path records it (the demo history uses it). */
    placeOf: (residentId: string, institutionId: string) => raiser.placeOfResident(residentId, institutionId),
  };
}
export type AlertsModule = Awaited<ReturnType<typeof createAlertsModule>>;
