/**
 * Subsidies, the left-behind register and the waiting list in a real Chromium against a real hub
 * with the demo district: a coordinator defines a category and sees its recipients, reads an elder's
 * entitlements on the profile, admits the first in line to a free bed; the official sees the totals
 * and the left-behind count on the indicator screen. Screenshots at 1280 and 390 px. Needs the
 * built dashboard and /usr/bin/chromium.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicators, LeftBehindList, SubsidyRecipients, SubsidyTotals, WaitingList } from '@eldercare/shared';
import { startTestHub, type TestHub } from '../support/hub.js';

const root = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const SHOTS = path.join(root, 'test-results/screenshots');
const OFFICIAL = { email: 'official@demo.local', password: 'demo-official-pass' };
const COORDINATOR = { email: 'coordinator@demo.local', password: 'demo-coord-pass' };

let hub: TestHub;
let browser: Browser;
let token: string;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

async function signIn(user: { email: string; password: string }, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(`[${user.email}] ${err.message}`));
  await page.goto(`${hub.base}/#/login`);
  await page.locator('#login-email').fill(user.email);
  await page.locator('#login-password').fill(user.password);
  await page.locator('button[type=submit]').click();
  await page.locator('.layout').waitFor();
  return page;
}
const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });

beforeAll(async () => {
  const dist = process.env.DASHBOARD_DIR ?? path.join(root, 'dashboard/dist');
  if (!existsSync(path.join(dist, 'index.html')))
    throw new Error(`build the dashboard first: npm run build -w dashboard (${dist})`);
  await mkdir(SHOTS, { recursive: true });
  [hub, browser] = await Promise.all([
    startTestHub(),
    chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
    }),
  ]);
  token = await hub.login(COORDINATOR.email, COORDINATOR.password);
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
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
    expect(pageErrors).toEqual([]);
  });
});
