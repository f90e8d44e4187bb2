/**
 * The dispatch board as a dispatcher sees it at the end of the day: the built dashboard in Chromium
 * (playwright-core, /usr/bin/chromium or CHROMIUM_PATH), signed in, both queues read off the screen
 * in the order shown.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the board cannot be looked at in a browser here, or null when it can. */
export function browserUnavailable(dashboardDir: string): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (CHROMIUM_PATH)`;
  if (!existsSync(path.join(dashboardDir, 'index.html')))
    return `no built dashboard in ${dashboardDir} (npm run build -w dashboard)`;
  return null;
}

export async function readBoard(
  base: string,
  user: { email: string; password: string },
): Promise<{ emergency: string[]; deviceHealth: string[] }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    // Signed in through the API and handed the session as a browser-session cookie: the hub dates the
    // cookie's expiry by the simulated clock, which the browser's own clock would find long past.
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(user),
    });
    if (!res.ok) throw new Error(`board login: ${res.status}`);
    const { token } = (await res.json()) as { token: string };
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await context.addCookies([{ name: 'eh_session', value: token, url: base, httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();
    await page.goto(`${base}/#/dispatch`);
    await page.locator('nav.sidenav').waitFor();
    const rows = async () => {
      // The queue once the live channel has synced: its rows, or the "nothing waiting" line.
      await page.locator('[data-testid=alert-queue], [data-testid=queue-empty]').first().waitFor({ timeout: 30_000 });
      return page
        .locator('[data-testid=alert-queue] [data-alert-id]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-alert-id') ?? ''));
    };
    const emergency = await rows().catch(async (err: Error) => {
      if (process.env.DISTRICT_DAY_SHOTS)
        await page.screenshot({ path: path.join(process.env.DISTRICT_DAY_SHOTS, 'board.png') });
      throw err;
    });
    await page.goto(`${base}/#/dispatch?queue=device_health`);
    const tab = page.locator('[role=tab]').nth(1);
    for (let i = 0; (await tab.getAttribute('aria-selected')) !== 'true'; i++) {
      if (i > 100) throw new Error('the device-health queue did not open');
      await page.waitForTimeout(100);
    }
    const deviceHealth = await rows();
    return { emergency, deviceHealth };
  } finally {
    await browser.close();
  }
}
