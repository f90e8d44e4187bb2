/** The register of elders. */
import type { HubContext } from '../module.js';
import type { RegisterAudit } from '../audit/register-audit.js';
import type { RegionsService } from '../regions/regions.service.js';
import type { InstitutionsService } from '../institutions/institutions.service.js';
import { ResidentsRepo } from './residents.repo.js';
import { ResidentsService } from './residents.service.js';
import { residentsRoutes } from './residents.routes.js';

export function createResidentsModule(
  ctx: HubContext,
  d: { audit: RegisterAudit; regions: RegionsService; institutions: InstitutionsService },
) {
  const service = new ResidentsService(
    new ResidentsRepo(ctx.database.db),
    d.institutions,
    ctx.clock,
    d.audit,
    d.regions,
  );
  return { service, routes: [residentsRoutes(service)] };
}
