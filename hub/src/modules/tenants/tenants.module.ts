/** Districts (tenants): the first one at start, each one's settings (refreshed every minute), and the reference check of writes. */
import type { HubContext } from '../module.js';
import { provideTenantReferences } from '../../http/tenant-references.js';
import { TenantsRepo } from './tenants.repo.js';
import { TenantSettings } from './tenant-settings.js';
import { TenantRefsRepo } from './tenant-refs.repo.js';

export async function createTenantsModule(ctx: HubContext) {
  const repo = new TenantsRepo(ctx.database.db);
  const settings = new TenantSettings(repo, ctx.config.TZ);
  ctx.scheduler.every(60_000, 'tenant-settings', () => settings.refresh());
  return {
    settings,
    /** The district of this installation: the first one, created (named) at the very first start. */
    async first(name: string): Promise<{ id: string; created: boolean }> {
      const t = await repo.first();
      if (t) return { id: t.id, created: false };
      return { id: await repo.create(name, ctx.config.TZ), created: true };
    },
    /** Every write's references are checked against the writer's tenant (http/tenant-references.ts). */
    references: provideTenantReferences(new TenantRefsRepo(ctx.database.pool)),
  };
}
export type TenantsModule = Awaited<ReturnType<typeof createTenantsModule>>;
