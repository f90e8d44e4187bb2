/**
 * The incident history, the SLA report and the shift handover in a real Chromium against a real
 * hub, at a 1280 px monitor and a 390 px phone: closed incidents with explicit hub times are
 * searched and filtered (over-SLA only), one opens with its timeline to the second; the SLA screen
 * shows the month's shares against the targets, a supervisor records why an exception was late,
 * and the print stylesheet leaves the navigation out; a dispatcher hands over and the next one
 * acknowledges. No page scrolls sideways. Needs the built dashboard and /usr/bin/chromium.
 */
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { SHOTS, launchChromium, needDashboard } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlaReport, User } from '@eldercare/shared';
import { startTestHub, type TestHub } from '../support/hub.js';

const DISPATCHER = { email: 'dispatcher@demo.local', password: 'demo-dispatch-pass' };
const SUPERVISOR = { email: 'supervisor@demo.local', password: 'demo-supervisor-pass' };
const WIDTHS = [1280, 390] as const;

let hub: TestHub;
let browser: Browser;
let month: string;
let elder: { id: string; name: string };
const lateIds: string[] = [];
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

async function signIn(user: { email: string; password: string }, width: number, hash: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(`[${user.email}] ${err.message}`));
  await page.goto(`${hub.base}/#/login`);
  await page.locator('#login-email').fill(user.email);
  await page.locator('#login-password').fill(user.password);
  await page.locator('button[type=submit]').click();
  await page.locator('nav.sidenav').waitFor({ state: 'attached' });
  await page.goto(`${hub.base}/${hash}`);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, 'page scrolls sideways').toBeLessThanOrEqual(client);
}

beforeAll(async () => {
  await needDashboard();
  [hub, browser] = await Promise.all([startTestHub(), launchChromium()]);
  const token = await hub.login(DISPATCHER.email, DISPATCHER.password);
  const me = (await hub.api<{ user: User }>('GET', '/api/auth/me', token)).body.user;
  const r = await hub.database.pool.query<{ id: string; name: string }>(
    `SELECT id, name FROM residents WHERE tenant_id = $1 AND institution_id IS NULL ORDER BY name LIMIT 1`,
    [me.tenantId],
  );
  elder = r.rows[0]!;
  // Closed incidents of the last hours, with explicit hub times: acknowledged after 20, 45, 70, 200 and 400 s.
  const base = Date.now() - 6 * 3600_000;
  const acks = [20, 45, 70, 200, 400];
  for (const [i, ack] of acks.entries()) {
    const opened = new Date(base + i * 600_000);
    const row = await hub.database.pool.query<{ id: string }>(
      `INSERT INTO alerts (tenant_id, resident_id, subject_key, queue, kind, kinds, severity, priority, status, title,
                           created_at, occurred_at, opened_at, acknowledged_at, acknowledged_by, contact_at, closed_at, outcome)
       VALUES ($1, $2, $3, 'emergency', $4, ARRAY[$4], 'critical', 3, 'resolved', '', $5, $5, $5, $6, $7, $8, $9,
               'helped_at_home') RETURNING id`,
      [
        me.tenantId,
        elder.id,
        `e2e:${i}`,
        i % 2 ? 'fall' : 'sos',
        opened,
        new Date(opened.getTime() + ack * 1000),
        me.id,
        new Date(opened.getTime() + (ack + 40) * 1000),
        new Date(opened.getTime() + (ack + 900) * 1000),
      ],
    );
    if (ack > 180) lateIds.push(row.rows[0]!.id);
    await hub.database.pool.query(
      `INSERT INTO alert_actions (alert_id, at, actor_id, action, note) VALUES ($1, $2, $3, 'note', '女儿已到场')`,
      [row.rows[0]!.id, new Date(opened.getTime() + (ack + 60) * 1000), me.id],
    );
  }
  month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(
    new Date(base),
  );
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await hub?.stop();
});

describe('incident history', () => {
  for (const width of WIDTHS) {
    it(`searches closed incidents and filters the over-SLA ones (${width} px)`, async () => {
      const page = await signIn(DISPATCHER, width, '#/history');
      const cards = page.locator('[data-testid=history-list] li.card');
      await cards.first().waitFor();
      await page.locator('#hi-q').fill(elder.name);
      await page.locator('[data-testid=history-filters] button[type=submit]').click();
      await expect.poll(() => cards.count()).toBe(5);
      await expectNoSidewaysScroll(page);
      await shot(page, `history-${width}`);
      // On a phone the filters beyond the search fold away until asked for.
      const overSla = page.locator('[data-testid=history-over-sla]');
      expect(await overSla.isVisible()).toBe(width > 700);
      if (width <= 700) await page.locator('button.more-toggle').click();
      await overSla.check();
      await page.locator('[data-testid=history-filters] button[type=submit]').click();
      await expect.poll(() => cards.count()).toBe(2);
      expect(await page.locator('[data-testid=history-total]').textContent()).toContain('2');
      // The address keeps the filters, and the CSV link carries them.
      expect(page.url()).toContain('overSla=true');
      expect(await page.locator('[data-testid=history-csv]').getAttribute('href')).toContain('overSla=true');
      await expectNoSidewaysScroll(page);
      await shot(page, `history-over-sla-${width}`);

      await cards.first().locator('a').click();
      const stages = page.locator('[data-testid=record-stages] li');
      await stages.first().waitFor();
      // Received, reached dispatch, acknowledged, contact, closed: every time to the second.
      await expect.poll(() => stages.count()).toBe(5);
      expect(await stages.nth(2).textContent()).toMatch(/\d{2}:\d{2}:\d{2}/);
      expect(await stages.nth(2).textContent()).toMatch(/6分40秒/);
      expect(await page.locator('[data-testid=record-audit]').textContent()).toContain('女儿已到场');
      await expectNoSidewaysScroll(page);
      await shot(page, `incident-record-${width}`);
    });
  }
});

describe('SLA report', () => {
  for (const width of WIDTHS) {
    it(`shows the month's shares against the targets and the exceptions (${width} px)`, async () => {
      const token = await hub.login(SUPERVISOR.email, SUPERVISOR.password);
      const api = (await hub.api<SlaReport>('GET', `/api/reports/sla?month=${month}`, token)).body;
      const page = await signIn(SUPERVISOR, width, `#/sla?month=${month}`);
      await page.locator('[data-testid=sla-within60]').waitFor();
      const share = `${(Math.round((api.shareWithin60 ?? 0) * 1000) / 10).toFixed(1)}%`;
      expect(await page.locator('[data-testid=sla-within60]').textContent()).toContain(share);
      expect(await page.locator('[data-testid=sla-within60]').textContent()).toContain('97.5%');
      await page.locator('[data-testid=sla-chart] canvas').waitFor();
      const exceptions = page.locator('[data-testid=sla-exceptions] li[data-id]');
      expect(await exceptions.count()).toBe(api.over180.length);
      for (const id of lateIds)
        expect(await page.locator(`[data-testid=sla-exceptions] li[data-id="${id}"]`).count()).toBe(1);
      await expectNoSidewaysScroll(page);
      await shot(page, `sla-${width}`);

      if (width === 1280) {
        const late = page.locator(`[data-testid=sla-exceptions] li[data-id="${lateIds[0]}"]`);
        await late.locator('button').click();
        await late.locator('input').fill('两起报警同时到达，先处理了另一起');
        await late.locator('button[type=submit]').click();
        await expect.poll(() => late.textContent()).toContain('两起报警同时到达，先处理了另一起');
        await page.locator('[data-testid=sla-period-week]').click();
        await expect.poll(() => page.url()).toContain('period=week');
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('nav.sidenav').isVisible()).toBe(false);
        expect(await page.locator('[data-testid=sla-tiles]').isVisible()).toBe(true);
        await shot(page, 'sla-print');
        await page.emulateMedia({ media: 'screen' });
      }
    });
  }
});

describe('in English', () => {
  it('keeps the history and SLA screens inside a phone screen', async () => {
    const page = await signIn(SUPERVISOR, 390, `#/sla?month=${month}`);
    await page.evaluate(() => localStorage.setItem('eldercare.lang', 'en'));
    await page.reload();
    await page.locator('[data-testid=sla-within60]').waitFor();
    expect(await page.locator('[data-testid=sla-within60]').textContent()).toContain('Acknowledged within 60 s');
    await expectNoSidewaysScroll(page);
    await shot(page, 'sla-390-en');
    await page.goto(`${hub.base}/#/history?overSla=true`);
    await page.locator('[data-testid=history-list] li.card').first().waitFor();
    expect(await page.locator('[data-testid=history-list]').textContent()).toContain('Over SLA');
    await expectNoSidewaysScroll(page);
    await shot(page, 'history-390-en');
  });
});

describe('shift handover', () => {
  it('is written by one dispatcher and acknowledged by the next, on a phone', async () => {
    const out = await signIn(SUPERVISOR, 1280, '#/handover');
    await out.locator('[data-testid=handover-form]').waitFor();
    await out.locator('#ho-note').fill('3号床老人夜里两次按铃，已通知护士站；等家属回电。');
    await out.locator('[data-testid=handover-form] button[type=submit]').click();
    await out.locator('[data-testid=handover-history] details').first().waitFor();
    await expectNoSidewaysScroll(out);
    await shot(out, 'handover-1280');

    const next = await signIn(DISPATCHER, 390, '#/handover');
    const pending = next.locator('[data-testid=pending-handover]');
    await pending.waitFor();
    expect(await pending.textContent()).toContain('等家属回电');
    await expectNoSidewaysScroll(next);
    await shot(next, 'handover-390');
    await pending.locator('[data-testid=acknowledge]').click();
    await expect.poll(() => pending.count()).toBe(0);
    await expect.poll(() => next.locator('[data-testid=on-duty]').textContent()).toContain('调度员');
    await expectNoSidewaysScroll(next);
  });

  it('logs no page error', () => {
    expect(pageErrors).toEqual([]);
  });
});
