/**
 * The time-bank and welfare-visit screens in a real Chromium: the coordinator orders and dispatches
 * a service, the volunteer accepts it on the mobile view, the ledger reconciles, and a visit with a
 * concern is logged. Needs the built dashboard and /usr/bin/chromium; screenshots go to test-results.
 */
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { SHOTS, launchChromium, needDashboard } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.js';

let hub: TestHub;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function signIn(email: string, password: string, viewport = { width: 1440, height: 960 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[browser ${email}]`, err.message));
  await page.goto(`${hub.base}/#/login`);
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(password);
  await page.locator('button[type=submit]').click();
  await page.locator('nav.sidenav').waitFor();
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

beforeAll(async () => {
  await needDashboard();
  [hub, browser] = await Promise.all([startTestHub(), launchChromium()]);
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await hub?.stop();
});

describe('time bank and visits dashboard', () => {
  it('lets a coordinator order and dispatch a service, and a volunteer accept it on a phone', async () => {
    const coord = await signIn('coordinator@demo.local', 'demo-coord-pass');
    await coord.goto(`${hub.base}/#/requests`);
    await coord.getByRole('button', { name: '新建工单' }).click();
    await coord.locator('#rq-elder').selectOption({ index: 1 });
    await coord.locator('#rq-type').selectOption('bathing');
    await coord.locator('#rq-when').fill('2030-01-02T09:30');
    await coord.locator('#rq-notes').fill('e2e 助浴');
    await coord.getByRole('button', { name: '创建' }).click();
    const row = coord.locator('tr', { hasText: '2030-01-02 09:30' });
    await row.getByRole('button', { name: '派单' }).click();
    await row.locator('select').selectOption({ label: '志愿者 刘洋' });
    await row.locator('form button.btn-primary').click();
    await expect.poll(() => row.locator('.badge').first().textContent()).toBe('已派单');
    await shot(coord, 'timebank-requests');

    const vol = await signIn('volunteer@demo.local', 'demo-volunteer-pass', { width: 390, height: 844 });
    await vol.goto(`${hub.base}/#/tasks`);
    const task = vol.locator('li.task', { hasText: '助浴' }).first();
    await task.getByRole('button', { name: '接单' }).click();
    await expect.poll(() => task.locator('.badge').textContent()).toBe('已接单');
    await shot(vol, 'timebank-volunteer');
  });

  it('shows the ledger with totals, transfers and a clean reconciliation', async () => {
    const coord = await signIn('coordinator@demo.local', 'demo-coord-pass');
    await coord.goto(`${hub.base}/#/ledger`);
    await coord.getByRole('button', { name: '对账' }).click();
    await expect.poll(() => coord.locator('.banner').textContent()).toMatch(/账实相符/);
    await shot(coord, 'timebank-ledger');
    await coord.locator('a', { hasText: '志愿者 刘洋' }).click();
    await expect.poll(() => coord.locator('table.data tbody tr').count()).toBeGreaterThan(1);
    await shot(coord, 'timebank-statement');
  });

  it('logs a visit with a concern and shows the visit rate with the overdue list', async () => {
    const coord = await signIn('coordinator@demo.local', 'demo-coord-pass');
    await coord.goto(`${hub.base}/#/visits`);
    await coord.locator('#v-elder').selectOption({ index: 1 });
    await coord.locator('#v-state').selectOption('unwell');
    await coord.locator('#v-note').fill('e2e 老人咳嗽，需要就医');
    await coord.getByLabel('发现异常，需要调度跟进').check();
    await coord.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => coord.locator('ul.log li').first().textContent()).toMatch(/e2e 老人咳嗽/);
    await shot(coord, 'visits');
    const alerts = await hub.api<{ items: { kind: string }[] }>(
      'GET',
      '/api/alerts',
      await hub.login('dispatcher@demo.local', 'demo-dispatch-pass'),
    );
    expect(alerts.body.items.some((a) => a.kind === 'welfare_concern')).toBe(true);
  });
});
