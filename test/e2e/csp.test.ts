/**
 * The Content-Security-Policy holds for the real dashboard in Chromium: `connect-src 'self'` (no
 * ws:/wss: to other hosts) still lets socket.io connect over WebSocket to the hub, and
 * `style-src 'self'` (no 'unsafe-inline') breaks nothing: every screen of every role is opened and
 * the browser reports no CSP violation. The detector is the page's own `securitypolicyviolation`
 * event, checked to fire for an inline style first. Needs the built dashboard and /usr/bin/chromium.
 */
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, needDashboard } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.js';

let hub: TestHub;
let browser: Browser;

const USERS = {
  admin: { email: 'admin@demo.local', password: 'demo-admin-pass' },
  dispatcher: { email: 'dispatcher@demo.local', password: 'demo-dispatch-pass' },
  staff: { email: 'staff@demo.local', password: 'demo-staff-pass' },
  volunteer: { email: 'volunteer@demo.local', password: 'demo-volunteer-pass' },
};

beforeAll(async () => {
  await needDashboard();
  [hub, browser] = await Promise.all([startTestHub(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

/** A signed-in page that records CSP violations (from the page's own event and the console). */
async function signIn(user: { email: string; password: string }) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const violations: string[] = [];
  const sockets: string[] = [];
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation(v: string): void }).__cspViolation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
      );
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  // WebSocket frames received, by URL (socket.io's snapshot arrives as one).
  page.on('websocket', (ws) =>
    ws.on('framereceived', (f) => sockets.push(`${ws.url()} ${String(f.payload).slice(0, 40)}`)),
  );
  await page.goto(`${hub.base}/#/login`);
  await page.locator('#login-email').fill(user.email);
  await page.locator('#login-password').fill(user.password);
  await page.locator('button[type=submit]').click();
  await page.locator('nav.sidenav').waitFor();
  return { page, violations, sockets, close: () => context.close() };
}

/** Opens a screen and lets it load its data and draw. */
async function open(page: Page, hash: string) {
  await page.goto(`${hub.base}/${hash}`);
  await page.locator('main').first().waitFor();
  await page.waitForLoadState('networkidle');
}

describe('Content-Security-Policy in Chromium', () => {
  it('the policy is sent: only the hub itself, no inline styles', async () => {
    const res = await fetch(`${hub.base}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    expect(csp).toMatch(/style-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline|ws:|wss:/);
  });

  it('the detector fires: an inline style is reported as a violation', async () => {
    const s = await signIn(USERS.admin);
    try {
      await s.page.evaluate(() => {
        const el = document.createElement('div');
        el.setAttribute('style', 'color: red');
        document.body.appendChild(el);
      });
      await expect.poll(() => s.violations.length).toBeGreaterThan(0);
      expect(s.violations.join('\n')).toMatch(/style-src/);
    } finally {
      await s.close();
    }
  });

  it('every screen of every role loads without a violation; socket.io connects over WebSocket', async () => {
    const admin = (await hub.api<{ token: string }>('POST', '/api/auth/login', undefined, USERS.admin)).body.token;
    const resident = (await hub.api<{ items: { id: string }[] }>('GET', '/api/residents?limit=1', admin)).body.items[0]!
      .id;
    const institution = (
      await hub.api<{ items: { id: string }[] } | { id: string }[]>('GET', '/api/institutions', admin)
    ).body;
    const institutionId = (Array.isArray(institution) ? institution : institution.items)[0]!.id;
    const screens: Record<keyof typeof USERS, string[]> = {
      admin: [
        '#/',
        '#/dispatch',
        '#/residents',
        '#/residents/new',
        `#/residents/${resident}`,
        `#/residents/${resident}/edit`,
        '#/devices',
        '#/devices/new',
        '#/institutions',
        '#/institutions/new',
        `#/institutions/${institutionId}`,
        '#/requests',
        '#/ledger',
        '#/ledger/programs',
        '#/ledger/volunteers',
        '#/ledger/organisations',
        '#/visits',
        '#/meals',
        '#/meals/runs',
        '#/meals/plans',
        '#/meals/kitchens',
        '#/meals/pickup',
        '#/meals/reports',
        '#/history',
        '#/sla',
        '#/handover',
        '#/dispatch/plans',
        '#/regions',
        '#/oversight',
        '#/audit',
        '#/notifications',
        '#/nope',
      ],
      dispatcher: ['#/', '#/dispatch', `#/residents/${resident}`, '#/history', '#/sla', '#/handover'],
      staff: ['#/', '#/alarms', '#/institutions'],
      volunteer: ['#/tasks', '#/hours', '#/runs', '#/visits', '#/requests'],
    };
    const problems: string[] = [];
    for (const [role, hashes] of Object.entries(screens)) {
      const s = await signIn(USERS[role as keyof typeof USERS]);
      try {
        for (const h of hashes) {
          const before = s.violations.length;
          await open(s.page, h);
          for (const v of s.violations.slice(before)) problems.push(`${role} ${h}: ${v}`);
        }
        if (role === 'admin' || role === 'dispatcher') {
          // The live channel: a WebSocket to the hub's own origin, connected and carrying events.
          // (socket.io starts on long-polling and upgrades: the first snapshot may come either way,
          // so any event frame on the WebSocket — `42[…]` — shows the CSP lets it through.)
          await open(s.page, '#/dispatch');
          const own = hub.base.replace('http', 'ws');
          await expect
            .poll(() => s.sockets.some((f) => f.startsWith(own) && / 42\[/.test(f)), { timeout: 10_000 })
            .toBe(true);
        }
      } finally {
        await s.close();
      }
    }
    expect(problems).toEqual([]);
  }, 180_000);
});
