import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

export interface ReadingRow {
  ts: Date;
  deviceId: string;
  residentId: string | null;
  metric: string;
  value: number;
}
export interface StatusRow {
  ts: Date;
  deviceId: string;
  online: boolean;
  battery: number | null;
  signal: number | null;
  firmware: string | null;
}
export interface VitalsPoint {
  bucket: Date;
  metric: string;
  avg: number;
  min: number;
  max: number;
  count: number;
}

/**
 * Bulk writes use `INSERT … SELECT FROM unnest(array params)`: one parameter per column whatever
 * the batch size (PGlite breaks past 32,767 parameters), about as fast as COPY.
 */
export class ReadingsRepo {
  constructor(private readonly db: Db) {}

  async insertReadings(rows: ReadingRow[]): Promise<void> {
    if (!rows.length) return;
    await this.db.$client.query(
      `INSERT INTO readings (ts, device_id, resident_id, metric, value)
       SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::uuid[], $4::text[], $5::float8[])`,
      [
        rows.map((r) => r.ts),
        rows.map((r) => r.deviceId),
        rows.map((r) => r.residentId),
        rows.map((r) => r.metric),
        rows.map((r) => r.value),
      ],
    );
  }

  async insertStatuses(rows: StatusRow[]): Promise<void> {
    if (!rows.length) return;
    await this.db.$client.query(
      `INSERT INTO device_status (ts, device_id, online, battery, signal, firmware)
       SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::boolean[], $4::smallint[], $5::smallint[], $6::text[])`,
      [
        rows.map((r) => r.ts),
        rows.map((r) => r.deviceId),
        rows.map((r) => r.online),
        rows.map((r) => r.battery),
        rows.map((r) => r.signal),
        rows.map((r) => r.firmware),
      ],
    );
  }

  /** Vitals per bucket: from a continuous aggregate when there is one, else computed from raw readings. */
  async vitals(residentId: string, from: Date, bucket: 'hour' | 'day', useAggregate: boolean): Promise<VitalsPoint[]> {
    const q = useAggregate
      ? sql`SELECT bucket, metric, avg, min, max, count FROM ${sql.raw(bucket === 'hour' ? 'vitals_hourly' : 'vitals_daily')}
             WHERE resident_id = ${residentId} AND bucket >= ${from.toISOString()}::timestamptz ORDER BY bucket, metric`
      : sql`SELECT date_trunc(${bucket}, ts) AS bucket, metric, avg(value) AS avg, min(value) AS min, max(value) AS max,
                   count(*) AS count
              FROM readings WHERE resident_id = ${residentId} AND ts >= ${from.toISOString()}::timestamptz
             GROUP BY 1, 2 ORDER BY 1, 2`;
    const res = await this.db.execute(q);
    return (res.rows as Record<string, unknown>[]).map((r) => ({
      bucket: new Date(r.bucket as string | Date),
      metric: String(r.metric),
      avg: Number(r.avg),
      min: Number(r.min),
      max: Number(r.max),
      count: Number(r.count),
    }));
  }
}
