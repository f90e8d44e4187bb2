/**
 * What the browser tests (test/e2e) share: the check that the dashboard is built, the headless
 * Chromium they drive (/usr/bin/chromium, or CHROMIUM_PATH) and where screenshots go.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

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
