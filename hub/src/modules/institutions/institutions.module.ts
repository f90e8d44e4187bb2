/** Care institutions: the register (rooms, beds), staff shifts and the institution's live board. */
import type { HubContext } from '../module.js';
import type { RegisterAudit } from '../audit/register-audit.js';
import type { RegionsService } from '../regions/regions.service.js';
import { InstitutionsRepo } from './institutions.repo.js';
import { InstitutionsService } from './institutions.service.js';
import { institutionsRoutes } from './institutions.routes.js';
import { BoardRepo } from './board.repo.js';
import { BoardService } from './board.service.js';
import { ShiftsRepo } from './shifts.repo.js';
import { ShiftsService } from './shifts.service.js';

export function createInstitutionsModule(ctx: HubContext, d: { audit: RegisterAudit; regions: RegionsService }) {
  const service = new InstitutionsService(new InstitutionsRepo(ctx.database.db), d.audit, ctx.clock, d.regions);
  const shifts = new ShiftsService(new ShiftsRepo(ctx.database.db), service, ctx.clock);
  const board = new BoardService(new BoardRepo(ctx.database.db), service, shifts, ctx.clock);
  return { service, shifts, board, routes: [institutionsRoutes(service, board, shifts)] };
}
export type InstitutionsModule = ReturnType<typeof createInstitutionsModule>;
