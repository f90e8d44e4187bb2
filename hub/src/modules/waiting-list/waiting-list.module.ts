/** The admission waiting list (轮候) of public institutions, in priority order. */
import type { HubContext } from '../module.js';
import type { RegisterAudit } from '../audit/register-audit.js';
import type { InstitutionsService } from '../institutions/institutions.service.js';
import type { ResidentsService } from '../residents/residents.service.js';
import { WaitingListRepo } from './waiting-list.repo.js';
import { waitingListRoutes } from './waiting-list.routes.js';
import { WaitingListService } from './waiting-list.service.js';

export function createWaitingListModule(
  ctx: HubContext,
  d: {
    institutions: InstitutionsService;
    residents: ResidentsService;
    audit: RegisterAudit;
    timeZone(tenantId: string): string;
  },
) {
  const service = new WaitingListService(
    new WaitingListRepo(ctx.database.db),
    d.institutions,
    d.residents,
    d.audit,
    ctx.clock,
    d.timeZone,
  );
  return { service, routes: [waitingListRoutes(service)] };
}
