/** Care-needs assessments of elders. */
import type { HubContext } from '../module.js';
import type { RegisterAudit } from '../audit/register-audit.js';
import type { ResidentsService } from '../residents/residents.service.js';
import { AssessmentsRepo } from './assessments.repo.js';
import { AssessmentsService } from './assessments.service.js';
import { assessmentsRoutes } from './assessments.routes.js';

export function createAssessmentsModule(
  ctx: HubContext,
  d: { audit: RegisterAudit; residents: ResidentsService; timeZone(tenantId: string): string },
) {
  const repo = new AssessmentsRepo(ctx.database.db);
  const service = new AssessmentsService(repo, d.residents, d.audit, ctx.clock, d.timeZone);
  return { service, routes: [assessmentsRoutes(service)] };
}
