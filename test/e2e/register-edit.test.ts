/**
 * Editing and retiring the register, and reading its audit log, in a real Chromium against a real
 * hub: an administrator edits an institution (a missing name says "required", what was typed stays,
 * the error clears once fixed), adds a room with beds and another bed, retires a device, disables a
 * user, and finds all of it in the audit log (filtered, and as CSV). Screenshots at 1280 and 390 px.
 * Needs the built dashboard (`npm run build -w dashboard`) and /usr/bin/chromium.
 */
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { SHOTS, launchChromium, needDashboard } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, Device, Institution, Kitchen, MealPlan, User } from '@eldercare/shared';
import { ADMIN, eventually, startTestHub, type TestHub } from '../support/hub.js';

let hub: TestHub;
let browser: Browser;
let token: string;
let page: Page;
let context: BrowserContext;
let inst: Institution;
const pageErrors: string[] = [];

const shots = async (name: string) => {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
};
const audit = async (q: string) => (await hub.api<AuditPage>('GET', `/api/audit?${q}`, token)).body;

beforeAll(async () => {
  await needDashboard();
  [hub, browser] = await Promise.all([startTestHub(), launchChromium()]);
  token = await hub.login(ADMIN.email, ADMIN.password);
  inst = (await hub.api<{ items: Institution[] }>('GET', '/api/institutions', token)).body.items[0]!;
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${hub.base}/#/login`);
  await page.locator('#login-email').fill(ADMIN.email);
  await page.locator('#login-password').fill(ADMIN.password);
  await page.locator('button[type=submit]').click();
  await page.locator('nav.sidenav').waitFor();
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await hub?.stop();
});

describe('editing the register', () => {
  it('edits an institution: a missing name says required, typed values stay, the error clears when fixed', async () => {
    await page.goto(`${hub.base}/#/institutions/${inst.id}`);
    await page.getByTestId('inst-edit').click();
    await page.locator('#ie-name').waitFor();
    await page.locator('#ie-phone').fill('010-8888 6666');
    await page.locator('#ie-name').fill('');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const nameError = page.locator('#ie-name ~ .field-error');
    await expect.poll(() => nameError.textContent()).toBe('必填');
    expect(await page.locator('#ie-phone').inputValue()).toBe('010-8888 6666');
    await page.locator('#ie-name').fill(`${inst.name}（东院）`);
    await expect.poll(() => nameError.count()).toBe(0);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const saved = await eventually(async () => {
      const i = (await hub.api<Institution>('GET', `/api/institutions/${inst.id}`, token)).body;
      return i.phone === '010-8888 6666' ? i : null;
    });
    expect(saved.name).toBe(`${inst.name}（东院）`);
    expect(saved.address).toBe(inst.address);
  });

  it('adds a room with beds, then another bed to it', async () => {
    await page.locator('#nr-name').fill('');
    await page.getByRole('button', { name: '添加房间', exact: true }).click();
    await expect.poll(() => page.locator('#nr-name ~ .field-error').textContent()).toBe('必填');
    await page.locator('#nr-name').fill('E301');
    await page.locator('#nr-floor').fill('3');
    await page.locator('#nr-beds').fill('A，B');
    await page.getByRole('button', { name: '添加房间', exact: true }).click();
    const room = page.locator('.room[data-room="E301"]');
    await room.waitFor();
    await expect.poll(() => room.locator('li.bed').count()).toBe(2);
    await room.locator('input[id^="nb-"]').fill('C');
    await room.getByRole('button', { name: '添加床位' }).click();
    await expect.poll(() => room.locator('li.bed').count()).toBe(3);
    const fresh = (await hub.api<Institution>('GET', `/api/institutions/${inst.id}`, token)).body;
    const r = fresh.rooms.find((x) => x.name === 'E301')!;
    expect(r.floor).toBe(3);
    expect(r.beds.map((b) => b.label)).toEqual(['A', 'B', 'C']);
    await room.scrollIntoViewIfNeeded();
    await shots('register-institution-edit');
  });

  it('retires a device: it leaves the fleet list and shows as retired on request', async () => {
    const device = (await hub.api<{ items: Device[] }>('GET', '/api/devices', token)).body.items[0]!;
    await page.goto(`${hub.base}/#/devices/${device.id}`);
    await page.getByRole('button', { name: '停用', exact: true }).click();
    await page.getByTestId('device-retired').waitFor();
    const after = (await hub.api<Device>('GET', `/api/devices/${device.id}`, token)).body;
    expect(after.retiredAt).toBeTruthy();
    await shots('register-device-retired');
    await page.goto(`${hub.base}/#/devices?q=${encodeURIComponent(device.id)}`);
    await page.locator('.table-meta').waitFor();
    await expect.poll(() => page.locator(`a[href="#/devices/${device.id}"]`).count()).toBe(0);
    await page.getByLabel('显示已停用').check();
    await expect.poll(() => page.locator(`a[href="#/devices/${device.id}"]`).count()).toBe(1);
    expect(await page.getByTestId('device-retired-badge').count()).toBeGreaterThan(0);
  });

  it('disables a user, who can then no longer log in', async () => {
    await page.goto(`${hub.base}/#/users`);
    const row = page.locator('tr[data-user-email="volunteer@demo.local"]');
    await row.getByRole('button', { name: '停用账号' }).click();
    await expect.poll(() => row.count()).toBe(0);
    const login = await hub.api('POST', '/api/auth/login', undefined, {
      email: 'volunteer@demo.local',
      password: 'demo-volunteer-pass',
    });
    expect(login.status).toBe(403);
    await page.getByLabel('显示已停用账号').check();
    await row.getByRole('button', { name: '启用账号' }).waitFor();
    await shots('register-users');
  });

  it('edits a kitchen and a meal plan on the meal-assistance screens', async () => {
    const kitchens = (await hub.api<{ items: Kitchen[] }>('GET', '/api/meals/kitchens', token)).body.items;
    const k = kitchens[0]!;
    await page.goto(`${hub.base}/#/meals/kitchens`);
    await page.locator(`tr[data-kitchen="${k.name}"]`).getByRole('button', { name: '编辑' }).click();
    expect(await page.locator('#k-name').inputValue()).toBe(k.name);
    await page.locator('#k-address').fill('新华路 8 号');
    await page.getByTestId('kitchen-form').getByRole('button', { name: '保存' }).click();
    const after = await eventually(async () => {
      const found = (await hub.api<{ items: Kitchen[] }>('GET', '/api/meals/kitchens', token)).body.items.find(
        (y) => y.id === k.id,
      )!;
      return found.address === '新华路 8 号' ? found : null;
    });
    expect(after.name).toBe(k.name);
    expect(after.meals).toEqual(k.meals);
    expect(after.prices).toEqual(k.prices);

    const plan = (await hub.api<{ items: MealPlan[] }>('GET', '/api/meals/plans', token)).body.items.find(
      (p) => p.active && p.mode === 'pickup',
    )!;
    await page.goto(`${hub.base}/#/meals/plans?residentId=${plan.residentId}`);
    await page.getByRole('button', { name: '编辑' }).first().click();
    await page.locator('#mp-door').fill('请按门铃两次');
    await page.getByTestId('plan-form').getByRole('button', { name: '保存' }).click();
    const edited = await eventually(async () => {
      const p = (
        await hub.api<{ items: MealPlan[] }>('GET', `/api/meals/plans?residentId=${plan.residentId}`, token)
      ).body.items.find((x) => x.id === plan.id)!;
      return p.doorNote === '请按门铃两次' ? p : null;
    });
    expect(edited.diets).toEqual(plan.diets);
    expect(edited.allergies).toEqual(plan.allergies);
    expect(edited.weekdays).toEqual(plan.weekdays);
    expect(edited.subsidyCategory).toBe(plan.subsidyCategory);
    expect(edited.elderPriceCents).toBe(plan.elderPriceCents);
    await shots('register-meal-plan-edit');
  });

  it('reads the audit log: filtered by kind, and exported as CSV', async () => {
    const volunteer = (
      await hub.api<{ items: User[] }>('GET', '/api/users?includeDisabled=true', token)
    ).body.items.find((u) => u.email === 'volunteer@demo.local')!;
    await page.goto(`${hub.base}/#/audit`);
    await page.locator('#au-entity').selectOption('user');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    const rows = page.locator('[data-testid=audit-table] tbody tr[data-entity]');
    const kinds = async () => [...new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.entity)))];
    await expect.poll(kinds).toEqual(['user']);
    const disabled = page.locator(`tr[data-entity-id="${volunteer.id}"]`).first();
    expect(await disabled.textContent()).toContain('停用');
    expect(await disabled.textContent()).toContain('disabledAt');
    await shots('register-audit');

    const csvHref = await page.getByTestId('audit-csv').getAttribute('href');
    expect(csvHref).toContain('entity=user');
    const csv = await page.request.get(`${hub.base}${csvHref}`);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toContain(volunteer.id);
    expect(text).toContain('disabledAt');
    expect(text).not.toContain('device');

    // The institution's edits, the room and the retired device are on record too.
    expect((await audit(`entity=institution&entityId=${inst.id}`)).items[0]!.changes.map((c) => c.field)).toEqual([
      'name',
      'phone',
    ]);
    expect((await audit('entity=room')).items.some((e) => e.changes.some((c) => c.after === 'E301'))).toBe(true);
    expect((await audit('entity=device')).items.some((e) => e.action === 'retire')).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
