/**
 * Meal assistance in a real Chromium: the runner's phone view walks today's demo run (start, hand
 * over, no answer reaching dispatch), and the coordinator's runs and orders screens render.
 * Needs the built dashboard (`npm run build -w dashboard`) and /usr/bin/chromium.
 */
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { SHOTS, launchChromium, needDashboard } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '@eldercare/shared';
import { eventually, startTestHub, type TestHub } from '../support/hub.js';

const RUNNER = { email: 'volunteer@demo.local', password: 'demo-volunteer-pass' };
const COORD = { email: 'coordinator@demo.local', password: 'demo-coord-pass' };

let hub: TestHub;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function signIn(user: { email: string; password: string }, hash: string, mobile = false): Promise<Page> {
  const context = await browser.newContext({
    viewport: mobile ? { width: 390, height: 844 } : { width: 1440, height: 960 },
    locale: 'zh-CN',
  });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[browser ${user.email}]`, err.message));
  await page.goto(`${hub.base}/#/login`);
  await page.locator('#login-email').fill(user.email);
  await page.locator('#login-password').fill(user.password);
  await page.locator('button[type=submit]').click();
  await page.locator('nav.sidenav').waitFor();
  await page.goto(`${hub.base}/${hash}`);
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

describe('meal assistance screens', () => {
  it("walks the runner's run on a phone: start, hand over, no answer reaches dispatch", async () => {
    const page = await signIn(RUNNER, '#/runs', true);
    await page.getByRole('button', { name: '开始送餐' }).first().click();
    const stops = page.locator('li.stop');
    await expect.poll(() => stops.count()).toBeGreaterThan(2);
    await stops.nth(0).getByRole('button', { name: '当面交付' }).click();
    await expect.poll(() => stops.nth(0).locator('.badge').textContent()).toBe('已送达');
    await shot(page, 'meals-runner');
    await stops.nth(1).getByRole('button', { name: '无人应答' }).click();
    await expect.poll(() => stops.nth(1).locator('.alerted').count()).toBe(1);
    const dispatcher = await hub.login('dispatcher@demo.local', 'demo-dispatch-pass');
    await eventually(async () => {
      const r = await hub.api<{ items: Alert[] }>('GET', '/api/alerts', dispatcher);
      return r.body.items.find((a) => a.kind === 'missed_meal');
    });
    await shot(page, 'meals-runner-no-answer');
  });

  it("shows the coordinator today's runs, routes, orders and production sheet", async () => {
    const page = await signIn(COORD, '#/meals/runs');
    await page.locator('.routes li').first().waitFor();
    // Runs and routes load separately: wait for the runs table before counting its rows.
    await page.locator('table.data tbody tr').first().waitFor();
    expect(await page.locator('table.data tbody tr').count()).toBeGreaterThan(0);
    await shot(page, 'meals-runs');
    await page.goto(`${hub.base}/#/meals/orders`);
    await page.locator('.sheet section').first().waitFor();
    await shot(page, 'meals-orders');
    await page.goto(`${hub.base}/#/meals/reports`);
    await page.locator('.kpis').waitFor();
    await shot(page, 'meals-reports');
  });
});
