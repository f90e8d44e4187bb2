/**
 * Every dashboard page, for every role, at a 1280 px monitor and a 1920 px wall display — and the
 * field roles' pages (care-home staff, volunteers, family) on a 390 px phone: no sideways scrolling
 * (the document's scrollWidth ≤ clientWidth) and not one console error, from the login page on.
 * Screenshots of every page go to test-results/screenshots/layout-*. Needs the built dashboard
 * (`npm run build -w dashboard`) and /usr/bin/chromium.
 */
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { SHOTS, launchChromium, needDashboard } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device, Institution, MyTimebank, Resident, Role } from '@eldercare/shared';
import { canOpen, parseHash } from '../../dashboard/src/lib/routes.js';
import { startTestHub, type TestHub } from '../support/hub.js';

const LOGINS: { email: string; password: string; role: Role; phone: boolean }[] = [
  { email: 'admin@demo.local', password: 'demo-admin-pass', role: 'admin', phone: false },
  { email: 'dispatcher@demo.local', password: 'demo-dispatch-pass', role: 'dispatcher', phone: false },
  { email: 'supervisor@demo.local', password: 'demo-supervisor-pass', role: 'supervisor', phone: false },
  { email: 'coordinator@demo.local', password: 'demo-coord-pass', role: 'coordinator', phone: false },
  { email: 'staff@demo.local', password: 'demo-staff-pass', role: 'institution_staff', phone: true },
  { email: 'volunteer@demo.local', password: 'demo-volunteer-pass', role: 'volunteer', phone: true },
  { email: 'family@demo.local', password: 'demo-family-pass', role: 'family', phone: true },
];

let hub: TestHub;
let browser: Browser;
const ids: { resident: string; device: string; institution: string } = { resident: '', device: '', institution: '' };

/** Every screen of the dashboard (those a role may open are kept). */
function pagesFor(role: Role, statement: string | null, resident: string): string[] {
  const all = [
    '#/',
    '#/alarms',
    '#/dispatch',
    '#/dispatch?queue=device_health',
    '#/residents',
    '#/residents/new',
    `#/residents/${resident}`,
    `#/residents/${resident}/edit`,
    '#/devices',
    '#/devices/new',
    `#/devices/${ids.device}`,
    '#/institutions',
    '#/institutions/new',
    `#/institutions/${ids.institution}`,
    `#/institutions/${ids.institution}/edit`,
    '#/requests',
    '#/tasks',
    '#/ledger',
    '#/ledger/programs',
    '#/ledger/volunteers',
    '#/ledger/organisations',
    '#/hours',
    '#/visits',
    '#/meals/orders',
    '#/meals/runs',
    '#/meals/plans',
    '#/meals/kitchens',
    '#/meals/pickup',
    '#/meals/reports',
    '#/runs',
    '#/users',
    '#/audit',
    '#/respond',
    '#/family',
    '#/notifications',
    '#/notifications/defaults',
    ...(statement ? [`#/statement/${statement}`] : []),
  ];
  return all.filter((h) => canOpen(role, parseHash(h).route));
}

/** Waits until the page has stopped loading: no "loading" status left (or a few seconds passed). */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(300);
  await page
    .waitForFunction(
      () =>
        !Array.from(document.querySelectorAll('[role=status]')).some((e) => /加载|Loading/.test(e.textContent ?? '')),
      null,
      {
        timeout: 8000,
      },
    )
    .catch(() => undefined);
  await page.waitForTimeout(400);
}

/** The deepest elements that reach past the right edge (to say what overflows). */
const widest = (page: Page) =>
  page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.right <= w + 0.5 || r.width === 0) continue;
      if (Array.from(el.children).some((c) => c.getBoundingClientRect().right > w + 0.5)) continue;
      out.push(`${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')}(${Math.round(r.right)})`);
    }
    return out.slice(0, 4).join(' ');
  });

beforeAll(async () => {
  await needDashboard();
  [hub, browser] = await Promise.all([startTestHub({ DEMO_HISTORY: 'true' }), launchChromium()]);
  const admin = await hub.login('admin@demo.local', 'demo-admin-pass');
  const staff = await hub.login('staff@demo.local', 'demo-staff-pass');
  const me = (await hub.api<{ user: { institutionId: string } }>('GET', '/api/auth/me', staff)).body.user;
  ids.institution = me.institutionId;
  const residents = (
    await hub.api<{ items: Resident[] }>('GET', `/api/residents?institutionId=${ids.institution}&limit=5`, admin)
  ).body.items;
  ids.resident = residents[0]!.id;
  ids.device = (await hub.api<{ items: Device[] }>('GET', '/api/devices', admin)).body.items[0]!.id;
  expect((await hub.api<{ items: Institution[] }>('GET', '/api/institutions', admin)).status).toBe(200);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

const WIDTHS = [1280, 1920, 390] as const;
/** LAYOUT_ROLES=family,volunteer runs those roles only (while fixing a page). */
const only = process.env.LAYOUT_ROLES?.split(',');

describe('layout and console on every page', () => {
  for (const login of LOGINS) {
    for (const width of WIDTHS) {
      if (width === 390 && !login.phone) continue;
      if (only && !only.includes(login.role)) continue;
      it(`${login.role} at ${width} px: no sideways scrolling, no console error`, async () => {
        const context = await browser.newContext({
          viewport: { width, height: width === 390 ? 844 : width === 1920 ? 1080 : 800 },
          locale: 'zh-CN',
          ...(width === 390 ? { isMobile: true, hasTouch: true } : {}),
        });
        const page = await context.newPage();
        const errors: string[] = [];
        let where = '#/login';
        page.on('pageerror', (err) => errors.push(`${where}: ${err.message}`));
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(`${where}: ${m.text()} ${m.location().url ?? ''}`);
        });
        const overflow: string[] = [];
        try {
          await page.goto(`${hub.base}/#/login`);
          await page.locator('#login-email').waitFor();
          await settle(page);
          if (login.role === 'admin') {
            await page.screenshot({ path: path.join(SHOTS, `layout-login-${width}.png`) });
            if (
              !(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth))
            )
              overflow.push('#/login');
          }
          await page.locator('#login-email').fill(login.email);
          await page.locator('#login-password').fill(login.password);
          await page.locator('button[type=submit]').click();
          await page.locator('nav.sidenav').waitFor();
          let statement: string | null = null;
          // Family open their own elder's profile; everyone else a resident of the staff's institution.
          const me = await page.evaluate(
            async () => (await (await fetch('/api/auth/session')).json()) as { user: { residentId: string | null } },
          );
          const resident = login.role === 'family' ? me.user.residentId! : ids.resident;
          if (login.role === 'volunteer' || login.role === 'family') {
            const mine = await page.evaluate(async () => {
              const r = await fetch('/api/timebank/me');
              return r.ok ? ((await r.json()) as MyTimebank) : null;
            });
            statement = mine?.accounts[0]?.id ?? null;
          }
          for (const hash of pagesFor(login.role, statement, resident)) {
            where = hash;
            await page.evaluate((h) => (window.location.hash = h), hash);
            await settle(page);
            const sizes = await page.evaluate(() => ({
              scroll: document.documentElement.scrollWidth,
              client: document.documentElement.clientWidth,
            }));
            if (sizes.scroll > sizes.client)
              overflow.push(`${hash} (${sizes.scroll} > ${sizes.client}): ${await widest(page)}`);
            const name =
              hash
                .replace(/^#\/?/, '')
                .replace(/[^A-Za-z0-9]+/g, '-')
                .replace(/-$/, '') || 'overview';
            await page.screenshot({ path: path.join(SHOTS, `layout-${login.role}-${width}-${name.slice(0, 40)}.png`) });
          }
        } finally {
          await context.close();
        }
        expect(overflow).toEqual([]);
        expect(errors).toEqual([]);
      }, 400_000);
    }
  }
});
