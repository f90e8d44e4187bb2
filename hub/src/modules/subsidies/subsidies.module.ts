/** Subsidies: categories the district defines, elders' entitlements and monthly totals. */
import type { HubContext } from '../module.js';
import type { RegisterAudit } from '../audit/register-audit.js';
import type { RegionsService } from '../regions/regions.service.js';
import type { ResidentsService } from '../residents/residents.service.js';
import { SubsidiesRepo } from './subsidies.repo.js';
import { subsidiesRoutes } from './subsidies.routes.js';
import { SubsidiesService } from './subsidies.service.js';

export function createSubsidiesModule(
  ctx: HubContext,
  d: { residents: ResidentsService; regions: RegionsService; audit: RegisterAudit; timeZone(tenantId: string): string },
) {
  const service = new SubsidiesService(
    new SubsidiesRepo(ctx.database.db),
    d.residents,
    d.regions,
    d.audit,
    ctx.clock,
    d.timeZone,
  );
  return { service, routes: [subsidiesRoutes(service)] };
}
