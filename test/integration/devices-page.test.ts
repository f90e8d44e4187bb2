/**
 * The device fleet is paged (it grows with the fleet: 270 KB for 1,000 devices in one answer), and
 * the overview's fleet counts come from the database instead of the whole list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device, DevicePage, FleetSummary } from '@eldercare/shared';
import { LOW_BATTERY_PERCENT } from '@eldercare/shared';
import { ADMIN, startTestHub, type TestHub } from '../support/hub.js';

let hub: TestHub;
let admin: string;
let staff: string;

beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login(ADMIN.email, ADMIN.password);
  staff = await hub.login('staff@demo.local', 'demo-staff-pass');
});
afterAll(async () => {
  await hub?.stop();
});

async function allPages(token: string, limit: number, query = ''): Promise<{ pages: DevicePage[]; items: Device[] }> {
  const pages: DevicePage[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: DevicePage } = await hub.api<DevicePage>(
      'GET',
      `/api/devices?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}${query}`,
      token,
    );
    expect(res.status).toBe(200);
    pages.push(res.body);
    cursor = res.body.nextCursor;
  } while (cursor && pages.length < 1000);
  return { pages, items: pages.flatMap((p) => p.items) };
}

describe('the device list', () => {
  it('pages through the fleet in id order, each device once, with the total on every page', async () => {
    const { pages, items } = await allPages(admin, 7);
    expect(pages.length).toBeGreaterThan(2);
    const total = pages[0]!.total;
    expect(items).toHaveLength(total);
    for (const p of pages) {
      expect(p.total).toBe(total);
      expect(p.items.length).toBeLessThanOrEqual(7);
    }
    const ids = items.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    // Without a limit: one page of at most 200.
    const first = (await hub.api<DevicePage>('GET', '/api/devices', admin)).body;
    expect(first.items.length).toBe(Math.min(total, 200));
  });

  it('scopes pages and counts to what the user may see', async () => {
    const me = (await hub.api<{ user: { institutionId: string } }>('GET', '/api/auth/me', staff)).body.user;
    const { items } = await allPages(staff, 5);
    expect(items.length).toBeGreaterThan(0);
    for (const d of items) expect(d.institutionId).toBe(me.institutionId);
    const summary = (await hub.api<FleetSummary>('GET', '/api/devices/summary', staff)).body;
    expect(summary.total).toBe(items.length);
  });

  it('counts the fleet for the overview as the list shows it', async () => {
    const { items } = await allPages(admin, 1000);
    const res = await hub.api<FleetSummary>('GET', '/api/devices/summary', admin);
    expect(res.status).toBe(200);
    const online = items.filter((d) => d.online).length;
    expect(res.body).toEqual({
      total: items.length,
      online,
      offline: items.length - online,
      lowBattery: items.filter((d) => d.battery !== null && d.battery <= LOW_BATTERY_PERCENT).length,
    });
  });

  it('refuses a limit out of range and a cursor too long with 400', async () => {
    for (const q of ['limit=0', 'limit=1001', 'limit=abc', `cursor=${'x'.repeat(65)}`])
      expect((await hub.api('GET', `/api/devices?${q}`, admin)).status, q).toBe(400);
  });
});
