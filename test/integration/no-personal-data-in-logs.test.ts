/**
 * No personal data in any log line, database errors included. The test database gets rules that
 * refuse rows carrying the test's personal data (a CHECK constraint, whose error detail quotes the
 * whole failing row, and a trigger whose error message quotes the name), then residents, users,
 * volunteers and resident edits are sent through the API. Every line the hub logs is captured: it
 * names the SQLSTATE, the constraint and the route, and contains none of the names, addresses,
 * phone numbers, emails or notes. A constraint violation answers 409 naming it, never a 5xx.
 * A control line proves the capture sees what the hub logs.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../hub/src/logger.js';
import { ADMIN, startTestHub, type TestHub } from '../support/hub.js';

const lines: string[] = [];
const capture = new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  },
});

const NAME = 'Xiulan Testname';
const ADDRESS = '99 Privacy Lane, flat 7';
const PHONE = '13912345678';
const EMAIL = 'xiulan.private@example.org';
const NOTES = 'warfarin 3 mg daily';
const PERSONAL = [NAME, 'Xiulan', ADDRESS, 'Privacy Lane', PHONE, EMAIL, NOTES, 'warfarin'];

let hub: TestHub;
let token: string;

beforeAll(async () => {
  hub = await startTestHub({}, undefined, { log: createLogger('debug', capture) });
  token = await hub.login(ADMIN.email, ADMIN.password);
  const q = (sql: string) => hub.database.pool.query(sql);
  await q(`ALTER TABLE residents ADD CONSTRAINT test_refuse_address CHECK (address NOT LIKE '%Privacy Lane%')`);
  await q(`ALTER TABLE users ADD CONSTRAINT test_refuse_email CHECK (email NOT LIKE '%private%')`);
  await q(`CREATE FUNCTION test_refuse_volunteer() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN
             IF NEW.name LIKE 'Xiulan%' THEN RAISE EXCEPTION 'refused volunteer %, phone %', NEW.name, NEW.phone; END IF;
             RETURN NEW;
           END $$`);
  await q(`CREATE TRIGGER test_refuse_volunteer BEFORE INSERT ON tb_volunteers
           FOR EACH ROW EXECUTE FUNCTION test_refuse_volunteer()`);
  await q(`ALTER TABLE residents ADD CONSTRAINT test_refuse_notes CHECK (medication_notes NOT LIKE '%warfarin%')`);
});
afterAll(async () => {
  await hub?.stop();
});

describe('database errors on routes with personal data', () => {
  it('are logged by SQLSTATE, constraint and route, with none of the personal data', async () => {
    const resident = await hub.api<{ error: string; details: { path: string }[] }>('POST', '/api/residents', token, {
      name: NAME,
      birthDate: '1940-01-01',
      sex: 'female',
      address: ADDRESS,
      phone: PHONE,
    });
    expect(resident.status).toBe(409);
    expect(resident.body.details[0]!.path).toBe('test_refuse_address');

    const user = await hub.api('POST', '/api/users', token, {
      email: EMAIL,
      name: NAME,
      password: 'a-long-password-1',
      role: 'coordinator',
    });
    expect(user.status).toBe(409);

    const programs = await hub.api<{ items: { id: string }[] }>('GET', '/api/timebank/programs', token);
    const volunteer = await hub.api<{ error: string }>('POST', '/api/timebank/volunteers', token, {
      programId: programs.body.items[0]!.id,
      name: NAME,
      phone: PHONE,
      birthDate: '1990-01-01',
    });
    expect(volunteer.status).toBe(500); // an unknown failure of the database: internal, but not leaked
    expect(volunteer.body.error).toBe('internal error');

    const existing = await hub.api<{ items: { id: string }[] }>('GET', '/api/residents?limit=1', token);
    const edit = await hub.api('PATCH', `/api/residents/${existing.body.items[0]!.id}`, token, {
      medicationNotes: NOTES,
    });
    expect(edit.status).toBe(409);

    // Control: the capture sees the hub's lines, and these errors were logged with their codes.
    await new Promise((r) => setTimeout(r, 200));
    const logged = lines.join('\n');
    expect(logged).toContain('"sqlstate":"23514"');
    expect(logged).toContain('"constraint":"test_refuse_address"');
    expect(logged).toContain('"route":"/api/residents/:id"');
    expect(logged).toContain('"sqlstate":"P0001"');
    for (const secret of PERSONAL) expect(logged, `the log contains "${secret}"`).not.toContain(secret);
  });
});
