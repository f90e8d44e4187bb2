/** The rural left-behind elders register (留守老年人): care contacts and visit status. */
import type { HubContext } from '../module.js';
import type { RegisterAudit } from '../audit/register-audit.js';
import type { RegionsService } from '../regions/regions.service.js';
import type { ResidentsService } from '../residents/residents.service.js';
import type { VisitsService } from '../visits/visits.service.js';
import { LeftBehindRepo } from './left-behind.repo.js';
import { leftBehindRoutes } from './left-behind.routes.js';
import { LeftBehindService } from './left-behind.service.js';

export function createLeftBehindModule(
  ctx: HubContext,
  d: {
    residents: ResidentsService;
    regions: RegionsService;
    visits: VisitsService;
    audit: RegisterAudit;
    timeZone(tenantId: string): string;
  },
) {
  const service = new LeftBehindService(
    new LeftBehindRepo(ctx.database.db),
    d.residents,
    d.regions,
    d.visits,
    d.audit,
    ctx.clock,
    d.timeZone,
  );
  return { service, routes: [leftBehindRoutes(service)] };
}
