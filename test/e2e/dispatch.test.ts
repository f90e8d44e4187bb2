/**
 * The dispatch dashboard in a real Chromium against a real hub: an SOS published over MQTT shows up
 * live, is claimed and walked to resolved; a supervisor sees who has it; institution staff see only
 * their own residents; the "live connection lost" banner follows the socket; both languages render.
 * Needs the built dashboard (`npm run build -w dashboard`) and /usr/bin/chromium.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { SHOTS, launchChromium, needDashboard } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, Resident } from '@eldercare/shared';
import { startTestHub, type TestHub } from '../support/hub.js';

interface DemoDevice {
  deviceId: string;
  type: string;
  password: string;
  residentId: string | null;
}

const DISPATCHER = { email: 'dispatcher@demo.local', password: 'demo-dispatch-pass', name: '调度员 王芳' };
const SUPERVISOR = { email: 'supervisor@demo.local', password: 'demo-supervisor-pass' };
const STAFF = { email: 'staff@demo.local', password: 'demo-staff-pass' };

let hub: TestHub;
let browser: Browser;
let devices: DemoDevice[];
let adminToken: string;
let blockSockets = false;
const contexts: BrowserContext[] = [];
const clients: MqttClient[] = [];
let eventNo = 0;

async function signIn(user: { email: string; password: string }, hash = '#/'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[browser ${user.email}]`, err.message));
  await page.goto(`${hub.base}/#/login`);
  await page.locator('#login-email').fill(user.email);
  await page.locator('#login-password').fill(user.password);
  await page.locator('button[type=submit]').click();
  await page.locator('nav.sidenav').waitFor();
  if (hash !== '#/') await page.goto(`${hub.base}/${hash}`);
  return page;
}

async function publishSos(d: DemoDevice): Promise<void> {
  const c = await mqtt.connectAsync(hub.mqttUrl, {
    clientId: d.deviceId,
    username: d.deviceId,
    password: d.password,
    reconnectPeriod: 0,
  });
  clients.push(c);
  const body = { eventId: `e2e-${Date.now()}-${++eventNo}`, ts: Date.now(), type: 'sos' };
  await c.publishAsync(`eldercare/v1/devices/${d.deviceId}/events`, JSON.stringify(body), { qos: 1 });
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
/** The queue row of a resident's alert (demo names repeat, so rows are found by resident id). */
const row = (page: Page, r: Resident) => page.locator(`[data-alert-id][data-resident-id="${r.id}"]`);

async function resident(id: string): Promise<Resident> {
  const r = await hub.api<Resident>('GET', `/api/residents/${id}`, adminToken);
  return r.body;
}

/** A device of a given type whose resident matches, one resident per incident. */
const used = new Set<string>();
async function pickDevice(
  type: string,
  where: (r: Resident) => boolean,
): Promise<{ device: DemoDevice; resident: Resident }> {
  for (const d of devices) {
    if (d.type !== type || !d.residentId || used.has(d.residentId)) continue;
    const r = await resident(d.residentId);
    if (!where(r)) continue;
    used.add(d.residentId);
    return { device: d, resident: r };
  }
  throw new Error(`no ${type} device for that kind of resident`);
}

beforeAll(async () => {
  await needDashboard();
  [hub, browser] = await Promise.all([startTestHub(), launchChromium()]);
  // Lets a test keep browsers from reconnecting, as if the hub were unreachable.
  hub.io.use((_socket, next) => (blockSockets ? next(new Error('unavailable')) : next()));
  devices = (
    JSON.parse(await readFile(path.join(hub.dataDir, 'demo-devices.json'), 'utf8')) as { devices: DemoDevice[] }
  ).devices;
  adminToken = await hub.login('admin@demo.local', 'demo-admin-pass');
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.endAsync().catch(() => undefined)));
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await hub?.stop();
});

describe('dispatch dashboard', () => {
  let dispatcher: Page;
  let supervisor: Page;
  let home: { device: DemoDevice; resident: Resident };

  it('shows live KPIs on the overview', async () => {
    dispatcher = await signIn(DISPATCHER);
    await expect.poll(() => dispatcher.locator('[data-testid=kpi-open] .stat-value').innerText()).toMatch(/^\d+$/);
    await expect
      .poll(() => dispatcher.locator('[data-testid=kpi-devices] .stat-value').innerText())
      .toMatch(/^\d+ \/ \d+$/);
    await dispatcher.locator('[data-testid=kpi-ack60]').waitFor();
    await shot(dispatcher, 'overview-zh');
  });

  it('shows an SOS from a device on the board within two seconds', async () => {
    await dispatcher.goto(`${hub.base}/#/dispatch`);
    await dispatcher.getByRole('heading', { name: '调度台' }).waitFor();
    await dispatcher.locator('[data-testid=queue-empty], [data-testid=alert-queue]').first().waitFor();
    home = await pickDevice('sos_pendant', (r) => !r.institutionId);

    const sent = Date.now();
    await publishSos(home.device);
    await row(dispatcher, home.resident).waitFor({ timeout: 2000 });
    const latency = Date.now() - sent;
    expect(latency).toBeLessThan(2000);
    await expect.poll(() => row(dispatcher, home.resident).getAttribute('data-status')).toBe('open');
    await expect.poll(() => row(dispatcher, home.resident).innerText()).toContain('待认领');
    await shot(dispatcher, 'dispatch-new-sos');
  });

  it('claims with a key; a supervisor sees who has it', async () => {
    supervisor = await signIn(SUPERVISOR, '#/dispatch');
    await row(supervisor, home.resident).waitFor();

    await row(dispatcher, home.resident).locator('.row-main').click();
    await dispatcher.locator('[data-testid=incident]').waitFor();
    await dispatcher.locator('[data-testid=elder-card]', { hasText: home.resident.name }).waitFor();
    await dispatcher.locator('body').press('Enter');
    await expect.poll(() => row(dispatcher, home.resident).getAttribute('data-status')).toBe('acknowledged');
    await expect
      .poll(() => row(dispatcher, home.resident).locator('[data-testid=claimed-by]').innerText())
      .toBe('你正在处理');

    await expect
      .poll(() => row(supervisor, home.resident).locator('[data-testid=claimed-by]').innerText(), { timeout: 3000 })
      .toContain(DISPATCHER.name);
    await row(supervisor, home.resident).locator('.row-main').click();
    await supervisor.locator('[data-testid=incident][data-status=acknowledged]').waitFor();
    await shot(supervisor, 'dispatch-supervisor-view');
  });

  it('walks contact → dispatch → on scene → resolve, with the audit trail', async () => {
    const status = () => dispatcher.locator('[data-testid=incident]').getAttribute('data-status');
    await dispatcher.locator('body').press('1');
    await expect.poll(status).toBe('contact_made');

    await dispatcher.locator('body').press('3');
    const form = dispatcher.locator('form[data-form=dispatch]');
    await form.waitFor();
    await form.locator('#r-kind').selectOption('neighbour_volunteer');
    await form.locator('#r-name').fill('邻居 赵大姐');
    await form.locator('#r-phone').fill('13800000000');
    await form.locator('button[type=submit]').click();
    await expect.poll(status).toBe('dispatched');
    await dispatcher.locator('.responder', { hasText: '邻居 赵大姐' }).waitFor();

    await dispatcher.locator('button[data-step=on_scene]').click();
    await expect.poll(status).toBe('on_scene');
    await dispatcher.locator('[data-testid=audit]', { hasText: '已到场' }).waitFor();
    await shot(dispatcher, 'dispatch-incident');

    await dispatcher.locator('body').press('6');
    const resolve = dispatcher.locator('form[data-form=resolve]');
    await resolve.locator('#r-outcome').selectOption('helped_at_home');
    await resolve.locator('#r-note').fill('老人不慎按键，邻居已上门确认');
    await resolve.locator('button[type=submit]').click();
    await expect.poll(status).toBe('resolved');
    await row(dispatcher, home.resident).waitFor({ state: 'detached' });
    await row(supervisor, home.resident).waitFor({ state: 'detached', timeout: 3000 });

    const audit = await dispatcher.locator('[data-testid=audit]').innerText();
    for (const step of ['认领', '已联系上', '派单', '已到场', '结案']) expect(audit).toContain(step);
    expect(audit).toContain(DISPATCHER.name);

    const detail = await hub.api<Alert[]>('GET', '/api/alerts?state=closed', adminToken);
    expect(detail.status).toBe(200);
  });

  it('shows an sos at once while the database is slow, then as a claimable incident', async () => {
    const slow = await pickDevice('sos_pendant', (r) => !r.institutionId);
    // A long transaction on the hub's own (embedded) database: every other session waits for it,
    // the alarm path too, so the event cannot be stored until it ends.
    const tx = await hub.database.pool.connect();
    await tx.query('BEGIN');
    try {
      const published = publishSos(slow.device); // its PUBACK waits until the event is stored
      const notice = dispatcher.locator(`[data-testid=incoming-alarm][data-resident-id="${slow.resident.id}"]`);
      await notice.waitFor({ timeout: 2000 });
      expect(await notice.innerText()).toContain('刚收到 — 正在登记');
      expect(await notice.innerText()).toContain(slow.resident.name);
      expect(await row(dispatcher, slow.resident).count()).toBe(0);
      await shot(dispatcher, 'dispatch-incoming');
      await tx.query('ROLLBACK');
      await published;
      await row(dispatcher, slow.resident).waitFor({ timeout: 3000 });
      await notice.waitFor({ state: 'detached', timeout: 3000 });
      expect(await row(dispatcher, slow.resident).getAttribute('data-status')).toBe('open');
    } finally {
      await tx.query('ROLLBACK').catch(() => undefined);
      tx.release();
    }
  });

  it('shows the banner while the live connection is down and catches up when it returns', async () => {
    expect(await dispatcher.locator('[data-testid=live-lost]').count()).toBe(0);
    blockSockets = true;
    hub.io.disconnectSockets(true);
    await dispatcher.locator('[data-testid=live-lost]').waitFor({ timeout: 3000 });
    expect(await dispatcher.locator('[data-testid=live-lost]').innerText()).toContain('实时连接已断开');

    // An alert raised while the browser is cut off arrives after the reconnect (sync from `since`).
    const missed = await pickDevice('sos_pendant', (r) => !r.institutionId);
    await publishSos(missed.device);
    await new Promise((r) => setTimeout(r, 500));
    expect(await row(dispatcher, missed.resident).count()).toBe(0);
    await shot(dispatcher, 'dispatch-connection-lost');

    blockSockets = false;
    await dispatcher.locator('[data-testid=live-lost]').waitFor({ state: 'detached', timeout: 8000 });
    await row(dispatcher, missed.resident).waitFor({ timeout: 3000 });
    home = missed;
  });

  it('institution staff see only their own residents and alerts', async () => {
    const staff = await signIn(STAFF);
    const me = await staff.evaluate(
      async () => (await (await fetch('/api/auth/me')).json()) as { user: { institutionId: string } },
    );
    const institutionId = me.user.institutionId;
    expect(institutionId).toBeTruthy();

    // Their residents list holds exactly their institution's residents.
    const all = await hub.api<{ items: Resident[]; total: number }>(
      'GET',
      `/api/residents?institutionId=${institutionId}&limit=500`,
      adminToken,
    );
    await staff.goto(`${hub.base}/#/residents`);
    await expect.poll(() => staff.locator('.table-meta').first().innerText()).toContain(`共 ${all.body.total} 人`);

    // The dispatch board is not theirs; the bed board is.
    expect(await staff.locator('nav.sidenav a', { hasText: '调度台' }).count()).toBe(0);
    await staff.goto(`${hub.base}/#/`);
    await staff.getByRole('link', { name: '打开本机构床位看板' }).click();
    await staff.locator('[data-testid=staffing]').waitFor();
    await staff.locator('[data-testid=inst-no-alerts]').waitFor();

    const inHome = await pickDevice('bed_sensor', (r) => r.institutionId === institutionId);
    await publishSos(inHome.device);
    const list = staff.locator('[data-testid=inst-alerts]');
    await list.locator(`li[data-resident-id="${inHome.resident.id}"]`).waitFor({ timeout: 3000 });
    // The home-care SOS still open on the dispatch board is not theirs to see.
    expect(await list.locator(`li[data-resident-id="${home.resident.id}"]`).count()).toBe(0);
    expect(await list.locator('li').count()).toBe(1);
    await staff.locator(`li[data-bed-state=alarm][data-resident-id="${inHome.resident.id}"]`).waitFor();

    const levels = all.body.items.map((r) => r.careLevel);
    const careNeed = levels.filter((l) => l !== 'self_care').length;
    const selfCare = levels.length - careNeed;
    expect(await staff.locator('[data-testid=staff-required]').innerText()).toBe(
      String(Math.ceil(careNeed / 6) + Math.ceil(selfCare / 10)),
    );
    await shot(staff, 'institution-board');
  });

  it('renders in English', async () => {
    await dispatcher.goto(`${hub.base}/#/dispatch`);
    await dispatcher.locator('.lang select').selectOption('en');
    await dispatcher.getByRole('heading', { name: 'Dispatch' }).waitFor();
    await dispatcher.getByRole('tab', { name: /Emergencies/ }).waitFor();
    await dispatcher.getByRole('tab', { name: /Device health/ }).waitFor();
    expect(await dispatcher.locator('[data-testid=key-help]').innerText()).toContain('Enter or c claim');
    await row(dispatcher, home.resident).locator('.row-main').click();
    await dispatcher.getByRole('button', { name: /Claim/ }).first().waitFor();
    expect(await row(dispatcher, home.resident).innerText()).toContain('Unclaimed');
    await shot(dispatcher, 'dispatch-en');
    await dispatcher.getByRole('tab', { name: /Device health/ }).click();
    await dispatcher.locator('[data-testid=queue-empty], [data-testid=alert-queue]').first().waitFor();
    await dispatcher.goto(`${hub.base}/#/`);
    await dispatcher.getByText('Open incidents').waitFor();
    await shot(dispatcher, 'overview-en');
  });

  it('asks for a click when the browser blocks the alarm sound', async () => {
    // A page opened without any click on it (a restored session). Headless Chromium ignores the
    // autoplay policy, so the page gets the desktop behaviour: audio stays suspended until a click.
    const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
    contexts.push(context);
    await context.addInitScript(() => {
      const Real = window.AudioContext;
      let clicked = false;
      window.addEventListener('pointerdown', () => (clicked = true), true);
      window.AudioContext = class extends Real {
        override get state(): AudioContextState {
          return clicked ? super.state : 'suspended';
        }
        override resume(): Promise<void> {
          return clicked ? super.resume() : new Promise<void>(() => undefined);
        }
      };
    });
    const login = await context.request.post(`${hub.base}/api/auth/login`, { data: SUPERVISOR });
    expect(login.status()).toBe(200);
    const page = await context.newPage();
    await page.goto(`${hub.base}/#/dispatch`);
    await row(page, home.resident).waitFor();
    const cue = page.locator('[data-testid=sound-blocked]');
    await cue.waitFor({ timeout: 5000 });
    expect(await cue.innerText()).toContain('点击启用');
    await shot(page, 'dispatch-sound-blocked');
    await cue.click();
    await cue.waitFor({ state: 'detached', timeout: 3000 });
  });
});
