/** The register's audit log: every module records its register changes through `register`. */
import type { HubContext } from '../module.js';
import { AuditRepo } from './audit.repo.js';
import { RegisterAudit } from './register-audit.js';
import { AuditService } from './audit.service.js';
import { auditRoutes } from './audit.routes.js';

export function createAuditModule(ctx: HubContext, d: { timeZone(tenantId: string): string }) {
  const repo = new AuditRepo(ctx.database.db);
  const register = new RegisterAudit(repo, ctx.clock, ctx.log.child({ mod: 'audit' }));
  return { register, routes: [auditRoutes(new AuditService(repo, d.timeZone))] };
}
