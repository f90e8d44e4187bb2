/**
 * The dispatch queue in a real Chromium: with several escalated high alerts on the board (one of
 * them being worked), a new SOS becomes the first row and is selected and announced; a room's pull
 * cord names its room on the dispatch board and on the bed board; a signal of another kind folded
 * into an incident shows both kinds. Screenshots at 1280 px and 390 px wide.
 * Needs the built dashboard (`npm run build -w dashboard`) and /usr/bin/chromium.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { SHOTS, launchChromium, needDashboard } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, Device } from '@eldercare/shared';
import { eventually, startTestHub, type TestHub } from '../support/hub.js';

interface DemoDevice {
  deviceId: string;
  type: string;
  password: string;
  residentId: string | null;
}

const DISPATCHER = { email: 'dispatcher@demo.local', password: 'demo-dispatch-pass' };
const STAFF = { email: 'staff@demo.local', password: 'demo-staff-pass' };
const WIDTHS = [1280, 390] as const;

/** The hub's clock: real time plus an offset a test moves (the browser keeps real time). */
let offset = 0;
const clock = { now: () => Date.now() + offset };
let hub: TestHub;
let browser: Browser;
let devices: DemoDevice[];
let adminToken: string;
let dispatcherToken: string;
const contexts: BrowserContext[] = [];
const clients = new Map<string, MqttClient>();
let eventNo = 0;

async function signIn(user: { email: string; password: string }, width: number, hash: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
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

async function publish(d: DemoDevice, type: string): Promise<void> {
  let c = clients.get(d.deviceId);
  if (!c) {
    c = await mqtt.connectAsync(hub.mqttUrl, {
      clientId: d.deviceId,
      username: d.deviceId,
      password: d.password,
      reconnectPeriod: 0,
    });
    clients.set(d.deviceId, c);
  }
  const body = { eventId: `e2e-q-${++eventNo}`, ts: clock.now(), type };
  await c.publishAsync(`eldercare/v1/devices/${d.deviceId}/events`, JSON.stringify(body), { qos: 1 });
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
const alertsOf = async (q: string) =>
  (await hub.api<{ items: Alert[] }>('GET', `/api/alerts?limit=1000${q}`, dispatcherToken)).body.items;

const used = new Set<string>();
function pick(type: string, n: number): DemoDevice[] {
  const out = devices.filter((d) => d.type === type && d.residentId && !used.has(d.residentId)).slice(0, n);
  for (const d of out) used.add(d.residentId!);
  return out;
}

beforeAll(async () => {
  await needDashboard();
  [hub, browser] = await Promise.all([startTestHub({}, undefined, { clock }), launchChromium()]);
  devices = (
    JSON.parse(await readFile(path.join(hub.dataDir, 'demo-devices.json'), 'utf8')) as { devices: DemoDevice[] }
  ).devices;
  adminToken = await hub.login('admin@demo.local', 'demo-admin-pass');
  dispatcherToken = await hub.login(DISPATCHER.email, DISPATCHER.password);
});

afterAll(async () => {
  await Promise.all([...clients.values()].map((c) => c.endAsync().catch(() => undefined)));
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await hub?.stop();
});

describe('dispatch queue', () => {
  it('puts a new SOS first, above escalated high alerts, and selects and announces it', async () => {
    // Six high alerts (left the safe zone) raised 20 minutes ago and escalated to the cap since.
    offset = -20 * 60_000;
    const watches = pick('smartwatch', 6);
    for (const w of watches) await publish(w, 'geofence_exit');
    const high = await eventually(async () => {
      const items = (await alertsOf('&queue=emergency')).filter((a) => a.kind === 'geofence_exit');
      return items.length === watches.length && items;
    });
    for (const step of [61_000, 5 * 60_000, 5 * 60_000, 5 * 60_000]) {
      offset += step;
      await hub.tickAlerts();
    }
    offset = 0;
    await hub.tickAlerts();
    expect((await alertsOf('&queue=emergency')).filter((a) => a.escalationLevel === 4)).toHaveLength(6);

    const pages = await Promise.all(WIDTHS.map((w) => signIn(DISPATCHER, w, '#/dispatch')));
    // The operator is working on one of them: claimed and open in the panel.
    const working = high[high.length - 1]!;
    await hub.api('POST', `/api/alerts/${working.id}/claim`, dispatcherToken);
    for (const page of pages) {
      const row = page.locator(`[data-alert-id="${working.id}"]`);
      await row.waitFor();
      await row.locator('.row-main').click();
      await page.locator('[data-testid=incident][data-status=acknowledged]').waitFor();
      await expect.poll(() => row.locator('[data-testid=row-escalation]').innerText()).toBe('第 3 次提醒');
    }
    await shot(pages[0]!, 'queue-escalated-high-1280');

    const [sos] = pick('sos_pendant', 1);
    await publish(sos!, 'sos');
    for (const [i, page] of pages.entries()) {
      const first = page.locator('[data-testid=alert-queue] > li').first();
      await expect.poll(() => first.getAttribute('data-resident-id'), { timeout: 5000 }).toBe(sos!.residentId);
      await expect.poll(() => first.getAttribute('class')).toContain('selected');
      await expect
        .poll(() => page.locator('[data-testid=incident] [data-testid=incident-kinds]').innerText())
        .toBe('一键呼叫');
      await expect.poll(() => page.locator('[data-testid=announcer]').innerText()).toContain('新的紧急告警：一键呼叫');
      await page.locator('[data-testid=attention]').waitFor();
      expect(await first.isVisible()).toBe(true);
      await shot(page, `queue-new-sos-first-${WIDTHS[i]}`);
    }
    // Back to the incident being worked, in one click.
    await pages[0]!.locator('[data-testid=attention-back]').click();
    await expect
      .poll(() => pages[0]!.locator(`[data-alert-id="${working.id}"]`).getAttribute('class'))
      .toContain('selected');
  });

  it('names the room of a pull cord on the dispatch board and on the bed board', async () => {
    const staffToken = await hub.login(STAFF.email, STAFF.password);
    const me = (await hub.api<{ user: { institutionId: string } }>('GET', '/api/auth/me', staffToken)).body.user;
    const regs = (
      await hub.api<{ items: Device[] }>('GET', `/api/devices?institutionId=${me.institutionId}`, adminToken)
    ).body.items;
    const cordReg = regs.find((d) => d.type === 'pull_cord' && d.roomId)!;
    const cord = devices.find((d) => d.deviceId === cordReg.id)!;
    const dispatch = await Promise.all(WIDTHS.map((w) => signIn(DISPATCHER, w, '#/dispatch')));
    const boards = await Promise.all(WIDTHS.map((w) => signIn(STAFF, w, `#/institutions/${me.institutionId}`)));
    for (const b of boards) await b.locator('[data-testid=staffing]').waitFor();

    await publish(cord, 'sos');
    const alert = await eventually(async () => (await alertsOf('')).find((a) => a.deviceId === cord.deviceId));
    const room = alert.place!.roomName!;
    for (const [i, page] of dispatch.entries()) {
      const row = page.locator(`[data-alert-id="${alert.id}"]`);
      await row.waitFor();
      await expect.poll(() => row.locator('[data-testid=row-place]').innerText()).toContain(`${room} 房间`);
      await expect.poll(() => row.locator('[data-testid=row-place]').innerText()).toContain(`${alert.place!.floor} 层`);
      await row.locator('.row-main').click();
      const place = page.locator('[data-testid=incident-place]');
      await place.waitFor();
      expect(await place.innerText()).toContain(alert.place!.institutionName);
      for (const r of alert.place!.residents) expect(await place.innerText()).toContain(r.name);
      await place.scrollIntoViewIfNeeded();
      await shot(page, `queue-room-cord-${WIDTHS[i]}`);
    }
    for (const [i, page] of boards.entries()) {
      const onRoom = page.locator('[data-testid=room-alarm]');
      await onRoom.waitFor({ timeout: 5000 });
      expect(await onRoom.innerText()).toContain('房间报警：一键呼叫');
      await expect.poll(() => page.locator('[data-testid=inst-alert-place]').first().innerText()).toContain(room);
      await onRoom.scrollIntoViewIfNeeded();
      await shot(page, `bed-board-room-cord-${WIDTHS[i]}`);
    }
  });

  it('shows both kinds when an sos folds into a welfare incident the operator holds, and tells them', async () => {
    const [w] = pick('smartwatch', 1);
    await publish(w!, 'geofence_exit');
    const incident = await eventually(async () =>
      (await alertsOf(`&residentId=${w!.residentId}&queue=emergency`)).find((a) => a.kind === 'geofence_exit'),
    );
    const page = await signIn(DISPATCHER, 1280, '#/dispatch');
    await hub.api('POST', `/api/alerts/${incident.id}/claim`, dispatcherToken);
    await page.locator(`[data-alert-id="${incident.id}"] .row-main`).click();
    await publish(w!, 'sos');
    const row = page.locator(`[data-alert-id="${incident.id}"]`);
    await expect.poll(() => row.locator('[data-testid=row-kinds]').innerText()).toBe('一键呼叫 + 走出安全区域');
    await page.locator('[data-testid=notices]', { hasText: '新增「一键呼叫」' }).waitFor();
    await shot(page, 'queue-folded-kinds-1280');
  });
});
