/** SQL of service requests. Every step is a conditional update, so two people racing one step: one wins. */
import type pg from 'pg';
import type { ServiceRequest } from '@eldercare/shared';
import type { Db } from '../../db/client.js';

export interface RequestRow {
  id: string;
  tenant_id: string;
  program_id: string;
  resident_id: string;
  resident_name: string;
  community: string;
  type: string;
  status: string;
  scheduled_at: Date;
  place: string;
  notes: string;
  requested_by: string | null;
  volunteer_id: string | null;
  volunteer_name: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  dispatched_at: Date | null;
  accepted_at: Date | null;
  check_in_at: Date | null;
  check_out_at: Date | null;
  confirmed_at: Date | null;
  confirmed_by: string | null;
  auto_confirmed: boolean;
  rating: number | null;
  comment: string;
  minutes: number | null;
  dispute_reason: string;
  resolution: string;
  transfer_id: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface RequestFilter {
  tenantId: string;
  status?: string;
  type?: string;
  residentId?: string;
  volunteerIds?: string[];
  limit: number;
  offset: number;
}

const SELECT = `SELECT q.*, r.name AS resident_name, r.community, v.name AS volunteer_name, o.name AS organisation_name
  FROM tb_requests q JOIN residents r ON r.id = q.resident_id
  LEFT JOIN tb_volunteers v ON v.id = q.volunteer_id LEFT JOIN tb_organisations o ON o.id = q.organisation_id`;

type StepField =
  | 'status'
  | 'volunteerId'
  | 'organisationId'
  | 'autoConfirmed'
  | 'rating'
  | 'comment'
  | 'minutes'
  | 'disputeReason'
  | 'resolution'
  | 'transferId';
type StepTime = 'dispatchedAt' | 'acceptedAt' | 'checkInAt' | 'checkOutAt' | 'confirmedAt';

/**
 * What a step of a request changes, named as the API names the request's fields (undefined: kept);
 * the repository maps it to columns.
 */
export type RequestPatch = Partial<
  Pick<ServiceRequest, StepField> & { [K in StepTime]: Date | null } & { confirmedBy: string | null }
>;

const COLUMN_OF: { [K in keyof RequestPatch]-?: keyof RequestRow } = {
  status: 'status',
  volunteerId: 'volunteer_id',
  organisationId: 'organisation_id',
  dispatchedAt: 'dispatched_at',
  acceptedAt: 'accepted_at',
  checkInAt: 'check_in_at',
  checkOutAt: 'check_out_at',
  confirmedAt: 'confirmed_at',
  confirmedBy: 'confirmed_by',
  autoConfirmed: 'auto_confirmed',
  rating: 'rating',
  comment: 'comment',
  minutes: 'minutes',
  disputeReason: 'dispute_reason',
  resolution: 'resolution',
  transferId: 'transfer_id',
};

/** The columns a patch changes, with their values (the fields it was not sent are left out). */
export function requestColumns(p: RequestPatch): Partial<RequestRow> {
  const out: Partial<Record<keyof RequestRow, unknown>> = {};
  for (const [field, column] of Object.entries(COLUMN_OF) as [keyof RequestPatch, keyof RequestRow][])
    if (p[field] !== undefined) out[column] = p[field];
  return out as Partial<RequestRow>;
}

export class RequestsRepo {
  private readonly pool: pg.Pool;
  constructor(db: Db) {
    this.pool = db.$client;
  }

  async insert(v: {
    tenantId: string;
    programId: string;
    residentId: string;
    type: string;
    scheduledAt: Date;
    place: string;
    notes: string;
    requestedBy: string;
    at: Date;
  }): Promise<RequestRow> {
    const r = await this.pool.query<{ id: string }>(
      `INSERT INTO tb_requests (tenant_id, program_id, resident_id, type, scheduled_at, place, notes, requested_by, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$9) RETURNING id`,
      [v.tenantId, v.programId, v.residentId, v.type, v.scheduledAt, v.place, v.notes, v.requestedBy, v.at],
    );
    return (await this.get(r.rows[0]!.id))!;
  }

  async get(id: string): Promise<RequestRow | undefined> {
    const r = await this.pool.query<RequestRow>(`${SELECT} WHERE q.id = $1`, [id]);
    return r.rows[0];
  }

  async list(f: RequestFilter): Promise<{ rows: RequestRow[]; total: number }> {
    const where = ['q.tenant_id = $1'];
    const params: unknown[] = [f.tenantId];
    const add = (cond: (n: number) => string, v: unknown) => {
      params.push(v);
      where.push(cond(params.length));
    };
    if (f.status) add((n) => `q.status = $${n}`, f.status);
    if (f.type) add((n) => `q.type = $${n}`, f.type);
    if (f.residentId) add((n) => `q.resident_id = $${n}`, f.residentId);
    if (f.volunteerIds) add((n) => `q.volunteer_id = ANY($${n}::uuid[])`, f.volunteerIds);
    const cond = where.join(' AND ');
    const total = await this.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM tb_requests q WHERE ${cond}`,
      params,
    );
    const rows = await this.pool.query<RequestRow>(
      `${SELECT} WHERE ${cond} ORDER BY q.scheduled_at DESC, q.id LIMIT ${f.limit} OFFSET ${f.offset}`,
      params,
    );
    return { rows: rows.rows, total: total.rows[0]!.n };
  }

  /** Applies `patch` only while the request is in one of `from`; null when it was not (someone else moved it). */
  async transition(id: string, from: readonly string[], patch: RequestPatch, at: Date): Promise<RequestRow | null> {
    const set = requestColumns(patch);
    const cols = Object.keys(set) as (keyof RequestRow)[];
    const assigns = cols.map((c, i) => `${c} = $${i + 4}`).join(', ');
    const r = await this.pool.query<{ id: string }>(
      `UPDATE tb_requests SET ${assigns}${assigns ? ', ' : ''}updated_at = $3
        WHERE id = $1 AND status = ANY($2::text[]) RETURNING id`,
      [id, from, at, ...cols.map((c) => set[c])],
    );
    return r.rows[0] ? ((await this.get(id)) ?? null) : null;
  }

  /** Completed requests nobody confirmed or disputed before `before`, for one program. */
  async unconfirmed(programId: string, before: Date): Promise<RequestRow[]> {
    const r = await this.pool.query<RequestRow>(
      `${SELECT} WHERE q.program_id = $1 AND q.status = 'completed' AND q.check_out_at < $2 ORDER BY q.check_out_at LIMIT 500`,
      [programId, before],
    );
    return r.rows;
  }

  /** Confirmed requests whose hours were not credited yet (a crash between the two steps). */
  async uncredited(): Promise<RequestRow[]> {
    const r = await this.pool.query<RequestRow>(
      `${SELECT} WHERE q.status = 'confirmed' AND q.transfer_id IS NULL AND q.minutes > 0 LIMIT 500`,
    );
    return r.rows;
  }
}
