/** SQL of the reference check of writes (tenant-refs.ts): one query per write, however many references it carries. */
import type pg from 'pg';
import type { RefKind, Refs, TenantRefs } from './tenant-refs.js';

/** How to find each kind of object's tenant: a query for `:id` in `:tenant`. */
const IN_TENANT: Record<RefKind, string> = {
  institution: `SELECT 1 FROM institutions WHERE id = :id::uuid AND tenant_id = :tenant`,
  room: `SELECT 1 FROM rooms r JOIN institutions i ON i.id = r.institution_id WHERE r.id = :id::uuid AND i.tenant_id = :tenant`,
  bed: `SELECT 1 FROM beds b JOIN rooms r ON r.id = b.room_id JOIN institutions i ON i.id = r.institution_id
         WHERE b.id = :id::uuid AND i.tenant_id = :tenant`,
  region: `SELECT 1 FROM regions WHERE id = :id::uuid AND tenant_id = :tenant`,
  resident: `SELECT 1 FROM residents WHERE id = :id::uuid AND tenant_id = :tenant`,
  device: `SELECT 1 FROM devices WHERE id = :id AND tenant_id = :tenant`,
  user: `SELECT 1 FROM users WHERE id = :id::uuid AND tenant_id = :tenant`,
  kitchen: `SELECT 1 FROM meal_kitchens WHERE id = :id::uuid AND tenant_id = :tenant`,
  route: `SELECT 1 FROM meal_routes WHERE id = :id::uuid AND tenant_id = :tenant`,
  'meal plan': `SELECT 1 FROM meal_plans WHERE id = :id::uuid AND tenant_id = :tenant`,
  program: `SELECT 1 FROM tb_programs WHERE id = :id::uuid AND tenant_id = :tenant`,
  account: `SELECT 1 FROM tb_accounts a JOIN tb_programs p ON p.id = a.program_id WHERE a.id = :id::uuid AND p.tenant_id = :tenant`,
  organisation: `SELECT 1 FROM tb_organisations o JOIN tb_programs p ON p.id = o.program_id
                  WHERE o.id = :id::uuid AND p.tenant_id = :tenant`,
  volunteer: `SELECT 1 FROM tb_volunteers v JOIN tb_programs p ON p.id = v.program_id
               WHERE v.id = :id::uuid AND p.tenant_id = :tenant`,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class TenantRefsRepo implements TenantRefs {
  constructor(private readonly pool: pg.Pool) {}

  /** The first reference that is not an object of `tenantId` (unknown or another tenant's), if any. */
  async missing(tenantId: string, refs: Refs): Promise<{ kind: RefKind; id: string } | null> {
    const wanted: { kind: RefKind; id: string }[] = [];
    for (const [kind, v] of Object.entries(refs) as [RefKind, Refs[RefKind]][]) {
      const list = v == null ? [] : typeof v === 'string' ? [v] : v;
      for (const id of new Set(list)) {
        // Ids of uuid tables that are not uuids cannot exist (and must not reach a ::uuid cast).
        if (kind !== 'device' && !UUID.test(id)) return { kind, id };
        wanted.push({ kind, id });
      }
    }
    if (!wanted.length) return null;
    // One round trip: the index of every reference that is missing from the tenant.
    const params: string[] = [tenantId];
    const parts = wanted.map(({ kind, id }, i) => {
      params.push(id);
      const q = IN_TENANT[kind].replace(':id', `$${params.length}`).replace(':tenant', '$1');
      return `SELECT ${i} AS i WHERE NOT EXISTS (${q})`;
    });
    const res = await this.pool.query<{ i: number }>(`${parts.join(' UNION ALL ')} ORDER BY i LIMIT 1`, params);
    const miss = res.rows[0];
    return miss ? wanted[miss.i]! : null;
  }
}
