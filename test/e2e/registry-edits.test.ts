/**
 * Editing what is registered keeps what the user did not change, in a real Chromium: a resident's
 * edit form saves a new medication note and the location it does not show stays; ending a home
 * delivery plan from the meal plans screen ends it and keeps its diets, allergy, days and route.
 * Needs the built dashboard (`npm run build -w dashboard`) and /usr/bin/chromium.
 */
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, needDashboard } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryRoute, MealPlan, Resident } from '@eldercare/shared';
import { ADMIN, startTestHub, type TestHub } from '../support/hub.js';

let hub: TestHub;
let browser: Browser;
let token: string;
const contexts: BrowserContext[] = [];

async function signIn(hash: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[browser]', err.message));
  await page.goto(`${hub.base}/#/login`);
  await page.locator('#login-email').fill(ADMIN.email);
  await page.locator('#login-password').fill(ADMIN.password);
  await page.locator('button[type=submit]').click();
  await page.locator('nav.sidenav').waitFor();
  await page.goto(`${hub.base}/${hash}`);
  return page;
}

beforeAll(async () => {
  await needDashboard();
  [hub, browser] = await Promise.all([startTestHub(), launchChromium()]);
  token = await hub.login(ADMIN.email, ADMIN.password);
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await hub?.stop();
});

describe('editing the register keeps what was not changed', () => {
  it("saves a resident's edit and keeps the location the form does not show", async () => {
    const created = await hub.api<Resident>('POST', '/api/residents', token, {
      name: '编辑测试老人',
      birthDate: '1936-05-06',
      sex: 'male',
      address: '幸福路 8 号 302',
      community: '幸福社区',
      phone: '13812345678',
      riskCategories: ['living_alone', 'age_80_plus'],
      conditions: ['高血压'],
      medicationNotes: '氨氯地平 5mg 每日一次',
      keySafe: '门口钥匙盒 2580',
      contacts: [{ name: '王芳', relation: '女儿', phone: '13987654321' }],
      location: { lat: 31.2304, lon: 121.4737 },
      thresholds: { heartRateHigh: 115 },
    });
    expect(created.status).toBe(201);
    const before = created.body;

    const page = await signIn(`#/residents/${before.id}/edit`);
    const notes = page.locator('#r-med');
    await expect.poll(() => notes.inputValue()).toBe(before.medicationNotes);
    await notes.fill('氨氯地平 5mg 每日一次；阿司匹林 100mg');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.waitForURL((u) => u.hash === `#/residents/${before.id}`);

    const after = (await hub.api<Resident>('GET', `/api/residents/${before.id}`, token)).body;
    expect(after.medicationNotes).toBe('氨氯地平 5mg 每日一次；阿司匹林 100mg');
    expect(after.location).toEqual({ lat: 31.2304, lon: 121.4737 });
    expect({ ...after, medicationNotes: before.medicationNotes }).toEqual(before);
  });

  it('ends a home delivery plan from the meal plans screen and keeps the rest of the plan', async () => {
    const routes = (await hub.api<{ items: DeliveryRoute[] }>('GET', '/api/meals/routes', token)).body.items;
    const route = routes[0]!;
    const elder = await hub.api<Resident>('POST', '/api/residents', token, {
      name: '送餐停止测试',
      birthDate: '1940-02-03',
      sex: 'female',
      address: '和平街 12 号',
      community: '和平社区',
    });
    const created = await hub.api<MealPlan>('POST', '/api/meals/plans', token, {
      residentId: elder.body.id,
      kitchenId: route.kitchenId,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      meals: ['lunch'],
      mode: 'delivery',
      routeId: route.id,
      diets: ['diabetic', 'low_salt'],
      allergies: ['花生'],
      doorNote: '敲门要大声',
      subsidyCategory: 'low_income',
      elderPriceCents: 600,
    });
    expect(created.status).toBe(201);
    const before = created.body;

    const page = await signIn('#/meals/plans');
    const row = page.locator('tr', { hasText: '送餐停止测试' });
    await row.getByRole('button', { name: '停止', exact: true }).click();
    await expect.poll(() => row.locator('.badge', { hasText: '已停止' }).count()).toBe(1);
    await expect.poll(() => page.locator('.banner-error, [role=alert]').count()).toBe(0);

    const plans = (await hub.api<{ items: MealPlan[] }>('GET', `/api/meals/plans?residentId=${elder.body.id}`, token))
      .body.items;
    const after = plans.find((p) => p.id === before.id)!;
    expect(after.active).toBe(false);
    expect({ ...after, active: true }).toEqual(before);
  });
});
