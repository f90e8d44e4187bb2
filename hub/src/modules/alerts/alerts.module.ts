/**
 * Alerts: the alarm pipeline from ingest to the screens, the rules and timed checks behind it, the
 * dispatcher's actions, action plans and the SLA and incident reports. Builds its own parts,
 * registers its routes and its scheduled jobs.
 */
import type { HubContext } from '../module.js';
import type { MqttLink } from '../../mqtt/link.js';
import type { TenantSettings } from '../tenants/tenant-settings.js';
import { ActionPlansRepo } from './action-plans.repo.js';
import { ActionPlansService } from './action-plans.service.js';
import { actionPlansRoutes } from './action-plans.routes.js';
import { AlarmPipeline } from './alarm-pipeline.js';
import { AlertsGateway } from './alerts.gateway.js';
import { AlertsRepo } from './alerts.repo.js';
import { AlertsService } from './alerts.service.js';
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
  const gateway = new AlertsGateway(ctx.sockets);
  const plans = new ActionPlansService(new ActionPlansRepo(database.urgent.$client));
  // The alarm path's own session (embedded: ahead of telemetry batches).
  const repo = new AlertsRepo(database.urgent);
  const alerts = new AlertsService({
    plans,
    repo,
    clock,
    log,
    rules: tenants.rules,
    timeZone: tenants.timeZone,
    language: tenants.language,
    gateway,
    devices: d.mqtt,
  });
  try {
    log.info({ residents: await alerts.warmResidents() }, 'resident contexts cached for alarms');
  } catch (err) {
    log.warn({ err }, 'could not cache resident contexts; they load on first use');
  }
  const provisional = new ProvisionalBoard(gateway);
  const pipeline = new AlarmPipeline({
    engine: alerts,
    early: new EarlyNotices(gateway),
    provisionalBoard: provisional,
    metrics: ctx.metrics,
    log,
  });
  const sla = new SlaService(new SlaRepo(database.db), clock, tenants.timeZone, tenants.slaTargets);
  const incidents = new IncidentsService(new IncidentsRepo(database.db), clock, tenants.timeZone);

  // ---- scheduled jobs (the first district's rules) ----------------------------------------------
  const rules = () => tenants.rules(d.firstTenantId);
  const tick = async () => void (await alerts.tick(rules()));
  const watchdog = new Watchdog({
    alerts,
    gateway,
    tenantIds: () => tenants.ids(),
    ackEscalationMs: (tenantId) => tenants.rules(tenantId).ackEscalationMs,
    clock,
    log,
  });
  ctx.scheduler.every(1000, 'alert-timers', tick);
  ctx.scheduler.every(60_000, 'device-silence', () => alerts.checkSilentDevices(rules()));
  ctx.scheduler.every(5 * 60_000, 'inactivity', () => alerts.checkInactivity(rules(), tenants.timeZone));
  ctx.scheduler.every(3600_000, 'periodic-tests', () => alerts.checkPeriodicTests(rules()));
  ctx.scheduler.every(60_000, 'offline-devices', () => alerts.refreshOfflineDevices());
  ctx.scheduler.every(15_000, 'watchdog', () => watchdog.check());

  return {
    alerts,
    pipeline,
    provisional,
    sla,
    routes: [alertsRoutes(alerts, incidents), slaRoutes(sla, { set: tenants.setSlaTargets }), actionPlansRoutes(plans)],
    /** Runs the timed alert steps now (cancel windows, escalations); normally every second. */
    tick,
    /** Before the schedule starts: which devices have an open device-offline alert. */
    start: () => alerts.refreshOfflineDevices(),
    /** Where a resident's alarm would come from, as the alarm path records it (the demo history uses it). */
    placeOf: (residentId: string, institutionId: string) => alerts.placeOfResident(residentId, institutionId),
  };
}
export type AlertsModule = Awaited<ReturnType<typeof createAlertsModule>>;
