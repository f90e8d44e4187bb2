/**
 * What the browser tests (test/e2e) share: the check that the dashboard is built, the headless
 * Chromium they drive (/usr/bin/chromium, or CHROMIUM_PATH) and where screenshots go.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Screenshots of the e2e tests, to look at (test-results/screenshots). */
export const SHOTS = path.join(ROOT, 'test-results/screenshots');

/** Fails early when the dashboard is not built (the hub serves DASHBOARD_DIR or dashboard/dist); makes SHOTS. */
export async function needDashboard(): Promise<void> {
  const dist = process.env.DASHBOARD_DIR ?? path.join(ROOT, 'dashboard/dist');
  if (!existsSync(path.join(dist, 'index.html')))
    throw new Error(`build the dashboard first: npm run build -w dashboard (${dist})`);
  await mkdir(SHOTS, { recursive: true });
}

/** A headless Chromium without background traffic of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Where a screenshot named `name` goes (SHOTS/<name>.png); the whole page with `fullPage`. */
export function shot(page: Page, name: string, fullPage = false): Promise<Buffer> {
  return page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

/** The demo district's sign-ins the screen tests use. */
export const DEMO_LOGINS = {
  staff: { email: 'staff@demo.local', password: 'demo-staff-pass' },
  official: { email: 'official@demo.local', password: 'demo-official-pass' },
  coordinator: { email: 'coordinator@demo.local', password: 'demo-coord-pass' },
} as const;

/**
 * The signed-in browser windows of one test file: each person signs in through the login screen in
 * a context of their own (Chinese, a given width); errors a page throws are kept for the last check.
 */
export class Sessions {
  readonly pageErrors: string[] = [];
  private readonly contexts: BrowserContext[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly base: string,
  ) {}

  async signIn(user: { email: string; password: string }, width = 1280): Promise<Page> {
    const context = await this.browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
    this.contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => this.pageErrors.push(`[${user.email}] ${err.message}`));
    await page.goto(`${this.base}/#/login`);
    await page.locator('#login-email').fill(user.email);
    await page.locator('#login-password').fill(user.password);
    await page.locator('button[type=submit]').click();
    await page.locator('.layout').waitFor();
    return page;
  }

  async close(): Promise<void> {
    for (const c of this.contexts) await c.close().catch(() => undefined);
  }
}
