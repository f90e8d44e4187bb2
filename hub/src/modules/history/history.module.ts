/** The incident history (search, export). */
import type { HubContext } from '../module.js';
import { HistoryRepo } from './history.repo.js';
import { HistoryService } from './history.service.js';
import { historyRoutes } from './history.routes.js';

export function createHistoryModule(ctx: HubContext, d: { timeZone(tenantId: string): string }) {
  const service = new HistoryService(new HistoryRepo(ctx.database.db), d.timeZone);
  return { service, routes: [historyRoutes(service)] };
}
