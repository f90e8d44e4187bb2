/** DC-09 accounts in the database. */
import type { Db } from '../../db/client.js';

export interface Dc09AccountRow {
  id: string;
  tenantId: string;
  deviceId: string;
  receiver: string | null;
  line: string;
  account: string;
  vendor: string;
  keyEnc: string | null;
  supervisionSeconds: number | null;
  lastMessageAt: Date | null;
  supervisionLost: boolean;
  createdAt: Date;
}

const COLUMNS = `id, tenant_id AS "tenantId", device_id AS "deviceId", receiver, line, account, vendor,
  key_enc AS "keyEnc", supervision_seconds AS "supervisionSeconds", last_message_at AS "lastMessageAt",
  supervision_lost AS "supervisionLost", created_at AS "createdAt"`;

export type Dc09AccountChange = Partial<
  Pick<Dc09AccountRow, 'receiver' | 'line' | 'account' | 'vendor' | 'keyEnc' | 'supervisionSeconds'>
>;

const COLUMN_OF: Record<keyof Dc09AccountChange, string> = {
  receiver: 'receiver',
  line: 'line',
  account: 'account',
  vendor: 'vendor',
  keyEnc: 'key_enc',
  supervisionSeconds: 'supervision_seconds',
};

export class Dc09Repo {
  constructor(private readonly db: Db) {}

  /** The account a frame's receiver/line/account speaks for; an exact receiver wins over "any receiver". */
  async findByRoute(receiver: string | null, line: string, account: string): Promise<Dc09AccountRow | null> {
    const res = await this.db.$client.query<Dc09AccountRow>(
      `SELECT ${COLUMNS} FROM dc09_accounts
        WHERE line = $2 AND account = $3 AND (receiver IS NULL OR receiver = $1)
        ORDER BY receiver NULLS LAST LIMIT 1`,
      [receiver, line, account],
    );
    return res.rows[0] ?? null;
  }

  async list(tenantId: string, deviceId?: string): Promise<Dc09AccountRow[]> {
    const res = await this.db.$client.query<Dc09AccountRow>(
      `SELECT ${COLUMNS} FROM dc09_accounts WHERE tenant_id = $1 AND ($2::text IS NULL OR device_id = $2)
        ORDER BY created_at, id`,
      [tenantId, deviceId ?? null],
    );
    return res.rows;
  }

  async get(tenantId: string, id: string): Promise<Dc09AccountRow | null> {
    const res = await this.db.$client.query<Dc09AccountRow>(
      `SELECT ${COLUMNS} FROM dc09_accounts WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    return res.rows[0] ?? null;
  }

  async insert(
    a: Omit<Dc09AccountRow, 'id' | 'lastMessageAt' | 'supervisionLost' | 'createdAt'>,
  ): Promise<Dc09AccountRow> {
    const res = await this.db.$client.query<Dc09AccountRow>(
      `INSERT INTO dc09_accounts (tenant_id, device_id, receiver, line, account, vendor, key_enc, supervision_seconds)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [a.tenantId, a.deviceId, a.receiver, a.line, a.account, a.vendor, a.keyEnc, a.supervisionSeconds],
    );
    return res.rows[0]!;
  }

  /** Changes only the given fields. */
  async update(tenantId: string, id: string, change: Dc09AccountChange): Promise<Dc09AccountRow | null> {
    const keys = (Object.keys(change) as (keyof Dc09AccountChange)[]).filter((k) => change[k] !== undefined);
    if (!keys.length) return this.get(tenantId, id);
    const sets = keys.map((k, i) => `${COLUMN_OF[k]} = $${i + 3}`);
    const res = await this.db.$client.query<Dc09AccountRow>(
      `UPDATE dc09_accounts SET ${sets.join(', ')} WHERE tenant_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [tenantId, id, ...keys.map((k) => change[k])],
    );
    return res.rows[0] ?? null;
  }

  async remove(tenantId: string, id: string): Promise<boolean> {
    const res = await this.db.$client.query(`DELETE FROM dc09_accounts WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      id,
    ]);
    return (res.rowCount ?? 0) > 0;
  }

  /** Records a message; true when the account had been reported offline (it is back now). */
  async markSeen(id: string, at: Date): Promise<boolean> {
    const res = await this.db.$client.query<{ was: boolean }>(
      `UPDATE dc09_accounts a SET last_message_at = $2, supervision_lost = false
         FROM (SELECT id, supervision_lost AS was FROM dc09_accounts WHERE id = $1 FOR UPDATE) o
        WHERE a.id = o.id RETURNING o.was`,
      [id, at],
    );
    return res.rows[0]?.was ?? false;
  }

  /**
   * Claims the supervised accounts silent longer than their interval (each once, whichever hub
   * claims it first) and returns their devices.
   */
  async claimSilent(now: Date): Promise<{ id: string; deviceId: string }[]> {
    const res = await this.db.$client.query<{ id: string; deviceId: string }>(
      `UPDATE dc09_accounts SET supervision_lost = true
        WHERE supervision_seconds IS NOT NULL AND NOT supervision_lost
          AND coalesce(last_message_at, created_at) < $1::timestamptz - make_interval(secs => supervision_seconds)
        RETURNING id, device_id AS "deviceId"`,
      [now],
    );
    return res.rows;
  }
}
