/**
 * The account lockout holds against parallel attempts: the failure count and the lock are one
 * atomic update, so a burst of wrong passwords sent at once locks the account like the same
 * number sent one by one, and the right password is refused (423) afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestHub, type TestHub } from '../support/hub.js';

let hub: TestHub;
let admin: string;

beforeAll(async () => {
  // The per-address limit is raised so that the per-account lockout is what is tested here.
  hub = await startTestHub({ LOGIN_IP_MAX_FAILURES: '10000' });
  admin = await hub.login(ADMIN.email, ADMIN.password);
});
afterAll(async () => {
  await hub?.stop();
});

const login = (email: string, password: string) =>
  hub.api<{ error?: string }>('POST', '/api/auth/login', undefined, { email, password });

async function newUser(email: string, password: string) {
  const created = await hub.api('POST', '/api/users', admin, { email, name: 'Lockout', password, role: 'dispatcher' });
  expect(created.status).toBe(201);
}

describe('lockout under parallel logins', () => {
  it('50 simultaneous wrong passwords lock the account; then the right password gets 423', async () => {
    const email = `race-${Date.now()}@demo.local`;
    await newUser(email, 'right-password-9');
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => login(email, `wrong-password-${i}`)));
    const statuses = results.map((r) => r.status);
    // Never a success, and every answer is a refusal for a wrong password or for the lock.
    expect(
      statuses.every((s) => s === 401 || s === 423),
      statuses.join(','),
    ).toBe(true);
    // At most the first five failures can be told "wrong password"; the rest met the lock.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    const right = await login(email, 'right-password-9');
    expect(right.status).toBe(423);
    expect(right.body.error).toMatch(/locked/);
  });

  it('a right password racing a burst of wrong ones cannot get in once the account is locked', async () => {
    const email = `race2-${Date.now()}@demo.local`;
    await newUser(email, 'right-password-8');
    const wrong = Array.from({ length: 20 }, (_, i) => login(email, `wrong-password-${i}`));
    const results = await Promise.all([...wrong, login(email, 'right-password-8')]);
    expect(results.slice(0, 20).every((r) => r.status === 401 || r.status === 423)).toBe(true);
    // However the right one raced, the account ends locked and a later right password is refused.
    expect((await login(email, 'right-password-8')).status).toBe(423);
  });

  it('sequential attempts: five wrong passwords answer 401, the sixth attempt meets the lock', async () => {
    const email = `seq-${Date.now()}@demo.local`;
    await newUser(email, 'right-password-7');
    for (let i = 0; i < 5; i++) expect((await login(email, `wrong-${i}-password`)).status).toBe(401);
    expect((await login(email, 'wrong-again-password')).status).toBe(423);
    expect((await login(email, 'right-password-7')).status).toBe(423);
  });
});
