/** User accounts (admins manage them). */
import type { HubContext } from '../module.js';
import type { AuthService } from '../auth/auth.service.js';
import type { RegisterAudit } from '../audit/register-audit.js';
import { UsersRepo } from './users.repo.js';
import { UsersService } from './users.service.js';
import { usersRoutes } from './users.routes.js';

export function createUsersModule(ctx: HubContext, d: { auth: AuthService; audit: RegisterAudit }) {
  const service = new UsersService(new UsersRepo(ctx.database.db), d.auth, d.audit, ctx.clock);
  return { service, routes: [usersRoutes(service)] };
}
