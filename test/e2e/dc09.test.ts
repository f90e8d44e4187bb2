/**
 * DC-09 panel accounts in a real Chromium: a coordinator registers an encrypting panel's account on
 * a device from the devices screen, the panel (devices-sim dialler) reports a personal emergency
 * and gets its ACK, the account shows its last message; then the account is removed and the panel
 * is refused. A second panel is registered on an elder's home (the hub registers its device) and
 * edited: the supervision changes and its key is removed, nothing else. Screenshots at 1280 px and
 * 390 px wide.
 * Needs the built dashboard (`npm run build -w dashboard`) and /usr/bin/chromium.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { SHOTS, launchChromium, needDashboard } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, Dc09Account } from '@eldercare/shared';
import { Dc09Dialler, contactId } from '@eldercare/devices-sim';
import { eventually, startTestHub, type TestHub } from '../support/hub.js';

const COORDINATOR = { email: 'coordinator@demo.local', password: 'demo-coord-pass' };

let hub: TestHub;
let browser: Browser;
let token: string;
let device: { deviceId: string; residentId: string };

async function signIn(width: number, who = COORDINATOR): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[browser]', err.message));
  await page.goto(`${hub.base}/#/login`);
  await page.locator('#login-email').fill(who.email);
  await page.locator('#login-password').fill(who.password);
  await page.locator('button[type=submit]').click();
  await page.locator('#login-email').waitFor({ state: 'detached' });
  await page.goto(`${hub.base}/#/devices`);
  return page;
}

beforeAll(async () => {
  await needDashboard();
  [hub, browser] = await Promise.all([startTestHub({ DC09_TCP_PORT: '0' }), launchChromium()]);
  const all = (
    JSON.parse(await readFile(path.join(hub.dataDir, 'demo-devices.json'), 'utf8')) as {
      devices: { deviceId: string; type: string; residentId: string | null }[];
    }
  ).devices;
  const d = all.find((x) => x.type === 'sos_pendant' && x.residentId)!;
  device = { deviceId: d.deviceId, residentId: d.residentId! };
  token = await hub.login(COORDINATOR.email, COORDINATOR.password);
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

describe('DC-09 accounts on the devices screen', () => {
  it('registers an encrypting panel, receives its alarm, shows its last message, removes it', async () => {
    const key = randomBytes(16).toString('hex');
    const page = await signIn(1280);
    await page.getByRole('heading', { name: 'DC-09 报警主机账户' }).waitFor();
    // A wrong key is refused in the browser, before it reaches the hub.
    await page.locator('#dc-device').selectOption(device.deviceId);
    await page.locator('#dc-line').fill('1');
    await page.locator('#dc-account').fill('4321');
    await page.locator('#dc-key').fill('abc');
    await page.getByRole('button', { name: '登记账户' }).click();
    await expect.poll(() => page.locator('#dc-key').getAttribute('aria-invalid')).toBe('true');

    await page.locator('#dc-key').fill(key);
    await page.locator('#dc-sup').fill('180');
    await page.getByRole('button', { name: '登记账户' }).click();
    const row = page.locator('tr', { hasText: '#4321' });
    await row.waitFor();
    expect(await row.textContent()).toContain('加密');
    expect(await row.textContent()).toContain('180 秒');
    const [account] = (await hub.api<{ items: Dc09Account[] }>('GET', '/api/dc09/accounts', token)).body.items;
    expect(account).toMatchObject({ deviceId: device.deviceId, line: '1', account: '4321', encrypted: true });

    const panel = new Dc09Dialler({
      host: '127.0.0.1',
      port: hub.services.dc09.tcpPort!,
      transport: 'tcp',
      line: '1',
      account: '4321',
      key,
    });
    try {
      expect((await panel.send('ADM-CID', contactId('4321', '101'))).answer).toBe('ACK');
      await eventually(async () =>
        (
          await hub.api<{ items: Alert[] }>('GET', `/api/alerts?residentId=${device.residentId}`, token)
        ).body.items.find((a) => a.kind === 'sos'),
      );
      await page.reload();
      await row.waitFor();
      expect(await row.textContent()).not.toContain('从未');
      await page.screenshot({ path: path.join(SHOTS, 'dc09-accounts-1280.png'), fullPage: true });
      const narrow = await signIn(390);
      await narrow.getByRole('heading', { name: 'DC-09 报警主机账户' }).waitFor();
      await narrow.screenshot({ path: path.join(SHOTS, 'dc09-accounts-390.png'), fullPage: true });

      page.once('dialog', (d) => void d.accept());
      await row.getByRole('button', { name: '删除' }).click();
      await row.waitFor({ state: 'detached' });
      expect((await panel.send('ADM-CID', contactId('4321', '101'))).answer).toBe('DUH');
    } finally {
      panel.close();
    }
  });

  it('registers a panel on an elder’s home, then edits only its supervision and removes its key', async () => {
    const key = randomBytes(16).toString('hex');
    const resident = (
      await hub.api<{ items: { id: string; name: string; institutionId: string | null }[] }>(
        'GET',
        '/api/residents?limit=200',
        token,
      )
    ).body.items.find((r) => !r.institutionId)!;
    const page = await signIn(1280);
    await page.getByRole('heading', { name: 'DC-09 报警主机账户' }).waitFor();
    await page.getByLabel('老人家中（自动登记设备）').check();
    await page.locator('#dc-home').fill(resident.name);
    await page
      .getByRole('option', { name: new RegExp(resident.name) })
      .first()
      .click();
    await page.locator('#dc-label').fill('客厅报警主机');
    await page.locator('#dc-line').fill('2');
    await page.locator('#dc-account').fill('5A5A');
    await page.locator('#dc-key').fill(key);
    await page.locator('#dc-sup').fill('300');
    await page.getByRole('button', { name: '登记账户' }).click();
    const row = page.locator('tr', { hasText: '#5A5A' });
    await row.waitFor();
    const before = (await hub.api<{ items: Dc09Account[] }>('GET', '/api/dc09/accounts', token)).body.items.find(
      (a) => a.account === '5A5A',
    )!;
    expect(before).toMatchObject({ line: '2', encrypted: true, supervisionSeconds: 300 });
    const registered = await hub.api<{ residentId: string | null; label: string }>(
      'GET',
      `/api/devices/${before.deviceId}`,
      token,
    );
    expect(registered.body).toMatchObject({ residentId: resident.id, label: '客厅报警主机' });

    await row.getByRole('button', { name: '编辑账户 #5A5A' }).click();
    await page.getByRole('heading', { name: '编辑账户 #5A5A' }).waitFor();
    await page.locator('#dc-sup').fill('600');
    await page.getByLabel('删除密钥（改为明文）').check();
    await page.screenshot({ path: path.join(SHOTS, 'dc09-account-edit-1280.png'), fullPage: true });
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('600 秒');
    expect(await row.textContent()).toContain('明文');
    const after = (await hub.api<{ items: Dc09Account[] }>('GET', '/api/dc09/accounts', token)).body.items.find(
      (a) => a.id === before.id,
    )!;
    expect(after).toMatchObject({
      deviceId: before.deviceId,
      receiver: before.receiver,
      line: '2',
      account: '5A5A',
      vendor: before.vendor,
      encrypted: false,
      supervisionSeconds: 600,
    });

    const panel = new Dc09Dialler({
      host: '127.0.0.1',
      port: hub.services.dc09.tcpPort!,
      transport: 'tcp',
      line: '2',
      account: '5A5A',
      key: null,
    });
    try {
      expect((await panel.send('ADM-CID', contactId('5A5A', '101'))).answer).toBe('ACK');
    } finally {
      panel.close();
    }
  });

  it('shows the admin an unmapped code among the refused device messages, found by a word of its reason', async () => {
    const r = await hub.api<Dc09Account>('POST', '/api/dc09/accounts', token, {
      deviceId: device.deviceId,
      line: '3',
      account: '7E7E',
    });
    expect(r.status).toBe(201);
    const panel = new Dc09Dialler({
      host: '127.0.0.1',
      port: hub.services.dc09.tcpPort!,
      transport: 'tcp',
      line: '3',
      account: '7E7E',
    });
    try {
      expect((await panel.send('ADM-CID', contactId('7E7E', '999', { zone: '042' }))).answer).toBe('ACK');
    } finally {
      panel.close();
    }
    const page = await signIn(1280, { email: 'admin@demo.local', password: 'demo-admin-pass' });
    await page.getByRole('link', { name: '拒收的设备消息' }).click();
    await page.getByRole('heading', { name: '拒收的设备消息' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/devices/dead-letters');
    await page.locator('#dl-q').fill('UNMAPPED');
    await page.getByRole('button', { name: '查找' }).click();
    const row = page.getByTestId('dead-letters').locator('tbody tr').first();
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('CID 1999: unmapped code');
    expect(await row.textContent()).toContain(device.deviceId);
    expect(await row.textContent()).toContain('1999 01 042');
    await page.getByRole('heading', { name: '拒收的设备消息' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'dead-letters-1280.png') });

    // On a phone: the devices screen's link, then the refused messages inside the screen's width.
    const phone = await signIn(390, { email: 'admin@demo.local', password: 'demo-admin-pass' });
    await phone.getByRole('link', { name: '拒收的设备消息' }).waitFor();
    await phone.screenshot({ path: path.join(SHOTS, 'devices-head-390.png') });
    await phone.getByRole('link', { name: '拒收的设备消息' }).click();
    await phone.locator('#dl-q').fill('UNMAPPED');
    await phone.getByRole('button', { name: '查找' }).click();
    await expect.poll(async () => (await phone.getByTestId('dead-letters').textContent()) ?? '').toContain('1999');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: path.join(SHOTS, 'dead-letters-390.png'), fullPage: true });
  });
});
