/**
 * An in-memory fake of the regions repository for unit tests: the regions and the residents and
 * institutions that refer to them. test/integration/*.test.ts run the real repository.
 */
import { asRepo, constraintError, newId, type RepoShape } from '../../testing/fakes.js';
import type { RegionRow, RegionsRepo } from './regions.repo.js';

export interface RegionsStore {
  regions: RegionRow[];
  residents: { id: string; tenantId: string; community: string; regionId: string | null }[];
  institutions: { id: string; tenantId: string; regionId: string | null; retiredAt: Date | null }[];
}

export function fakeRegionsRepo(s: RegionsStore, now: () => Date): RegionsRepo {
  const direct = (rows: { tenantId: string; regionId: string | null }[], tenantId: string) => {
    const m = new Map<string, number>();
    for (const r of rows) if (r.tenantId === tenantId && r.regionId) m.set(r.regionId, (m.get(r.regionId) ?? 0) + 1);
    return m;
  };
  const insert = (v: Parameters<RegionsRepo['insert']>[0]): RegionRow => {
    if (s.regions.some((r) => r.tenantId === v.tenantId && r.parentId === (v.parentId ?? null) && r.name === v.name))
      throw constraintError('regions_parent_name_uq');
    const row: RegionRow = {
      id: newId(),
      tenantId: v.tenantId,
      parentId: v.parentId ?? null,
      level: v.level,
      name: v.name,
      code: v.code ?? '',
      rural: v.rural ?? false,
      createdAt: now(),
      retiredAt: v.retiredAt ?? null,
    };
    s.regions.push(row);
    return { ...row };
  };
  const fake: RepoShape<RegionsRepo> = {
    async list(tenantId, includeRetired) {
      return s.regions
        .filter((r) => r.tenantId === tenantId && (includeRetired || !r.retiredAt))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map((r) => ({ ...r }));
    },
    async get(tenantId, id) {
      const r = s.regions.find((x) => x.tenantId === tenantId && x.id === id);
      return r && { ...r };
    },
    async counts(tenantId) {
      return {
        residents: direct(s.residents, tenantId),
        institutions: direct(
          s.institutions.filter((i) => !i.retiredAt),
          tenantId,
        ),
      };
    },
    async insert(v) {
      return insert(v);
    },
    async update(tenantId, id, values) {
      const r = s.regions.find((x) => x.tenantId === tenantId && x.id === id);
      if (!r) return undefined;
      for (const [k, v] of Object.entries(values)) if (v !== undefined) Object.assign(r, { [k]: v });
      return { ...r };
    },
    async activeChildren(id) {
      return s.regions.filter((r) => r.parentId === id && !r.retiredAt).length;
    },
    async unlinkedCommunities(tenantId) {
      const m = new Map<string, number>();
      for (const r of s.residents)
        if (r.tenantId === tenantId && !r.regionId && r.community) m.set(r.community, (m.get(r.community) ?? 0) + 1);
      return [...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, residents]) => ({ name, residents }));
    },
    async adopt(tenantId, townshipId, names) {
      const created: RegionRow[] = [];
      let linked = 0;
      for (const name of names) {
        let region = s.regions.find((r) => r.parentId === townshipId && r.name === name && !r.retiredAt);
        if (!region) {
          region = insert({ tenantId, parentId: townshipId, level: 'community', name });
          created.push(region);
        }
        for (const r of s.residents)
          if (r.tenantId === tenantId && !r.regionId && r.community === name) {
            r.regionId = region.id;
            linked++;
          }
      }
      return { created, linked };
    },
  };
  return asRepo<RegionsRepo>(fake);
}
