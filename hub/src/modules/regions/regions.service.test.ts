/**
 * The region hierarchy (district → township → community) as coordinators keep it: levels and
 * parents, residents and institutions counted up the tree, retiring, adopting free-text community
 * names, who may write. In-memory repository (regions.fakes.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { RegionLevel, User } from '@eldercare/shared';
import { TestClock, newId, silentLog } from '../../testing/fakes.js';
import { fakeAuditRepo, type FakeAuditRepo } from '../audit/audit.fakes.js';
import { RegisterAudit } from '../audit/register-audit.js';
import { fakeRegionsRepo, type RegionsStore } from './regions.fakes.js';
import { RegionsService } from './regions.service.js';

const tenantId = newId();
const user = (role: User['role'], tenant = tenantId): User => ({
  id: newId(),
  email: `${role}@test.local`,
  name: role,
  role,
  tenantId: tenant,
  institutionId: null,
  residentId: null,
});
const coordinator = user('coordinator');

let store: RegionsStore;
let log: FakeAuditRepo;
let regions: RegionsService;
beforeEach(() => {
  const clock = new TestClock(Date.parse('2026-03-02T02:00:00.000Z'));
  store = { regions: [], residents: [], institutions: [] };
  log = fakeAuditRepo();
  regions = new RegionsService(
    fakeRegionsRepo(store, () => new Date(clock.now())),
    new RegisterAudit(log.repo, clock, silentLog()),
    clock,
  );
});

const add = (level: RegionLevel, name: string, parentId: string | null = null, by = coordinator) =>
  regions.create(by, { level, name, parentId, code: '', rural: false });

async function tree() {
  const district = await add('district', 'Xicheng');
  const township = await add('township', 'Xinjiekou', district.id);
  const community = await add('community', 'Baita Temple', township.id);
  return { district, township, community };
}

describe('regions', () => {
  it('builds the tree with paths and counts residents and institutions up it', async () => {
    const { district, township, community } = await tree();
    store.residents.push(
      { id: newId(), tenantId, community: '', regionId: community.id },
      { id: newId(), tenantId, community: '', regionId: community.id },
      { id: newId(), tenantId, community: '', regionId: township.id },
    );
    store.institutions.push(
      { id: newId(), tenantId, regionId: community.id, retiredAt: null },
      { id: newId(), tenantId, regionId: community.id, retiredAt: new Date() },
    );
    const byName = Object.fromEntries((await regions.list(coordinator)).map((r) => [r.name, r]));
    expect(byName['Baita Temple']).toMatchObject({
      path: 'Xicheng / Xinjiekou / Baita Temple',
      residents: 2,
      institutions: 1,
    });
    expect(byName['Xinjiekou']).toMatchObject({ residents: 3, institutions: 1 });
    expect(byName['Xicheng']).toMatchObject({ id: district.id, residents: 3, institutions: 1 });
    expect(log.rows.map((r) => [r.entity, r.action])).toEqual([
      ['region', 'create'],
      ['region', 'create'],
      ['region', 'create'],
    ]);
  });

  it('refuses a region without its parent level, or with a parent of the wrong level', async () => {
    const { district, community } = await tree();
    await expect(add('township', 'Orphan')).rejects.toMatchObject({ status: 400, details: [{ path: 'parentId' }] });
    await expect(add('district', 'Nested', district.id)).rejects.toMatchObject({ status: 400 });
    await expect(add('community', 'Under a district', district.id)).rejects.toMatchObject({
      status: 400,
      message: 'parentId must be a township',
    });
    await expect(add('community', 'Under a community', community.id)).rejects.toMatchObject({ status: 400 });
    await expect(add('township', 'Foreign parent', newId())).rejects.toMatchObject({ status: 400 });
  });

  it('retires a region only once nothing below it is in service, and not as a parent afterwards', async () => {
    const { township, community } = await tree();
    await expect(regions.update(coordinator, township.id, { retired: true })).rejects.toMatchObject({
      status: 409,
      details: [{ path: 'retired' }],
    });
    const retired = await regions.update(coordinator, community.id, { retired: true });
    expect(retired.retiredAt).toBe('2026-03-02T02:00:00.000Z');
    expect((await regions.update(coordinator, township.id, { retired: true })).retiredAt).not.toBeNull();
    expect((await regions.list(coordinator)).map((r) => r.name)).toEqual(['Xicheng']);
    await expect(add('community', 'New', township.id)).rejects.toMatchObject({ status: 400 });
    // Put back, it is in service again.
    expect((await regions.update(coordinator, township.id, { retired: false })).retiredAt).toBeNull();
  });

  it('changes only what a PATCH sends', async () => {
    const { community } = await tree();
    await regions.update(coordinator, community.id, { code: '110102003001' });
    const after = await regions.update(coordinator, community.id, { rural: true });
    expect(after).toMatchObject({ name: 'Baita Temple', code: '110102003001', rural: true, retiredAt: null });
  });

  it("adopts residents' free-text communities under a township, creating only what is missing", async () => {
    const { township } = await tree();
    for (const community of ['Baita Temple', 'Baita Temple', 'Fuchengmen', ''])
      store.residents.push({ id: newId(), tenantId, community, regionId: null });
    expect(await regions.unlinked(coordinator)).toEqual([
      { name: 'Baita Temple', residents: 2 },
      { name: 'Fuchengmen', residents: 1 },
    ]);
    expect(await regions.adopt(coordinator, township.id, undefined)).toEqual({ created: ['Fuchengmen'], linked: 3 });
    expect(await regions.unlinked(coordinator)).toEqual([]);
    const community = (await regions.list(coordinator)).find((r) => r.name === 'Fuchengmen')!;
    expect(community).toMatchObject({ level: 'community', parentId: township.id, residents: 1 });
    await expect(regions.adopt(coordinator, community.id, undefined)).rejects.toMatchObject({ status: 400 });
  });

  it('lets only admins and coordinators write, and keeps districts apart', async () => {
    const { township } = await tree();
    for (const role of ['dispatcher', 'family', 'volunteer', 'institution_staff', 'supervisor', 'official'] as const) {
      await expect(add('district', 'Mine', null, user(role))).rejects.toMatchObject({ status: 403 });
      await expect(regions.update(user(role), township.id, { name: 'x' })).rejects.toMatchObject({ status: 403 });
    }
    const elsewhere = user('admin', newId());
    await expect(regions.get(elsewhere, township.id)).rejects.toMatchObject({ status: 404 });
    await expect(regions.update(elsewhere, township.id, { name: 'x' })).rejects.toMatchObject({ status: 404 });
    expect(await regions.list(elsewhere)).toEqual([]);
  });
});
