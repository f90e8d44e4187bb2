import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tenants } from '../../db/schema.js';

export class TenantsRepo {
  constructor(private readonly db: Db) {}

  async first(): Promise<{ id: string } | undefined> {
    const [row] = await this.db.select({ id: tenants.id }).from(tenants).orderBy(asc(tenants.createdAt)).limit(1);
    return row;
  }

  async create(name: string, timezone: string): Promise<string> {
    const [row] = await this.db.insert(tenants).values({ name, timezone }).returning({ id: tenants.id });
    return row!.id;
  }
}
