/**
 * Meal assistance: the catalogue (kitchens, plans, routes), daily orders and delivery runs, with
 * their jobs (tomorrow's orders, missed pick-ups and deliveries). A missed meal becomes a
 * welfare-check incident; a volunteer's run is credited to their time-bank account.
 */
import type { HubContext } from '../module.js';
import type { RegisterAudit } from '../audit/register-audit.js';
import type { AlertEngine } from '../alerts/alert-engine.service.js';
import type { VisitsService } from '../visits/visits.service.js';
import type { LedgerService } from '../timebank/ledger.service.js';
import { CatalogRepo } from './catalog.repo.js';
import { MealPeopleRepo } from './meal-people.repo.js';
import { OrdersRepo } from './orders.repo.js';
import { RunsRepo } from './runs.repo.js';
import { MealsService } from './meals.service.js';
import { OrdersService } from './orders.service.js';
import { RunsService } from './runs.service.js';
import { mealsRoutes } from './meals.routes.js';
import { runsRoutes } from './runs.routes.js';

export function createMealsModule(
  ctx: HubContext,
  d: {
    audit: RegisterAudit;
    timeZone(tenantId: string): string;
    tenantIds(): string[];
    alerts: Pick<AlertEngine, 'raiseMissedMeal'>;
    visits: Pick<VisitsService, 'recordContact'>;
    ledger: Pick<LedgerService, 'creditVolunteerWork'>;
  },
) {
  const db = ctx.database.db;
  const catalogRepo = new CatalogRepo(db);
  const people = new MealPeopleRepo(db);
  const log = ctx.log.child({ mod: 'meals' });
  const base = { clock: ctx.clock, log, timeZone: d.timeZone };
  const catalog = new MealsService({ ...base, catalog: catalogRepo, people, audit: d.audit });
  const orders = new OrdersService({
    ...base,
    catalog: catalogRepo,
    orders: new OrdersRepo(db),
    meals: catalog,
    tenantIds: d.tenantIds,
  });
  const runs = new RunsService({
    ...base,
    runs: new RunsRepo(db),
    people,
    raiseMissedMeal: (c) => d.alerts.raiseMissedMeal(c),
    recordContact: (c) => d.visits.recordContact(c),
    creditRun: async (c) =>
      (
        await d.ledger.creditVolunteerWork({
          userId: c.runnerUserId,
          minutes: c.minutes,
          idempotencyKey: `meal-run:${c.runId}`,
          memo: c.memo,
        })
      )?.id ?? null,
  });
  ctx.scheduler.every(15 * 60_000, 'meal-orders', () => orders.generateTomorrow());
  ctx.scheduler.every(60_000, 'meal-checks', () => runs.checkMissed());
  return {
    catalog,
    orders,
    runs,
    routes: [mealsRoutes(catalog, orders), runsRoutes(runs)],
    /** Tomorrow's orders, then missed pick-ups (normally on a schedule). */
    runJobs: async () => ({ created: await orders.generateTomorrow(), missed: await runs.checkMissed() }),
  };
}
