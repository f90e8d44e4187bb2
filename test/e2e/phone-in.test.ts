/**
 * A phone-in call handled end to end in a real Chromium against a real hub, by keyboard: the
 * dispatcher opens the phone-in form (p), finds the elder by ID number, records the caller, the
 * incident opens held by them with its checklist (the elder's own instructions first); the steps
 * are ticked with d, the incident is walked to resolved with an outcome code, and the audit shows
 * each tick with its time in seconds. Then a device-health incident reads in words (device type,
 * battery, last seen). Screens at 1280 and 390 px, in Chinese.
 * Needs the built dashboard (`npm run build -w dashboard`) and /usr/bin/chromium.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import mqtt from 'mqtt';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { SHOTS, launchChromium, needDashboard } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, Resident } from '@eldercare/shared';
import { startTestHub, type TestHub } from '../support/hub.js';

const DISPATCHER = { email: 'dispatcher@demo.local', password: 'demo-dispatch-pass' };
const COORDINATOR = { email: 'coordinator@demo.local', password: 'demo-coord-pass' };
const ID_NUMBER = '110101193805061234';
/** Generous waits: the machine is shared and slow. */
const SLOW = { timeout: 15_000 };

let hub: TestHub;
let browser: Browser;
let coordToken: string;
let elder: Resident;
const contexts: BrowserContext[] = [];

async function signIn(user: { email: string; password: string }, width: number, hash: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: width < 500 ? 844 : 900 },
    locale: 'zh-CN',
    isMobile: width < 500,
  });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[browser ${user.email}]`, err.message));
  await page.goto(`${hub.base}/#/login`);
  await page.locator('#login-email').fill(user.email);
  await page.locator('#login-password').fill(user.password);
  await page.locator('button[type=submit]').click();
  await page.locator('#login-email').waitFor({ state: 'detached' });
  await page.goto(`${hub.base}/${hash}`);
  return page;
}

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

beforeAll(async () => {
  await needDashboard();
  [hub, browser] = await Promise.all([startTestHub(), launchChromium()]);
  coordToken = await hub.login(COORDINATOR.email, COORDINATOR.password);
  const r = await hub.api<Resident>('POST', '/api/residents', coordToken, {
    name: '赵桂兰',
    birthDate: '1938-05-06',
    sex: 'female',
    address: '和平里七区 12 号楼 4 单元 301',
    community: '和平里社区',
    phone: '010-8421 5566',
    idNumber: ID_NUMBER,
    riskCategories: ['living_alone', 'age_80_plus'],
    contacts: [
      { name: '赵敏', relation: '女儿', phone: '13911112222' },
      { name: '孙建国', relation: '邻居', phone: '13933334444' },
    ],
    location: { lat: 39.9612, lon: 116.4187 },
    planInstructions: ['听力差：不要只打电话，直接派人上门', '女儿赵敏有钥匙'],
  });
  expect(r.status).toBe(201);
  elder = r.body;
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await hub?.stop();
});

describe('a phone-in call handled end to end', () => {
  it('at 1280 px, by keyboard: find the elder, create, tick the checklist, resolve', async () => {
    const page = await signIn(DISPATCHER, 1280, '#/dispatch');
    await page.locator('[data-testid="key-help"]').waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('p');
    const form = page.locator('[data-testid="phone-in-form"]');
    await form.waitFor();
    // The search has the focus: the ID number's last digits find the elder; Enter takes her.
    await page.keyboard.type(ID_NUMBER.slice(-8));
    await form.locator(`[data-resident-id="${elder.id}"]`).waitFor();
    await shot(page, 'phone-in-search-1280');
    await page.keyboard.press('Enter');
    await expect.poll(() => form.locator('[data-testid="phone-in-chosen"]').textContent(), SLOW).toContain('赵桂兰');
    // The caller's number has the focus now.
    await page.keyboard.type('13911112222');
    await page.keyboard.press('Tab');
    await page.keyboard.type('赵敏（女儿）');
    await page.locator('#phone-in-kind').selectOption('fall');
    await page.locator('#phone-in-note').fill('女儿来电：母亲在家中摔倒，能说话但起不来');
    await shot(page, 'phone-in-form-1280');
    await page.locator('[data-testid="phone-in-submit"]').click();

    const incident = page.locator('[data-testid="incident"]');
    await expect.poll(() => incident.getAttribute('data-status'), SLOW).toBe('acknowledged');
    await expect.poll(() => incident.locator('[data-testid="incident-source"]').textContent(), SLOW).toBe('电话报警');
    await expect
      .poll(() => incident.locator('[data-testid="incident-caller"]').textContent(), SLOW)
      .toContain('13911112222');
    // Home address with the map link from her coordinates; no "no location".
    const where = incident.locator('[data-testid="incident-where"]');
    await expect.poll(() => where.textContent(), SLOW).toContain('和平里七区 12 号楼');
    expect(await where.locator('[data-testid="map-link"]').getAttribute('href')).toBe(
      'https://uri.amap.com/marker?position=116.4187,39.9612',
    );
    expect(await where.textContent()).not.toContain('无定位信息');

    // The checklist: her own instructions first, then the fall plan, in Chinese.
    const checklist = incident.locator('[data-testid="checklist"]');
    await checklist.waitFor();
    const steps = checklist.locator('li[data-step-id]');
    await expect.poll(() => steps.count(), SLOW).toBe(9);
    expect(await steps.nth(0).textContent()).toContain('听力差');
    expect(await steps.nth(2).textContent()).toContain('通过设备或电话与老人通话');
    await shot(page, 'phone-in-incident-1280');

    // d ticks the next step, three times; each tick shows its time with seconds and who.
    for (let i = 1; i <= 3; i++) {
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('d');
      await expect
        .poll(() => incident.locator('[data-testid="checklist-progress"]').textContent(), SLOW)
        .toContain(`${i} /`);
    }
    expect(await steps.nth(0).getAttribute('class')).toContain('done');
    expect(await steps.nth(0).textContent()).toMatch(/\d{2}:\d{2}:\d{2}/);

    // The lifecycle by keyboard: 1 contact made, 3 dispatch (to her daughter), 5 on scene, 6 resolve.
    await page.keyboard.press('1');
    await expect.poll(() => incident.getAttribute('data-status'), SLOW).toBe('contact_made');
    await page.keyboard.press('3');
    await page.locator('form[data-form="dispatch"]').waitFor();
    await page.locator('#r-name').fill('赵敏');
    await page.locator('#r-phone').fill('13911112222');
    await page.locator('form[data-form="dispatch"] button[type=submit]').click();
    await expect.poll(() => incident.getAttribute('data-status'), SLOW).toBe('dispatched');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('5');
    await expect.poll(() => incident.getAttribute('data-status'), SLOW).toBe('on_scene');
    // The rest of the checklist by clicking the next-step button.
    for (let i = 4; i <= 9; i++) {
      await incident.locator('[data-testid="checklist-next"]').click();
      await expect
        .poll(() => incident.locator('[data-testid="checklist-progress"]').textContent(), SLOW)
        .toContain(`${i} /`);
    }
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('6');
    await page.locator('form[data-form="resolve"]').waitFor();
    // Outcome codes as operators use them, false alarms with their reason.
    const options = await page.locator('#r-outcome option').allTextContents();
    expect(options).toContain('误报：误按');
    expect(options).toContain('家属已到场处理');
    await page.locator('#r-outcome').selectOption('family_attended');
    await page.locator('form[data-form="resolve"] button[type=submit]').click();
    await expect.poll(() => incident.getAttribute('data-status'), SLOW).toBe('resolved');

    // The stages with how long each took; the audit with seconds, ticks naming their step.
    const stages = await incident.locator('[data-testid="stages"]').textContent();
    expect(stages).toContain('认领');
    expect(stages).toContain('结案');
    expect(stages).toMatch(/上一步后 \d+ 秒/);
    const audit = page.locator('[data-testid="audit"]');
    await expect.poll(() => audit.textContent(), SLOW).toContain('完成清单步骤');
    const auditText = (await audit.textContent()) ?? '';
    expect(auditText).toContain('接听来电');
    expect(auditText).toContain('听力差');
    expect(auditText).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    expect(auditText).toContain('家属已到场处理');
    // The signals read in words: no English type names, no JSON.
    const signals = (await page.locator('[data-testid="signal"]').allTextContents()).join(' ');
    expect(signals).toContain('来电');
    expect(signals).not.toMatch(/phone_call|callerPhone|[{}[\]"]/);
    expect(await noSidewaysScroll(page)).toBe(true);
    await shot(page, 'phone-in-resolved-1280', true);

    // The hub's record agrees: source phone, caller kept, every step ticked, outcome coded.
    const list = await hub.api<{ items: Alert[] }>(
      'GET',
      `/api/alerts?state=closed&residentId=${elder.id}`,
      coordToken,
    );
    expect(list.body.items[0]).toMatchObject({ source: 'phone', outcome: 'family_attended', status: 'resolved' });
  }, 180_000);

  it('at 390 px: an unknown caller recorded on a phone-sized screen, checklist readable', async () => {
    const page = await signIn(DISPATCHER, 390, '#/dispatch');
    await page.locator('[data-testid="phone-in-open"]').click();
    const form = page.locator('[data-testid="phone-in-form"]');
    await form.waitFor();
    await form.locator('[data-testid="phone-in-unknown"]').click();
    await page.locator('#phone-in-phone').fill('13800138000');
    await page.locator('#phone-in-name').fill('路人');
    await page.locator('#phone-in-address').fill('和平里公园东门');
    await page.locator('#phone-in-note').fill('公园长椅上有位老人晕倒');
    expect(await noSidewaysScroll(page)).toBe(true);
    await shot(page, 'phone-in-form-390', true);
    await page.locator('[data-testid="phone-in-submit"]').click();
    const incident = page.locator('[data-testid="incident"]');
    await expect.poll(() => incident.getAttribute('data-status'), SLOW).toBe('acknowledged');
    await expect
      .poll(() => incident.locator('[data-testid="incident-caller"]').textContent(), SLOW)
      .toContain('和平里公园东门');
    await incident.locator('[data-testid="checklist-next"]').click();
    await expect
      .poll(() => incident.locator('[data-testid="checklist-progress"]').textContent(), SLOW)
      .toContain('1 /');
    await incident.scrollIntoViewIfNeeded();
    expect(await noSidewaysScroll(page)).toBe(true);
    await shot(page, 'phone-in-incident-390', true);
  }, 120_000);
});

describe('a device-health incident in words', () => {
  it('shows the device type, battery, last seen and status history instead of empty vitals charts', async () => {
    const { devices } = JSON.parse(await readFile(path.join(hub.dataDir, 'demo-devices.json'), 'utf8')) as {
      devices: { deviceId: string; type: string; password: string }[];
    };
    const d = devices.find((x) => x.type === 'sos_pendant')!;
    const c = await mqtt.connectAsync(hub.mqttUrl, {
      clientId: d.deviceId,
      username: d.deviceId,
      password: d.password,
      reconnectPeriod: 0,
    });
    await c.publishAsync(
      `eldercare/v1/devices/${d.deviceId}/status`,
      JSON.stringify({ ts: Date.now(), online: true, battery: 8, signal: -71 }),
      { qos: 1 },
    );
    await c.endAsync();
    const page = await signIn(DISPATCHER, 1280, '#/dispatch?queue=device_health');
    const row = page.locator('[data-alert-id]').filter({ hasText: '电量低' }).first();
    await row.waitFor(SLOW);
    await row.locator('button.row-main').click();
    const state = page.locator('[data-testid="device-state"]');
    await state.waitFor();
    const text = (await state.textContent()) ?? '';
    expect(text).toContain('一键呼叫挂件');
    expect(text).toMatch(/最后通信.*\d{2}:\d{2}:\d{2}/s);
    expect(await state.locator('[data-testid="device-battery"]').textContent()).toBe('8%');
    expect(text).toContain('电量 8%');
    expect(await page.locator('#inc-vitals').count()).toBe(0);
    const signals = (await page.locator('[data-testid="signal"]').allTextContents()).join(' ');
    expect(signals).toContain('电量低');
    expect(signals).toContain('8%');
    await shot(page, 'device-health-1280', true);
  }, 120_000);
});

describe('action plans screen', () => {
  it('lets a coordinator edit a plan (1280) and is readable on a phone (390)', async () => {
    const page = await signIn(COORDINATOR, 1280, '#/dispatch/plans');
    const form = page.locator('[data-testid="plan-form"]');
    await form.waitFor();
    await page.locator('button[data-kind="gas"]').click();
    await expect.poll(() => form.locator('h2').textContent(), SLOW).toBe('燃气泄漏');
    await form.getByRole('button', { name: '添加步骤' }).click();
    const last = form.locator('textarea').last();
    await last.fill('通知物业关闭楼栋总阀');
    await form.getByRole('button', { name: '保存预案' }).click();
    await expect.poll(() => page.locator('button[data-kind="gas"]').textContent(), SLOW).toContain('已修改');
    await shot(page, 'action-plans-1280');
    const s = await hub.api<{ plans: { kind: string; steps: { text: string }[] }[] }>(
      'GET',
      '/api/dispatch-settings',
      coordToken,
    );
    expect(s.body.plans.find((p) => p.kind === 'gas')!.steps.at(-1)!.text).toBe('通知物业关闭楼栋总阀');

    const phone = await signIn(COORDINATOR, 390, '#/dispatch/plans');
    await phone.locator('[data-testid="plan-form"]').waitFor();
    // On a phone the kinds are a select: the gas plan, as edited, with its new last step.
    await phone.locator('#plan-kind').selectOption('gas');
    await expect.poll(() => phone.locator('[data-testid="plan-form"] h2').textContent(), SLOW).toBe('燃气泄漏');
    await expect
      .poll(() => phone.locator('[data-testid="plan-form"] textarea').last().inputValue(), SLOW)
      .toBe('通知物业关闭楼栋总阀');
    expect(await noSidewaysScroll(phone)).toBe(true);
    await shot(phone, 'action-plans-390', true);
  }, 120_000);
});
