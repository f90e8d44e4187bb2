import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tenants } from '../../db/schema.js';

export interface TenantRow {
  id: string;
  name: string;
  timezone: string;
  settings: unknown;
}

export class TenantsRepo {
  constructor(private readonly db: Db) {}

  async first(): Promise<{ id: string } | undefined> {
    const [row] = await this.db.select({ id: tenants.id }).from(tenants).orderBy(asc(tenants.createdAt)).limit(1);
    return row;
  }

  all(): Promise<TenantRow[]> {
    return this.db
      .select({ id: tenants.id, name: tenants.name, timezone: tenants.timezone, settings: tenants.settings })
      .from(tenants);
  }

  async create(name: string, timezone: string): Promise<string> {
    const [row] = await this.db.insert(tenants).values({ name, timezone }).returning({ id: tenants.id });
    return row!.id;
  }

  /** Sets one top-level key of a tenant's settings, keeping the others. */
  async setSetting(tenantId: string, key: string, value: unknown): Promise<void> {
    await this.db
      .update(tenants)
      .set({ settings: sql`${tenants.settings} || jsonb_build_object(${key}::text, ${JSON.stringify(value)}::jsonb)` })
      .where(eq(tenants.id, tenantId));
  }
}
