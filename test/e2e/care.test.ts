/**
 * The care screens in a real Chromium against a real hub: bed sensors publish over MQTT and the
 * institution's bed board shows in bed, out of bed, unknown, alarm and device offline with the
 * latest vitals and a staffing warning; a nurse starts and ends her shift and the number of staff
 * on shift follows; the overview draws incidents per day; a resident's profile
 * lists their incidents. Needs the built dashboard (`npm run build -w dashboard`) and /usr/bin/chromium.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { SHOTS, launchChromium, needDashboard } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstitutionBoard, Resident, User } from '@eldercare/shared';
import { startTestHub, type TestHub } from '../support/hub.js';

interface DemoDevice {
  deviceId: string;
  type: string;
  password: string;
  residentId: string | null;
}

const STAFF = { email: 'staff@demo.local', password: 'demo-staff-pass' };
const DISPATCHER = { email: 'dispatcher@demo.local', password: 'demo-dispatch-pass' };

let hub: TestHub;
let browser: Browser;
let devices: DemoDevice[];
let adminToken: string;
let institutionId: string;
let staffName: string;
const contexts: BrowserContext[] = [];
const clients: MqttClient[] = [];
const pageErrors: string[] = [];

async function signIn(user: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(`[${user.email}] ${err.message}`));
  await page.goto(`${hub.base}/#/login`);
  await page.locator('#login-email').fill(user.email);
  await page.locator('#login-password').fill(user.password);
  await page.locator('button[type=submit]').click();
  await page.locator('nav.sidenav').waitFor();
  return page;
}

async function connect(d: DemoDevice): Promise<MqttClient> {
  const c = await mqtt.connectAsync(hub.mqttUrl, {
    clientId: d.deviceId,
    username: d.deviceId,
    password: d.password,
    reconnectPeriod: 0,
  });
  clients.push(c);
  return c;
}
const publish = (c: MqttClient, d: DemoDevice, kind: 'telemetry' | 'events' | 'status', body: object) =>
  c.publishAsync(`eldercare/v1/devices/${d.deviceId}/${kind}`, JSON.stringify({ ts: Date.now(), ...body }), {
    qos: 1,
  });

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
const tile = (page: Page, residentId: string) => page.locator(`li.tile[data-resident-id="${residentId}"]`);

beforeAll(async () => {
  await needDashboard();
  [hub, browser] = await Promise.all([startTestHub(), launchChromium()]);
  devices = (
    JSON.parse(await readFile(path.join(hub.dataDir, 'demo-devices.json'), 'utf8')) as { devices: DemoDevice[] }
  ).devices;
  adminToken = await hub.login('admin@demo.local', 'demo-admin-pass');
  const staffToken = await hub.login(STAFF.email, STAFF.password);
  const me = (await hub.api<{ user: User }>('GET', '/api/auth/me', staffToken)).body.user;
  institutionId = me.institutionId!;
  staffName = me.name;
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.endAsync().catch(() => undefined)));
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await hub?.stop();
});

describe('care screens', () => {
  let staff: Page;
  let alarmResident: string;

  it('shows in bed, out of bed, unknown, alarm and device offline on the bed board', async () => {
    const residents = (
      await hub.api<{ items: Resident[] }>('GET', `/api/residents?institutionId=${institutionId}&limit=500`, adminToken)
    ).body.items;
    const mine = new Set(residents.map((r) => r.id));
    const sensors = devices.filter((d) => d.type === 'bed_sensor' && d.residentId && mine.has(d.residentId));
    expect(sensors.length).toBeGreaterThanOrEqual(5);
    const [inBed, outOfBed, alarm, offline, quiet] = sensors as [
      DemoDevice,
      DemoDevice,
      DemoDevice,
      DemoDevice,
      DemoDevice,
    ];
    alarmResident = alarm.residentId!;

    // Demo devices have never connected: every device of these residents says it is online first.
    const online = new Map<string, MqttClient>();
    for (const d of devices.filter((x) =>
      [inBed, outOfBed, alarm, offline, quiet].some((s) => s.residentId === x.residentId),
    )) {
      const c = await connect(d);
      online.set(d.deviceId, c);
      await publish(c, d, 'status', { online: true, battery: 90 });
    }

    staff = await signIn(STAFF);
    await staff.goto(`${hub.base}/#/institutions/${institutionId}`);
    await staff.locator('[data-testid=staffing]').waitFor();
    // No in-bed reading: presence is unknown, not guessed.
    await staff.locator(`li.tile[data-bed-state=unknown][data-resident-id="${quiet.residentId}"]`).waitFor();

    const via = (d: DemoDevice) => online.get(d.deviceId)!;
    await publish(via(inBed), inBed, 'telemetry', {
      readings: { inBed: 1, heartRate: 72, spo2: 97, temperature: 36.6 },
    });
    await publish(via(outOfBed), outOfBed, 'telemetry', { readings: { inBed: 0 } });
    await publish(via(offline), offline, 'telemetry', { readings: { inBed: 1 } });
    await publish(via(offline), offline, 'status', { online: false });
    await publish(via(alarm), alarm, 'telemetry', { readings: { inBed: 1 } });
    await publish(via(alarm), alarm, 'events', { eventId: `care-e2e-${Date.now()}`, type: 'sos' });

    // The sos arrives over the socket at once; the board's data follows the alert changes.
    await staff.locator(`li.tile[data-bed-state=alarm][data-resident-id="${alarm.residentId}"]`).waitFor({
      timeout: 5000,
    });
    await staff.locator(`li.tile[data-bed-state=in_bed][data-resident-id="${inBed.residentId}"]`).waitFor();
    await staff.locator(`li.tile[data-bed-state=out_of_bed][data-resident-id="${outOfBed.residentId}"]`).waitFor();
    await staff.locator(`li.tile[data-bed-state=offline][data-resident-id="${offline.residentId}"]`).waitFor();
    expect(await tile(staff, offline.residentId!).getAttribute('data-presence')).toBe('in_bed');
    expect(await tile(staff, alarm.residentId!).locator('[data-testid=tile-alarm]').innerText()).toContain('一键呼叫');
    const vitals = await tile(staff, inBed.residentId!).locator('[data-testid=tile-vitals]').innerText();
    expect(vitals).toContain('72 bpm');
    expect(vitals).toContain('97 %');
    expect(vitals).toContain('36.6 °C');

    // Staffing: nobody on shift (one registered nurse) against the ratio's requirement.
    const board = (await hub.api<InstitutionBoard>('GET', `/api/institutions/${institutionId}/board`, adminToken)).body;
    expect(await staff.locator('[data-testid=staff-required]').innerText()).toBe(String(board.staffing.required));
    expect(await staff.locator('[data-testid=staff-registered]').innerText()).toBe('1');
    expect(await staff.locator('[data-testid=staff-on-shift]').innerText()).toBe('0');
    expect(board.staffing.required).toBeGreaterThan(1);
    await staff.locator('[data-testid=staff-warning]').waitFor();
    await staff.locator('[data-testid=shift-empty]').waitFor();

    // The nurse starts her shift: on shift goes to 1 and she is listed since now; still short of the ratio.
    await staff.locator('[data-testid=shift-start]').click();
    await expect.poll(() => staff.locator('[data-testid=staff-on-shift]').innerText()).toBe('1');
    await staff.locator('[data-testid=shift-list] li').filter({ hasText: staffName }).waitFor();
    await staff.locator('[data-testid=shift-end]').waitFor();
    expect(await staff.locator('[data-testid=staff-warning]').innerText()).toContain(
      String(board.staffing.required - 1),
    );
    const after = (await hub.api<InstitutionBoard>('GET', `/api/institutions/${institutionId}/board`, adminToken)).body;
    expect(after.staffing).toMatchObject({ onShift: 1, missing: board.staffing.required - 1, understaffed: true });
    await shot(staff, 'care-board-zh');

    await staff.locator('.lang select').selectOption('en');
    await staff.getByRole('heading', { name: 'Bed board' }).waitFor();
    expect(await tile(staff, outOfBed.residentId!).innerText()).toContain('Out of bed');
    await staff.locator('[data-testid=staff-warning]').scrollIntoViewIfNeeded();
    await shot(staff, 'care-board-en');
    await staff.locator('.lang select').selectOption('zh-CN');

    // …and ends it: nobody on shift again.
    await staff.locator('[data-testid=shift-end]').click();
    await expect.poll(() => staff.locator('[data-testid=staff-on-shift]').innerText()).toBe('0');
    await staff.locator('[data-testid=shift-start]').waitFor();
  });

  it('lists the resident’s incidents with time to acknowledge and device health on the profile', async () => {
    // A dispatcher claims the sos, so the history shows who acknowledged it and how fast.
    const board = (await hub.api<InstitutionBoard>('GET', `/api/institutions/${institutionId}/board`, adminToken)).body;
    const alert = board.rooms.flatMap((r) => r.beds).find((b) => b.resident?.id === alarmResident)!.resident!.alert!;
    const dispatcherToken = await hub.login(DISPATCHER.email, DISPATCHER.password);
    expect((await hub.api('POST', `/api/alerts/${alert.id}/claim`, dispatcherToken)).status).toBe(200);

    await staff.goto(`${hub.base}/#/residents/${alarmResident}`);
    const row = staff.locator(`[data-testid=incident-history] tr[data-alert-id="${alert.id}"]`);
    await expect.poll(() => row.innerText()).toMatch(/一键呼叫[\s\S]*\d+ 秒[\s\S]*调度员 王芳[\s\S]*已认领/);
    await staff.locator('[data-testid=device-health]').waitFor();
    await staff.locator('#p-incidents').scrollIntoViewIfNeeded();
    await shot(staff, 'care-profile-history');
  });

  it('draws incidents per day on the overview', async () => {
    const dispatcher = await signIn(DISPATCHER);
    const chart = dispatcher.locator('[data-testid=incidents-chart]');
    await chart.locator('canvas').waitFor();
    await expect.poll(async () => Number(await chart.getAttribute('data-total'))).toBeGreaterThanOrEqual(2);
    expect(await chart.locator('.u-legend').innerText()).toContain('危急');
    await chart.scrollIntoViewIfNeeded();
    await shot(dispatcher, 'care-overview-chart');
    expect(pageErrors).toEqual([]);
  });
});
