import type { Db } from '../db/client.js';

export interface DeadLetterRow {
  receivedAt: Date;
  topic: string;
  deviceId: string | null;
  reason: string;
  payload: string;
}

export class IngestRepo {
  constructor(private readonly db: Db) {}

  async insertDeadLetters(rows: DeadLetterRow[]): Promise<void> {
    if (!rows.length) return;
    await this.db.$client.query(
      `INSERT INTO dead_letters (received_at, topic, device_id, reason, payload)
       SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[])`,
      [
        rows.map((r) => r.receivedAt),
        rows.map((r) => r.topic),
        rows.map((r) => r.deviceId),
        rows.map((r) => r.reason),
        rows.map((r) => r.payload),
      ],
    );
  }

  /**
   * Stores a device event exactly once: the (device, eventId) pair is claimed and the event stored in
   * one statement. Returns false for a redelivery.
   */
  async insertEventOnce(e: {
    ts: Date;
    receivedAt: Date;
    deviceId: string;
    residentId: string | null;
    eventId: string;
    type: string;
    body: unknown;
  }): Promise<boolean> {
    const res = await this.db.$client.query(
      `WITH fresh AS (
         INSERT INTO processed_events (device_id, event_id, received_at) VALUES ($3, $5, $2)
         ON CONFLICT DO NOTHING RETURNING 1)
       INSERT INTO device_events (ts, received_at, device_id, resident_id, event_id, type, body)
       SELECT $1, $2, $3, $4, $5, $6, $7 WHERE EXISTS (SELECT 1 FROM fresh)`,
      [e.ts, e.receivedAt, e.deviceId, e.residentId, e.eventId, e.type, JSON.stringify(e.body)],
    );
    return (res.rowCount ?? 0) > 0;
  }

  /**
   * A district's refused messages, newest first: those of its own devices and of device ids nobody
   * registered (they belong to no district) — never those of another district's devices.
   */
  async listDeadLetters(tenantId: string, q: { limit: number; before?: number; deviceId?: string; q?: string }) {
    const res = await this.db.$client.query(
      `SELECT d.id, d.received_at, d.topic, d.device_id, d.reason, d.payload FROM dead_letters d
        WHERE NOT EXISTS (SELECT 1 FROM devices x WHERE x.id = d.device_id AND x.tenant_id <> $1)
          AND ($3::bigint IS NULL OR d.id < $3)
          AND ($4::text IS NULL OR d.device_id = $4)
          AND ($5::text IS NULL OR strpos(lower(d.reason), lower($5)) > 0)
        ORDER BY d.id DESC LIMIT $2`,
      [tenantId, q.limit, q.before ?? null, q.deviceId ?? null, q.q ?? null],
    );
    return res.rows.map((r: Record<string, unknown>) => ({
      id: Number(r.id),
      receivedAt: (r.received_at as Date).toISOString(),
      topic: String(r.topic),
      deviceId: (r.device_id as string | null) ?? null,
      reason: String(r.reason),
      payload: String(r.payload),
    }));
  }
}
