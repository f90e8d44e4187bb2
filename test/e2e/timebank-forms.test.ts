/**
 * The time-bank forms in a real Chromium: the demo volunteer finds only his own family in the gift
 * picker, gives hours to his mother chosen by name (a double submit posts once), is told in plain
 * words when the hub refuses a gift, and redeems hours on a phone; the coordinator creates a program,
 * registers a volunteer with a login picked by name, reverses a transfer (shown in the reader's
 * language on the ledger and statement) and edits the visit settings.
 * Needs the built dashboard and /usr/bin/chromium; screenshots go to test-results/screenshots.
 */
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { SHOTS, launchChromium, needDashboard } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.js';

const PHONE = { width: 390, height: 844 };
let hub: TestHub;
let browser: Browser;
const contexts: BrowserContext[] = [];

interface Transfer {
  id: string;
  kind: string;
  memo: string;
  reversedById: string | null;
  entries: { accountId: string; accountName: string; amountMinutes: number }[];
}

async function signIn(email: string, password: string, viewport = { width: 1440, height: 960 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[browser ${email}]`, err.message));
  await page.goto(`${hub.base}/#/login`);
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(password);
  await page.locator('button[type=submit]').click();
  await page.locator('nav.sidenav').waitFor();
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

async function transfers(token: string, kind: string): Promise<Transfer[]> {
  const r = await hub.api<{ items: Transfer[] }>('GET', `/api/timebank/transfers?kind=${kind}&limit=500`, token);
  expect(r.status).toBe(200);
  return r.body.items;
}

beforeAll(async () => {
  await needDashboard();
  [hub, browser] = await Promise.all([startTestHub(), launchChromium()]);
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await hub?.stop();
});

describe('time-bank forms', () => {
  it('lets the volunteer give hours to his mother once, explains a refused gift, and redeem hours', async () => {
    const vToken = await hub.login('volunteer@demo.local', 'demo-volunteer-pass');
    const giftsBefore = (await transfers(vToken, 'gift')).length;
    const redeemBefore = (await transfers(vToken, 'redemption')).length;

    const vol = await signIn('volunteer@demo.local', 'demo-volunteer-pass', PHONE);
    const posts: string[] = [];
    vol.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/timebank/')) posts.push(new URL(r.url()).pathname);
    });
    await vol.goto(`${hub.base}/#/tasks`);

    // The picker offers only whom the program lets him give to (family only): a stranger is not found,
    // by name or by a pasted account number.
    const cToken = await hub.login('coordinator@demo.local', 'demo-coord-pass');
    const vols = await hub.api<{ items: { name: string; accountId: string }[] }>(
      'GET',
      '/api/timebank/volunteers',
      cToken,
    );
    const stranger = vols.body.items.find((v) => v.name === '赵丽')!;
    const to = vol.locator('#h-to');
    const listbox = vol.getByRole('listbox', { name: '赠予给' });
    for (const text of ['赵丽', stranger.accountId]) {
      await to.fill(text);
      await expect.poll(() => listbox.textContent()).toBe('没有匹配的选项');
    }
    await shot(vol, 'timebank-gift-search');

    // Gift to his mother, chosen by name; submitted twice at once.
    await to.fill('');
    const mother = listbox.getByRole('option', { name: /老人/ });
    await expect.poll(() => mother.count()).toBe(1);
    const motherName = (await mother.locator('span').first().textContent())!;
    await to.fill(motherName.slice(0, 2));
    await mother.click();
    await expect.poll(() => to.inputValue()).toBe(motherName);
    await vol.locator('#h-hours').fill('0.5');
    await expect.poll(() => vol.locator('#h-hours-hint').textContent()).toMatch(/30分/);
    await vol.locator('#h-memo').fill('e2e 给妈妈');
    await vol.locator('form.hours-form').evaluate((f: HTMLFormElement) => {
      f.requestSubmit();
      f.requestSubmit();
    });
    await vol.getByRole('link', { name: '查看凭证' }).waitFor();
    expect(posts.filter((p) => p === '/api/timebank/gifts')).toHaveLength(1);
    const gifts = await transfers(vToken, 'gift');
    expect(gifts).toHaveLength(giftsBefore + 1);
    expect(gifts[0]!.memo).toBe('e2e 给妈妈');
    expect(gifts[0]!.entries.find((e) => e.amountMinutes > 0)?.accountName).toBe(motherName);
    await shot(vol, 'timebank-gift');

    // The coordinator stops gifts while the form is open: the hub refuses, and says why in plain words.
    const programId = (await hub.api<{ items: { id: string }[] }>('GET', '/api/timebank/programs', cToken)).body
      .items[0]!.id;
    const setGifts = (giftRecipients: string) =>
      hub.api('PATCH', `/api/timebank/programs/${programId}`, cToken, { policy: { giftRecipients } });
    expect((await setGifts('none')).status).toBe(200);
    try {
      await vol.locator('#h-hours').fill('1');
      await vol.getByRole('button', { name: '确认赠予' }).click();
      await expect.poll(() => vol.locator('form.hours-form [role=alert]').textContent()).toMatch(/不允许赠予时间/);
      await shot(vol, 'timebank-gift-refused');
    } finally {
      expect((await setGifts('family_only')).status).toBe(200);
    }
    expect(await transfers(vToken, 'gift')).toHaveLength(giftsBefore + 1);

    // Redeem half an hour of cleaning for himself.
    await vol.getByRole('button', { name: '兑换服务' }).click();
    await vol.locator('#h-service').selectOption('cleaning');
    await vol.locator('#h-hours').fill('0:30');
    await vol.locator('#h-memo').fill('e2e 周三上午');
    await vol.getByRole('button', { name: '确认兑换' }).click();
    await expect.poll(async () => (await transfers(vToken, 'redemption')).length).toBe(redeemBefore + 1);
    expect((await transfers(vToken, 'redemption'))[0]!.memo).toBe('助洁 · 本人 · e2e 周三上午');
    await shot(vol, 'timebank-redeem');
  });

  it('lets the coordinator create a program, see its totals and reconcile it', async () => {
    const coord = await signIn('coordinator@demo.local', 'demo-coord-pass');
    await coord.goto(`${hub.base}/#/ledger/programs`);
    await coord.getByRole('button', { name: '新建项目' }).click();
    await coord.locator('#pf-new-name').fill('e2e 青年时间银行');
    await coord.locator('#pf-new-vage').fill('18');
    await coord.locator('#pf-new-cap').fill('100');
    await coord.locator('#pf-new-exp').fill('10');
    await coord.locator('#pf-new-gift').selectOption('none');
    await coord.getByRole('button', { name: '创建项目' }).click();
    await expect.poll(() => coord.locator('.field-error').first().textContent()).toMatch(/至少 30 天/);
    await coord.locator('#pf-new-exp').fill('365');
    await coord.getByRole('button', { name: '创建项目' }).click();
    const card = coord.locator('section.program', { hasText: 'e2e 青年时间银行' });
    await card.waitFor();
    await expect.poll(() => card.locator('dl').textContent()).toMatch(/100小时/);
    const token = await hub.login('coordinator@demo.local', 'demo-coord-pass');
    const programs = await hub.api<{ items: { name: string; policy: Record<string, unknown> }[] }>(
      'GET',
      '/api/timebank/programs',
      token,
    );
    expect(programs.body.items.find((p) => p.name === 'e2e 青年时间银行')?.policy).toMatchObject({
      minVolunteerAge: 18,
      capMinutes: 6000,
      expiryDays: 365,
      giftRecipients: 'none',
    });
    const demo = coord.locator('section.program', { hasText: '社区时间银行' });
    await demo.getByRole('button', { name: '对账' }).click();
    await expect.poll(() => demo.locator('.banner').textContent()).toMatch(/账实相符/);
    await shot(coord, 'timebank-programs');
  });

  it('lets the coordinator register a volunteer, checked against the minimum age, and link their login by name', async () => {
    const admin = await hub.login('admin@demo.local', 'demo-admin-pass');
    const login = await hub.api<{ id: string }>('POST', '/api/users', admin, {
      email: 'e2e-wang@demo.local',
      name: 'e2e 王小明',
      password: 'e2e-wang-pass',
      role: 'volunteer',
    });
    expect(login.status).toBe(201);
    const coord = await signIn('coordinator@demo.local', 'demo-coord-pass');
    await coord.goto(`${hub.base}/#/ledger/volunteers`);
    await coord.getByRole('button', { name: '登记志愿者' }).click();
    await coord.locator('#vo-name').fill('e2e 王小明');
    await coord.locator('#vo-birth').fill('2015-03-01');
    await coord.locator('#vo-org').selectOption({ index: 1 });
    await expect.poll(() => coord.locator('.field-error').first().textContent()).toMatch(/须年满 16 岁/);
    await coord.locator('#vo-birth').fill('1995-03-01');
    // The login picker lists the district's volunteer logins; one already linked cannot be chosen again.
    const logins = coord.getByRole('listbox', { name: '登录账号' });
    await coord.locator('#vo-user').click();
    await expect
      .poll(() => logins.getByRole('option', { name: /志愿者 刘洋/ }).getAttribute('aria-disabled'))
      .toBe('true');
    await coord.locator('#vo-user').fill('e2e-wang');
    await logins.getByRole('option', { name: /e2e 王小明/ }).click();
    await coord.getByRole('button', { name: '登记', exact: true }).click();
    await coord.locator('table.data tr', { hasText: 'e2e 王小明' }).waitFor();
    await shot(coord, 'timebank-volunteers');
    const token = await hub.login('coordinator@demo.local', 'demo-coord-pass');
    const vols = await hub.api<{ items: { name: string; userId: string | null }[] }>(
      'GET',
      '/api/timebank/volunteers',
      token,
    );
    expect(vols.body.items.find((v) => v.name === 'e2e 王小明')?.userId).toBe(login.body.id);
  });

  it('lets the coordinator reverse a transfer with a reason on its own page', async () => {
    const token = await hub.login('coordinator@demo.local', 'demo-coord-pass');
    const gift = (await transfers(token, 'gift')).find((t) => t.memo === 'e2e 给妈妈' && !t.reversedById)!;
    const coord = await signIn('coordinator@demo.local', 'demo-coord-pass');
    await coord.goto(`${hub.base}/#/transfers/${gift.id}`);
    await coord.getByRole('button', { name: '过账冲正' }).click();
    await coord.locator('.field-error', { hasText: '请填写冲正原因' }).waitFor();
    await coord.locator('#tr-reason').fill('e2e 记错账户');
    await coord.getByRole('button', { name: '过账冲正' }).click();
    await expect.poll(() => coord.locator('.facts').textContent()).toMatch(/冲正原因\s*e2e 记错账户/);
    expect(coord.url()).not.toContain(gift.id);
    await shot(coord, 'timebank-reversal');
    const after = await hub.api<Transfer>('GET', `/api/timebank/transfers/${gift.id}`, token);
    expect(after.body.reversedById).toBeTruthy();

    // The ledger and the statement tell the reversal in the reader's language, not the hub's English memo.
    await coord.goto(`${hub.base}/#/ledger`);
    await coord.locator('ul.transfers li', { hasText: '冲正：e2e 记错账户' }).waitFor();
    expect(await coord.locator('ul.transfers').textContent()).not.toMatch(/reversal of/);
    const giver = gift.entries.find((e) => e.amountMinutes < 0)!.accountId;
    await coord.goto(`${hub.base}/#/statement/${giver}`);
    const line = coord.locator('table.data tbody tr', { hasText: '冲正：e2e 记错账户' });
    await line.waitFor();
    await coord.evaluate(() => localStorage.setItem('eldercare.lang', 'en'));
    await coord.reload();
    await coord.locator('table.data tbody tr', { hasText: 'Reversal: e2e 记错账户' }).waitFor();
    expect(await coord.locator('table.data').textContent()).not.toMatch(/reversal of/);
    await shot(coord, 'timebank-statement-reversal-en');
  });

  it('lets the coordinator change the visit settings and one elder plan', async () => {
    const coord = await signIn('coordinator@demo.local', 'demo-coord-pass');
    await coord.goto(`${hub.base}/#/visits`);
    await coord.getByText('探访设置').click();
    await coord.locator('#vs-highDays').fill('5');
    await coord.getByRole('button', { name: '添加社区目标' }).click();
    await coord.locator('#vs-c-0').fill('e2e 社区');
    await coord.locator('details.settings').getByRole('button', { name: '保存' }).click();
    await expect.poll(() => coord.locator('.toast').textContent()).toMatch(/探访设置已保存/);
    const row = coord.locator('table.data tbody tr').filter({ has: coord.getByRole('button', { name: '编辑' }) });
    await row.first().getByRole('button', { name: '编辑' }).click();
    await coord.locator('form.plan-edit input').fill('3');
    await coord.locator('form.plan-edit').getByRole('button', { name: '保存' }).click();
    await expect.poll(() => coord.locator('table.data').last().textContent()).toMatch(/每 3 天/);
    await shot(coord, 'visits-settings');
    const token = await hub.login('coordinator@demo.local', 'demo-coord-pass');
    const settings = await hub.api<{ highDays: number; communityTargets: Record<string, number> }>(
      'GET',
      '/api/visits/settings',
      token,
    );
    expect(settings.body).toMatchObject({ highDays: 5, communityTargets: { 'e2e 社区': 100 } });
  });
});
