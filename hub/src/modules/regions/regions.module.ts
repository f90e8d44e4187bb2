/** The district's regions (township, community) and what is in them. */
import type { HubContext } from '../module.js';
import type { RegisterAudit } from '../audit/register-audit.js';
import { RegionsRepo } from './regions.repo.js';
import { RegionsService } from './regions.service.js';
import { regionsRoutes } from './regions.routes.js';

export function createRegionsModule(ctx: HubContext, d: { audit: RegisterAudit }) {
  const service = new RegionsService(new RegionsRepo(ctx.database.db), d.audit, ctx.clock);
  return { service, routes: [regionsRoutes(service)] };
}
