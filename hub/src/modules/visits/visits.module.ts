/** Welfare visits to elders at home (a concern raised on a visit becomes an incident). */
import type { HubContext } from '../module.js';
import type { RegisterAudit } from '../audit/register-audit.js';
import type { MembersService } from '../timebank/members.service.js';
import type { AlertEngine } from '../alerts/alert-engine.service.js';
import { VisitsRepo } from './visits.repo.js';
import { VisitsService } from './visits.service.js';
import { visitsRoutes } from './visits.routes.js';

export function createVisitsModule(
  ctx: HubContext,
  d: {
    audit: RegisterAudit;
    timeZone(tenantId: string): string;
    members: MembersService;
    alerts: Pick<AlertEngine, 'raiseWelfareConcern'>;
  },
) {
  const service = new VisitsService({
    repo: new VisitsRepo(ctx.database.db),
    clock: ctx.clock,
    log: ctx.log.child({ mod: 'visits' }),
    timeZone: d.timeZone,
    volunteerIds: async (user) => (await d.members.volunteersOf(user)).map((v) => v.id),
    audit: d.audit,
    raiseConcern: (c) => d.alerts.raiseWelfareConcern(c),
  });
  return { service, routes: [visitsRoutes(service)] };
}
