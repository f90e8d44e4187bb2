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

  async listDeadLetters(limit: number) {
    const res = await this.db.$client.query(
      `SELECT id, received_at, topic, device_id, reason, payload FROM dead_letters ORDER BY id DESC LIMIT $1`,
      [limit],
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
