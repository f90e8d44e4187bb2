import { and, eq, isNull, type SQL } from 'drizzle-orm';
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

export class DevicesRepo {
  constructor(private readonly db: Db) {}

  async list(f: {
    tenantId: string;
    residentId?: string;
    institutionId?: string;
    includeRetired?: boolean;
  }): Promise<DeviceRow[]> {
    const where: SQL[] = [eq(devices.tenantId, f.tenantId)];
    if (!f.includeRetired) where.push(isNull(devices.retiredAt));
    if (f.residentId) where.push(eq(devices.residentId, f.residentId));
    if (f.institutionId) where.push(eq(devices.institutionId, f.institutionId));
    return this.db
      .select()
      .from(devices)
      .where(and(...where))
      .orderBy(devices.id);
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
