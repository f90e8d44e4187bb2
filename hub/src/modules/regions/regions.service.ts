/** The region hierarchy: district → township/street → community/village, and what refers to it. */
import {
  PARENT_LEVEL,
  type Region,
  type RegionLevel,
  type RegionPatch,
  type User,
  type regionBodySchema,
  can,
} from '@eldercare/shared';
import type { z } from 'zod';
import type { Clock } from '../../clock.js';
import { badReference, conflict, forbidden, invalidField, notFound } from '../../http/errors.js';
import type { RegisterAudit } from '../audit/register-audit.js';
import type { RegionRow, RegionsRepo } from './regions.repo.js';

const snapshot = (r: RegionRow) => ({
  level: r.level,
  name: r.name,
  parentId: r.parentId,
  code: r.code,
  rural: r.rural,
  retiredAt: r.retiredAt?.toISOString() ?? null,
});

export class RegionsService {
  constructor(
    private readonly repo: RegionsRepo,
    private readonly audit: RegisterAudit,
    private readonly clock: Clock,
  ) {}

  private assertWriter(user: User): void {
    if (!can(user.role, 'registry.write')) throw forbidden();
  }

  /** Every region with its path and the residents and institutions in it and below it. */
  async list(user: User, opts: { level?: RegionLevel; includeRetired?: boolean } = {}): Promise<Region[]> {
    const rows = await this.repo.list(user.tenantId, true);
    const counts = await this.repo.counts(user.tenantId);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const pathOf = (r: RegionRow): string => {
      const names: string[] = [];
      for (let x: RegionRow | undefined = r, n = 0; x && n < 5; x = x.parentId ? byId.get(x.parentId) : undefined, n++)
        names.unshift(x.name);
      return names.join(' / ');
    };
    const res = new Map<string, number>();
    const inst = new Map<string, number>();
    const rollUp = (direct: Map<string, number>, into: Map<string, number>) => {
      for (const [id, n] of direct)
        for (let x = byId.get(id), k = 0; x && k < 5; x = x.parentId ? byId.get(x.parentId) : undefined, k++)
          into.set(x.id, (into.get(x.id) ?? 0) + n);
    };
    rollUp(counts.residents, res);
    rollUp(counts.institutions, inst);
    return rows
      .filter((r) => (opts.includeRetired || !r.retiredAt) && (!opts.level || r.level === opts.level))
      .map((r) => ({
        id: r.id,
        level: r.level as RegionLevel,
        name: r.name,
        parentId: r.parentId,
        code: r.code,
        rural: r.rural,
        path: pathOf(r),
        residents: res.get(r.id) ?? 0,
        institutions: inst.get(r.id) ?? 0,
        retiredAt: r.retiredAt?.toISOString() ?? null,
      }))
      .sort((a, b) => a.path.localeCompare(b.path, 'zh'));
  }

  async get(user: User, id: string): Promise<Region> {
    const r = (await this.list(user, { includeRetired: true })).find((x) => x.id === id);
    if (!r) throw notFound('region');
    return r;
  }

  /** A region in service that a body field may refer to, of one of the levels wanted (400 naming the field otherwise). */
  async usable(tenantId: string, id: string, field: string, levels: RegionLevel[]): Promise<RegionRow> {
    const r = await this.repo.get(tenantId, id);
    if (!r || r.retiredAt) throw badReference(field, 'refers to no region in service');
    if (!levels.includes(r.level as RegionLevel)) throw invalidField(field, `must be a ${levels.join(' or ')}`);
    return r;
  }

  async create(user: User, body: z.output<typeof regionBodySchema>): Promise<Region> {
    this.assertWriter(user);
    const parentLevel = PARENT_LEVEL[body.level];
    if (!parentLevel && body.parentId) throw invalidField('parentId', 'a district has no parent');
    if (parentLevel && !body.parentId) throw invalidField('parentId', `is required: the ${parentLevel} it belongs to`);
    if (parentLevel) await this.usable(user.tenantId, body.parentId!, 'parentId', [parentLevel]);
    const row = await this.repo.insert({ ...body, tenantId: user.tenantId });
    await this.audit.record(user, 'region', row.id, null, snapshot(row));
    return this.get(user, row.id);
  }

  /** Renames, recodes, or retires a region (refused while regions below it are in service). */
  async update(user: User, id: string, patch: RegionPatch): Promise<Region> {
    this.assertWriter(user);
    const before = await this.repo.get(user.tenantId, id);
    if (!before) throw notFound('region');
    const { retired, ...fields } = patch;
    if (retired && !before.retiredAt && (await this.repo.activeChildren(id)) > 0)
      throw conflict('regions below it are in service: retire them first', [
        { path: 'retired', message: 'has regions in service below it' },
      ]);
    const retiredAt =
      retired === undefined ? undefined : retired ? (before.retiredAt ?? new Date(this.clock.now())) : null;
    const after = await this.repo.update(user.tenantId, id, {
      ...fields,
      ...(retiredAt !== undefined ? { retiredAt } : {}),
    });
    if (!after) throw notFound('region');
    await this.audit.record(user, 'region', id, snapshot(before), snapshot(after));
    return this.get(user, id);
  }

  /** Residents' free-text community names not yet linked to a region. */
  unlinked(user: User) {
    this.assertWriter(user);
    return this.repo.unlinkedCommunities(user.tenantId);
  }

  /** Links the residents of free-text communities to community regions under a township (created where missing). */
  async adopt(user: User, townshipId: string, names: string[] | undefined) {
    this.assertWriter(user);
    const t = await this.repo.get(user.tenantId, townshipId);
    if (!t || t.retiredAt) throw notFound('region');
    if (t.level !== 'township') throw invalidField('id', 'communities are adopted under a township');
    const unlinked = (await this.repo.unlinkedCommunities(user.tenantId)).map((u) => u.name);
    const wanted = names ? [...new Set(names)].filter((n) => unlinked.includes(n)) : unlinked;
    const { created, linked } = await this.repo.adopt(user.tenantId, townshipId, wanted);
    for (const r of created) await this.audit.record(user, 'region', r.id, null, snapshot(r));
    return { created: created.map((r) => r.name), linked };
  }
}
