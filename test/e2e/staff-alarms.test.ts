/**
 * A care-home nurse on her phone (390 px): she signs in and lands on her alarm screen; a room's pull
 * cord goes off over real MQTT and appears live; she claims it, marks herself on scene and resolves it
 * with an outcome and a note; the bed board's room alarm opens the same screen on that alarm. Needs
 * the built dashboard (`npm run build -w dashboard`) and /usr/bin/chromium.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { SHOTS, launchChromium, needDashboard } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertDetail, Device, User } from '@eldercare/shared';
import { eventually, startTestHub, type TestHub } from '../support/hub.js';

interface DemoDevice {
  deviceId: string;
  type: string;
  password: string;
  residentId: string | null;
}

const STAFF = { email: 'staff@demo.local', password: 'demo-staff-pass' };

let hub: TestHub;
let browser: Browser;
let cords: DemoDevice[];
let institutionId: string;
let adminToken: string;
const contexts: BrowserContext[] = [];
const clients: MqttClient[] = [];
const consoleErrors: string[] = [];

async function phone(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => consoleErrors.push(err.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.text()} ${m.location().url}`);
  });
  return page;
}

async function pullCord(d: DemoDevice): Promise<void> {
  const c = await mqtt.connectAsync(hub.mqttUrl, {
    clientId: d.deviceId,
    username: d.deviceId,
    password: d.password,
    reconnectPeriod: 0,
  });
  clients.push(c);
  await c.publishAsync(
    `eldercare/v1/devices/${d.deviceId}/events`,
    JSON.stringify({ ts: Date.now(), eventId: `e2e-${Math.random().toString(36).slice(2)}`, type: 'sos' }),
    { qos: 1 },
  );
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

beforeAll(async () => {
  await needDashboard();
  [hub, browser] = await Promise.all([startTestHub(), launchChromium()]);
  adminToken = await hub.login('admin@demo.local', 'demo-admin-pass');
  const staffToken = await hub.login(STAFF.email, STAFF.password);
  institutionId = (await hub.api<{ user: User }>('GET', '/api/auth/me', staffToken)).body.user.institutionId!;
  const all = (await hub.api<{ items: Device[] }>('GET', '/api/devices', adminToken)).body.items;
  const mine = new Set(all.filter((d) => d.institutionId === institutionId).map((d) => d.id));
  const demo = (
    JSON.parse(await readFile(path.join(hub.dataDir, 'demo-devices.json'), 'utf8')) as {
      devices: DemoDevice[];
    }
  ).devices;
  cords = demo.filter((d) => d.type === 'pull_cord' && mine.has(d.deviceId));
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.endAsync().catch(() => undefined)));
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await hub?.stop();
});

describe('staff alarm screen on a phone', () => {
  it('a nurse handles a room alarm end to end on a 390 px phone', async () => {
    const page = await phone();
    await page.goto(`${hub.base}/#/login`);
    await page.locator('#login-email').fill(STAFF.email);
    await page.locator('#login-password').fill(STAFF.password);
    await page.locator('button[type=submit]').click();
    // She lands on her alarm screen.
    await page.waitForURL(/#\/alarms$/);
    await page.getByTestId('staff-no-alarms').waitFor();
    await shot(page, 'staff-alarms-empty-390');

    // A pull cord in one of her rooms: the alarm appears live, with its room, unclaimed.
    await pullCord(cords[0]!);
    const card = page.getByTestId('staff-alarm').first();
    await card.waitFor();
    await expect.poll(() => card.getAttribute('data-status')).toBe('open');
    expect(await card.getByTestId('staff-place').textContent()).toMatch(/房间|室|\d0\d/);
    expect(await noSidewaysScroll(page)).toBe(true);
    await shot(page, 'staff-alarm-open-390');

    await card.getByTestId('staff-claim').click();
    await expect.poll(() => card.getAttribute('data-status')).toBe('acknowledged');
    await card.getByTestId('staff-on-scene').click();
    await expect.poll(() => card.getAttribute('data-status')).toBe('on_scene');
    await card.getByTestId('staff-outcome').selectOption('false_alarm');
    await card.getByTestId('staff-note').fill('老人起夜误拉拉绳');
    expect(await noSidewaysScroll(page)).toBe(true);
    await shot(page, 'staff-alarm-on-scene-390');
    const id = (await card.getAttribute('data-alert-id'))!;
    await card.getByTestId('staff-resolve').click();
    await page.getByTestId('staff-no-alarms').waitFor();

    const detail = (await hub.api<AlertDetail>('GET', `/api/alerts/${id}`, adminToken)).body;
    expect(detail.status).toBe('resolved');
    expect(detail.outcome).toBe('false_alarm');
    expect(detail.actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['acknowledged', 'on_scene', 'resolved']),
    );
    expect(detail.actions.find((a) => a.action === 'resolved')!.note).toBe('老人起夜误拉拉绳');
  });

  it("the bed board's room alarm opens the alarm screen on that alarm", async () => {
    const page = await phone();
    await page.goto(`${hub.base}/#/login`);
    await page.locator('#login-email').fill(STAFF.email);
    await page.locator('#login-password').fill(STAFF.password);
    await page.locator('button[type=submit]').click();
    await page.waitForURL(/#\/alarms$/);
    await pullCord(cords[1]!);
    const id = await eventually(async () => {
      const r = await hub.api<{ items: { id: string; deviceId: string | null }[] }>(
        'GET',
        '/api/alerts?state=active',
        adminToken,
      );
      return r.body.items.find((a) => a.deviceId === cords[1]!.deviceId)?.id;
    });
    await page.goto(`${hub.base}/#/institutions/${institutionId}`);
    const link = page.getByTestId('room-alarm-open').first();
    await link.waitFor();
    expect(await noSidewaysScroll(page)).toBe(true);
    await shot(page, 'staff-bed-board-390');
    await link.click();
    await page.waitForURL(new RegExp(`#/alarms\\?id=${id}`));
    const card = page.locator(`[data-alert-id="${id}"]`);
    await card.waitFor();
    expect(await card.evaluate((el) => el.classList.contains('focus'))).toBe(true);
    await shot(page, 'staff-alarm-from-board-390');
  });

  it('logged no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
