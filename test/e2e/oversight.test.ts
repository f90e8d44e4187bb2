/**
 * Oversight screens in a real Chromium against a real hub: a nurse records a capability assessment
 * on an elder's profile, the grade and care level change and the institution's staffing requirement
 * follows; the official lands on the indicator screen (no elder records); coordinators see the
 * region tree. Screenshots at 1280 and 390 px. Needs the built dashboard and /usr/bin/chromium.
 */
import type { Browser } from 'playwright-core';
import { DEMO_LOGINS, Sessions, launchChromium, needDashboard, shot } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ASSESSMENT_SCALE,
  type Indicators,
  type InstitutionBoard,
  type InstitutionOversight,
  type User,
  type VisitReport,
} from '@eldercare/shared';
import { startTestHub, type TestHub } from '../support/hub.js';

const STAFF = DEMO_LOGINS.staff;
const OFFICIAL = DEMO_LOGINS.official;
const COORDINATOR = DEMO_LOGINS.coordinator;

let hub: TestHub;
let browser: Browser;
let adminToken: string;
let institutionId: string;
let sessions: Sessions;

const signIn = (user: { email: string; password: string }, width?: number) => sessions.signIn(user, width);

const items = ASSESSMENT_SCALE.flatMap((d) => d.items);
function scoresFor(total: number): Record<string, number> {
  const s = Object.fromEntries(items.map((i) => [i.key, Math.max(...i.options.map((o) => o.points))]));
  let lose = 90 - total;
  for (const i of items) {
    const take = Math.min(lose, s[i.key]!);
    s[i.key] = s[i.key]! - take;
    lose -= take;
  }
  return s;
}

beforeAll(async () => {
  await needDashboard();
  [hub, browser] = await Promise.all([startTestHub(), launchChromium()]);
  sessions = new Sessions(browser, hub.base);
  adminToken = await hub.login('admin@demo.local', 'demo-admin-pass');
  const staffToken = await hub.login(STAFF.email, STAFF.password);
  institutionId = (await hub.api<{ user: User }>('GET', '/api/auth/me', staffToken)).body.user.institutionId!;
}, 120_000);

afterAll(async () => {
  await sessions?.close();
  await browser?.close();
  await hub?.stop();
});

describe('oversight screens', () => {
  it('an assessment on the profile makes a self-care elder full care and raises the staffing requirement', async () => {
    const board = async () =>
      (await hub.api<InstitutionBoard>('GET', `/api/institutions/${institutionId}/board`, adminToken)).body;
    const before = await board();
    // Pick the self-care resident whose move to full care raises the requirement.
    const { byLevel } = before.staffing;
    const care = byLevel.full_care + byLevel.semi_care + 1;
    const expected = Math.ceil(care / 6) + Math.ceil((byLevel.self_care - 1) / 10);
    const self = before.rooms
      .flatMap((r) => r.beds)
      .map((b) => b.resident)
      .find((r) => r?.careLevel === 'self_care')!;
    expect(self).toBeTruthy();

    const page = await signIn(STAFF);
    await page.goto(`${hub.base}/#/residents/${self.id}`);
    const panel = page.getByTestId('assessment-panel');
    await expect.poll(() => panel.getByTestId('current-grade').textContent()).toContain('未评估');
    await panel.getByRole('button', { name: '新的评估' }).click();
    const form = page.getByTestId('assessment-form');
    await form.waitFor();
    const scores = scoresFor(35);
    for (const [key, points] of Object.entries(scores)) await form.locator(`#a-${key}`).selectOption(String(points));
    await expect.poll(() => page.getByTestId('assessment-preview').textContent()).toContain('总分 35 / 90');
    expect(await page.getByTestId('assessment-preview').textContent()).toContain('重度失能');
    expect(await page.getByTestId('assessment-preview').textContent()).toContain('全护理');
    await shot(page, 'assessment-form-1280', true);
    await form.getByRole('button', { name: '保存评估' }).click();
    await expect.poll(() => panel.getByTestId('current-grade').textContent()).toContain('重度失能');
    expect(await page.getByTestId('assessment-history').locator('tbody tr').count()).toBe(1);
    expect(await page.locator('.subtitle').first().textContent()).toContain('全护理');
    await shot(page, 'assessment-saved-1280');

    expect((await board()).staffing.required).toBe(expected);
    await page.goto(`${hub.base}/#/institutions/${institutionId}`);
    await expect.poll(() => page.getByTestId('staff-required').textContent()).toBe(String(expected));
  });

  it('the official lands on the indicators, drills down to institutions and cannot open elder records', async () => {
    const figures = (await hub.api<InstitutionOversight>('GET', '/api/oversight/institutions', adminToken)).body;
    const ind = (await hub.api<Indicators>('GET', '/api/oversight/indicators', adminToken)).body;
    const visit = (await hub.api<VisitReport>('GET', `/api/visits/report?month=${ind.month}`, adminToken)).body;
    for (const width of [1280, 390]) {
      const page = await signIn(OFFICIAL, width);
      const table = page.getByTestId('oversight-beds');
      await table.waitFor();
      const district = page.getByTestId('oversight-district');
      expect(await district.locator('td').nth(1).textContent()).toBe(String(figures.district.total));
      for (const i of figures.institutions) expect(await table.textContent()).toContain(i.name);
      // The visit rate on the dashboard is the visit-rate report's.
      const rate = visit.district.ratePct === null ? '—' : `${visit.district.ratePct.toFixed(1)}%`;
      expect(await page.getByTestId('kpi-visit').textContent()).toContain(rate);
      const towns = page.getByTestId('ind-townships');
      expect(await towns.textContent()).toContain('东湖街道');
      expect(await page.getByTestId('ind-trend').locator('figure').count()).toBe(4);
      expect(await page.getByTestId('ind-xlsx').getAttribute('href')).toContain(
        '/api/oversight/indicators/report.xlsx',
      );
      await shot(page, `oversight-official-${width}`, true);
      await page.goto(`${hub.base}/#/residents`);
      await expect.poll(() => page.locator('main').textContent()).toContain('无权');
      if (width === 390) await shot(page, 'oversight-official-forbidden-390');
      if (width === 1280) {
        // The official records a fire-safety inspection whose deadline has passed: flagged overdue.
        await page.goto(`${hub.base}/#/`);
        await page.locator('#in-inst').selectOption(figures.institutions[0]!.institutionId);
        await page.locator('#in-kind').selectOption('fire_safety');
        await page.locator('#in-date').fill('2026-01-05');
        await page.locator('#in-who').fill('区消防检查组');
        await page.locator('#in-by').fill('2026-01-20');
        await page.locator('#in-findings').fill('疏散通道堆放杂物');
        await page.getByRole('button', { name: '保存检查记录' }).click();
        await expect.poll(() => page.getByTestId('inspections').textContent()).toContain('逾期未整改');
        await page.getByRole('button', { name: '标记已整改' }).click();
        await expect.poll(() => page.getByTestId('inspections').textContent()).toContain('已整改');
        // The print-styled page: navigation and buttons hidden.
        await page.goto(`${hub.base}/#/oversight`);
        await page.getByTestId('ind-kpis').waitFor();
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('nav.sidenav').isVisible()).toBe(false);
        await shot(page, 'oversight-print-1280', true);
        await page.emulateMedia({ media: 'screen' });
      }
    }
  });

  it('coordinators see the region tree with elders per community', async () => {
    for (const width of [1280, 390]) {
      const page = await signIn(COORDINATOR, width);
      await page.goto(`${hub.base}/#/regions`);
      const tree = page.getByTestId('region-tree');
      await tree.waitFor();
      expect(await tree.textContent()).toContain('东湖街道');
      expect(await tree.textContent()).toContain('幸福里社区');
      await shot(page, `regions-${width}`, true);
    }
    expect(sessions.pageErrors).toEqual([]);
  });
});
