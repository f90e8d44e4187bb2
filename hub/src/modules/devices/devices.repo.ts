import { and, count, eq, gt, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { devices } from '../../db/schema.js';

export type DeviceRow = typeof devices.$inferSelect;
export type DeviceInsert = typeof devices.$inferInsert;

export interface DeviceStateUpdate {
  id: string;
  lastSeen: Date;
  online: boolean | null;
  battery: number | null;
  signal: number | null;
  firmware: string | null;
}

export interface DeviceListFilter {
  tenantId: string;
  residentId?: string;
  institutionId?: string;
  includeRetired?: boolean;
}

export class DevicesRepo {
  constructor(private readonly db: Db) {}

  private where(f: DeviceListFilter): SQL | undefined {
    const where: SQL[] = [eq(devices.tenantId, f.tenantId)];
    if (!f.includeRetired) where.push(isNull(devices.retiredAt));
    if (f.residentId) where.push(eq(devices.residentId, f.residentId));
    if (f.institutionId) where.push(eq(devices.institutionId, f.institutionId));
    return and(...where);
  }

  /** Every matching device, in id order (for internal use; the API pages with `page`). */
  async list(f: DeviceListFilter): Promise<DeviceRow[]> {
    return this.db.select().from(devices).where(this.where(f)).orderBy(devices.id);
  }

  /** Up to `limit` matching devices with an id after `after`, in id order, and how many match in all. */
  async page(f: DeviceListFilter, limit: number, after?: string): Promise<{ rows: DeviceRow[]; total: number }> {
    const where = this.where(f);
    const rows = await this.db
      .select()
      .from(devices)
      .where(after ? and(where, gt(devices.id, after)) : where)
      .orderBy(devices.id)
      .limit(limit);
    const [all] = await this.db.select({ n: count() }).from(devices).where(where);
    return { rows, total: Number(all?.n ?? 0) };
  }

  /** Devices in service by state, counted by the database. */
  async summary(f: DeviceListFilter, lowBattery: number) {
    const [r] = await this.db
      .select({
        total: count(),
        online: sql<number>`count(*) FILTER (WHERE ${devices.online})`,
        lowBattery: sql<number>`count(*) FILTER (WHERE ${lte(devices.battery, lowBattery)})`,
      })
      .from(devices)
      .where(this.where(f));
    const total = Number(r?.total ?? 0);
    const online = Number(r?.online ?? 0);
    return { total, online, offline: total - online, lowBattery: Number(r?.lowBattery ?? 0) };
  }

  async get(id: string): Promise<DeviceRow | undefined> {
    const [row] = await this.db.select().from(devices).where(eq(devices.id, id));
    return row;
  }

  /** Everything the ingest path needs to know about every device (loaded once at start). */
  all(): Promise<DeviceRow[]> {
    return this.db.select().from(devices);
  }

  async insert(values: DeviceInsert): Promise<DeviceRow> {
    const [row] = await this.db.insert(devices).values(values).returning();
    return row!;
  }

  async update(
    id: string,
    patch: Partial<Pick<DeviceRow, 'label' | 'residentId' | 'institutionId' | 'roomId' | 'retiredAt'>>,
  ): Promise<DeviceRow | undefined> {
    if (Object.keys(patch).length === 0) return this.get(id);
    const [row] = await this.db.update(devices).set(patch).where(eq(devices.id, id)).returning();
    return row;
  }

  async setSecretHash(id: string, secretHash: string): Promise<DeviceRow | undefined> {
    const [row] = await this.db.update(devices).set({ secretHash }).where(eq(devices.id, id)).returning();
    return row;
  }

  /** Applies the latest known state of many devices in one statement. */
  async applyState(updates: DeviceStateUpdate[]): Promise<void> {
    if (!updates.length) return;
    await this.db.$client.query(
      `UPDATE devices d SET
         last_seen = GREATEST(d.last_seen, u.last_seen),
         online = COALESCE(u.online, d.online),
         -- Reporting without a break since: kept while online, begun when it comes (back) online.
         reporting_since = CASE WHEN NOT COALESCE(u.online, d.online) THEN NULL
                                WHEN d.online AND d.reporting_since IS NOT NULL THEN d.reporting_since
                                ELSE u.last_seen END,
         battery = COALESCE(u.battery, d.battery),
         signal = COALESCE(u.signal, d.signal),
         firmware = COALESCE(u.firmware, d.firmware)
       FROM unnest($1::text[], $2::timestamptz[], $3::boolean[], $4::smallint[], $5::smallint[], $6::text[])
         AS u(id, last_seen, online, battery, signal, firmware)
       WHERE d.id = u.id`,
      [
        updates.map((u) => u.id),
        updates.map((u) => u.lastSeen),
        updates.map((u) => u.online),
        updates.map((u) => u.battery),
        updates.map((u) => u.signal),
        updates.map((u) => u.firmware),
      ],
    );
  }
}
