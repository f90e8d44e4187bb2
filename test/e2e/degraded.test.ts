/**
 * The dashboard in degraded mode, in a real Chromium: the live banner says when the hub's broker or
 * database is unreachable (from 'hub:status'), and alarms the hub received while its database was
 * down appear in a clearly marked "not yet claimable" section until the hub clears them. The
 * server side of degraded mode is tested against real servers in test/real/db-outage.test.ts; here
 * the hub's socket events are sent directly.
 */
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, needDashboard } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionalAlert } from '@eldercare/shared';
import { startTestHub, type TestHub } from '../support/hub.js';

let hub: TestHub;
let browser: Browser;

beforeAll(async () => {
  await needDashboard();
  [hub, browser] = await Promise.all([startTestHub(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

async function signIn(locale: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, locale });
  if (locale.startsWith('en')) await context.addInitScript(() => localStorage.setItem('eldercare.lang', 'en'));
  const page = await context.newPage();
  await page.goto(`${hub.base}/#/login`);
  await page.locator('#login-email').fill('dispatcher@demo.local');
  await page.locator('#login-password').fill('demo-dispatch-pass');
  await page.locator('button[type=submit]').click();
  await page.locator('nav.sidenav').waitFor();
  await page.goto(`${hub.base}/#/dispatch`);
  return page;
}

/** Keeps sending a status (the hub's own one every 5 s would otherwise replace it). */
function holdStatus(s: { mqtt: boolean; database: boolean }): () => void {
  const send = () => hub.io.emit('hub:status', { ...s, at: new Date().toISOString() });
  send();
  const t = setInterval(send, 100);
  return () => clearInterval(t);
}

describe('degraded mode on the dashboard', () => {
  it('shows broker and database outages in the live banner (zh and en)', async () => {
    const zh = await signIn('zh-CN');
    await zh.locator('[data-testid=alert-queue], [data-testid=queue-empty]').first().waitFor();
    let release = holdStatus({ mqtt: false, database: true });
    await zh.locator('[data-testid=broker-down]').waitFor();
    expect(await zh.locator('[data-testid=hub-degraded]').innerText()).toContain('消息代理');
    expect(await zh.locator('[data-testid=database-down]').count()).toBe(0);
    release();
    release = holdStatus({ mqtt: true, database: false });
    await zh.locator('[data-testid=database-down]').waitFor();
    expect(await zh.locator('[data-testid=broker-down]').count()).toBe(0);
    release();
    release = holdStatus({ mqtt: true, database: true });
    await zh.locator('[data-testid=hub-degraded]').waitFor({ state: 'detached' });
    release();

    const en = await signIn('en-US');
    await en.locator('[data-testid=alert-queue], [data-testid=queue-empty]').first().waitFor();
    release = holdStatus({ mqtt: false, database: false });
    await en.locator('[data-testid=database-down]').waitFor();
    const text = await en.locator('[data-testid=hub-degraded]').innerText();
    release();
    expect(text).toContain('Message broker (MQTT) unreachable');
    expect(text).toContain('Database unreachable');
  });

  it('lists provisional alarms as not claimable, and removes them when the hub clears them', async () => {
    const page = await signIn('zh-CN');
    await page.locator('[data-testid=alert-queue], [data-testid=queue-empty]').first().waitFor();
    const p: ProvisionalAlert = {
      id: 'pendant-x:evt-1',
      deviceId: 'pendant-x',
      eventId: 'evt-1',
      type: 'sos',
      kind: 'sos',
      severity: 'critical',
      title: 'SOS call',
      residentId: null,
      residentName: '王秀英',
      institutionId: null,
      ts: new Date().toISOString(),
      receivedAt: new Date().toISOString(),
    };
    hub.io.emit('alert:provisional', p);
    hub.io.emit('alert:provisional', { ...p, id: 'pendant-y:evt-2', deviceId: 'pendant-y', residentName: null });
    const section = page.locator('[data-testid=provisional-alarms]');
    await section.waitFor();
    expect(await section.innerText()).toContain('暂时无法认领');
    await expect.poll(() => page.locator('[data-testid=provisional-alarm]').count()).toBe(2);
    expect(await section.innerText()).toContain('王秀英');
    expect(await section.innerText()).toContain('pendant-y');
    // Not claimable: no claim button inside the section.
    expect(await section.locator('button').count()).toBe(0);
    hub.io.emit('alert:provisional-cleared', { ids: ['pendant-x:evt-1'] });
    await expect.poll(() => page.locator('[data-testid=provisional-alarm]').count()).toBe(1);
    hub.io.emit('alert:provisional-cleared', { ids: ['pendant-y:evt-2'] });
    await section.waitFor({ state: 'detached' });
  });
});
