/**
 * Subsidies, the left-behind register and the waiting list in a real Chromium against a real hub
 * with the demo district: a coordinator defines a category and sees its recipients, reads an elder's
 * entitlements on the profile, admits the first in line to a free bed; the official sees the totals
 * and the left-behind count on the indicator screen. Screenshots at 1280 and 390 px. Needs the
 * built dashboard and /usr/bin/chromium.
 */
import type { Browser } from 'playwright-core';
import { DEMO_LOGINS, Sessions, launchChromium, needDashboard, shot } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicators, LeftBehindList, SubsidyRecipients, SubsidyTotals, WaitingList } from '@eldercare/shared';
import { startTestHub, type TestHub } from '../support/hub.js';

const OFFICIAL = DEMO_LOGINS.official;
const COORDINATOR = DEMO_LOGINS.coordinator;

let hub: TestHub;
let browser: Browser;
let token: string;
let sessions: Sessions;

const signIn = (user: { email: string; password: string }, width?: number) => sessions.signIn(user, width);

beforeAll(async () => {
  await needDashboard();
  [hub, browser] = await Promise.all([startTestHub(), launchChromium()]);
  sessions = new Sessions(browser, hub.base);
  token = await hub.login(COORDINATOR.email, COORDINATOR.password);
}, 120_000);

afterAll(async () => {
  await sessions?.close();
  await browser?.close();
  await hub?.stop();
});

describe('welfare screens', () => {
  it('a coordinator defines a category on the subsidies screen and its recipients follow the rule', async () => {
    const page = await signIn(COORDINATOR);
    await page.goto(`${hub.base}/#/subsidies`);
    const totals = (await hub.api<SubsidyTotals>('GET', '/api/subsidies/totals', token)).body;
    await expect.poll(() => page.getByTestId('sub-total-elders').textContent()).toBe(String(totals.total.elders));
    await page.locator('#sub-name').fill('百岁老人长寿补贴');
    await page.locator('#sub-code').fill('baisui_e2e');
    await page.locator('#sub-monthly').fill('500');
    await page.locator('#rule-name-0').fill('90 周岁以上');
    await page.locator('#rule-min-0').fill('90');
    await page.getByTestId('sub-form').locator('button[type=submit]').click();
    const row = page.getByTestId('sub-categories').locator('tr', { hasText: '百岁老人长寿补贴' });
    await expect.poll(() => row.textContent()).toContain('90 周岁及以上');
    await row.getByRole('button', { name: '名单' }).click();
    const cats = (await hub.api<{ items: { id: string; code: string }[] }>('GET', '/api/subsidies/categories', token))
      .body.items;
    const id = cats.find((c) => c.code === 'baisui_e2e')!.id;
    const rec = (await hub.api<SubsidyRecipients>('GET', `/api/subsidies/categories/${id}/recipients`, token)).body;
    expect(rec.items.length).toBeGreaterThan(0);
    expect(rec.items.every((r) => r.age >= 90)).toBe(true);
    await expect.poll(() => page.getByTestId('sub-recipients').locator('li').count()).toBe(rec.items.length);
    await shot(page, 'welfare-subsidies-1280', true);
    const phone = await signIn(COORDINATOR, 390);
    await phone.goto(`${hub.base}/#/subsidies`);
    await phone.getByTestId('sub-by-township').waitFor();
    await shot(phone, 'welfare-subsidies-390', true);
  });

  it('an elder’s profile lists the entitlements with the rule that matched', async () => {
    const dibao = (
      await hub.api<{ items: { id: string; code: string }[] }>('GET', '/api/subsidies/categories', token)
    ).body.items.find((c) => c.code === 'dibao')!;
    const rec = (await hub.api<SubsidyRecipients>('GET', `/api/subsidies/categories/${dibao.id}/recipients`, token))
      .body.items[0]!;
    const page = await signIn(COORDINATOR);
    await page.goto(`${hub.base}/#/residents/${rec.residentId}`);
    const panel = page.getByTestId('entitlements');
    await expect.poll(() => panel.textContent()).toContain('低保老年人生活补贴');
    expect(await panel.textContent()).toContain('依据：低保对象');
    await panel.scrollIntoViewIfNeeded();
    await shot(page, 'welfare-entitlements-1280');
  });

  it('the waiting list shows the order; admitting the first in line fills a free bed', async () => {
    const before = (await hub.api<WaitingList>('GET', '/api/waiting-list', token)).body;
    const first = before.items.find((a) => a.position === 1)!;
    const page = await signIn(COORDINATOR);
    await page.goto(`${hub.base}/#/waiting`);
    const rows = page.getByTestId('wl-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(before.items.length);
    expect(await rows.nth(0).textContent()).toContain(first.residentName);
    await shot(page, 'welfare-waiting-1280', true);
    await rows.nth(0).getByRole('button', { name: '安排入住' }).click();
    const bed = page.locator('#wl-bed');
    await expect.poll(() => bed.locator('option').count()).toBeGreaterThan(1);
    await bed.selectOption({ index: 1 });
    await page.getByTestId('wl-decide').locator('button[type=submit]').click();
    await expect.poll(() => rows.count()).toBe(before.items.length - 1);
    const after = (await hub.api<WaitingList>('GET', '/api/waiting-list?status=all', token)).body;
    expect(after.items.find((a) => a.id === first.id)!.status).toBe('admitted');
    expect(after.institutions[0]!.free).toBe(before.institutions[0]!.free - 1);
    const phone = await signIn(COORDINATOR, 390);
    await phone.goto(`${hub.base}/#/waiting`);
    await phone.getByTestId('wl-table').waitFor();
    await shot(phone, 'welfare-waiting-390', true);
  });

  it('the left-behind register lists its villages; the official sees the counts and totals, not the register', async () => {
    const list = (await hub.api<LeftBehindList>('GET', '/api/left-behind', token)).body;
    const page = await signIn(COORDINATOR);
    await page.goto(`${hub.base}/#/leftbehind`);
    await expect.poll(() => page.getByTestId('lb-elders').locator('tbody tr').count()).toBe(list.items.length);
    expect(await page.getByTestId('lb-villages').locator('tbody tr').count()).toBe(list.villages.length);
    await shot(page, 'welfare-left-behind-1280', true);
    const phone = await signIn(COORDINATOR, 390);
    await phone.goto(`${hub.base}/#/leftbehind`);
    await phone.getByTestId('lb-elders').waitFor();
    await shot(phone, 'welfare-left-behind-390', true);

    const official = await signIn(OFFICIAL);
    const officialToken = await hub.login(OFFICIAL.email, OFFICIAL.password);
    const ind = (await hub.api<Indicators>('GET', '/api/oversight/indicators', officialToken)).body;
    await expect
      .poll(() => official.getByTestId('kpi-left-behind').locator('.kpi-value').textContent())
      .toBe(String(ind.district.leftBehind));
    await official.getByTestId('kpi-subsidies').waitFor();
    await shot(official, 'welfare-official-indicators-1280', true);
    await official.goto(`${hub.base}/#/subsidies`);
    await official.getByTestId('sub-by-category').waitFor();
    expect(await official.getByRole('button', { name: '名单' }).count()).toBe(0);
    expect(await official.getByTestId('sub-form').count()).toBe(0);
    await official.goto(`${hub.base}/#/leftbehind`);
    await expect.poll(() => official.locator('h1').first().textContent()).not.toContain('留守');
    expect(sessions.pageErrors).toEqual([]);
  });
});
