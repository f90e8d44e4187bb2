/**
 * Service requests, the "four orders" (order, dispatch, accept, rate), as the people in them meet
 * them: the elder's family orders, the coordinator dispatches, the volunteer accepts, checks in and
 * out, the family rates and the hours are credited once; who may take which step, and what is
 * refused. In-memory repositories (timebank.fakes.ts, ledger.fakes.ts); test/integration/timebank-api.test.ts runs
 * the same flow over HTTP on the real database.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ProgramPolicy, ServiceRequest, User } from '@eldercare/shared';
import { timebankWorld, type TimebankWorld } from './timebank.world.js';

let w: TimebankWorld;
beforeEach(() => {
  w = timebankWorld();
});

const MIN = 60_000;

async function setup(policy: Partial<ProgramPolicy> = {}) {
  const p = await w.program(policy);
  const order = (by: User = w.users.family, residentId = w.elder.id) =>
    w.requests.create(by, {
      programId: p.id,
      residentId,
      type: 'cleaning',
      scheduledAt: '2026-03-03T01:00:00.000Z',
      place: 'home',
      notes: '',
    });
  /** Ordered, dispatched to the volunteer, accepted, checked in and out after `minutes`. */
  const served = async (minutes = 45) => {
    const r = await order();
    await w.requests.dispatch(w.users.coordinator, r.id, { volunteerId: p.volunteer.id });
    await w.requests.accept(w.users.volunteerLogin, r.id);
    await w.requests.checkIn(w.users.volunteerLogin, r.id);
    w.clock.advance(minutes * MIN);
    return w.requests.checkOut(w.users.volunteerLogin, r.id);
  };
  return { p, order, served, vol: p.volunteer.accountId };
}

describe('the four orders', () => {
  it('orders, dispatches, accepts, serves and rates; the volunteer is credited the time served, once', async () => {
    const { p, order, vol } = await setup();
    const r = await order();
    expect(r).toMatchObject({ status: 'requested', residentName: 'Wang Fang', requestedBy: w.users.family.id });
    const d = await w.requests.dispatch(w.users.coordinator, r.id, { volunteerId: p.volunteer.id });
    expect(d).toMatchObject({ status: 'dispatched', volunteerName: 'Zhao Volunteer' });
    expect((await w.requests.accept(w.users.volunteerLogin, r.id)).status).toBe('accepted');
    expect((await w.requests.checkIn(w.users.volunteerLogin, r.id)).status).toBe('in_progress');
    w.clock.advance(50 * MIN);
    const done = await w.requests.checkOut(w.users.volunteerLogin, r.id);
    expect(done).toMatchObject({ status: 'completed', minutes: 50 });
    expect(w.balance(vol)).toBe(0);

    const rated = await w.requests.confirm(w.users.family, r.id, { rating: 5, comment: 'thank you' });
    expect(rated).toMatchObject({ status: 'confirmed', rating: 5, autoConfirmed: false });
    expect(rated.transferId).not.toBeNull();
    expect(w.balance(vol)).toBe(50);
    // Confirming again is refused and credits nothing more.
    await expect(w.requests.confirm(w.users.family, r.id, { rating: 4, comment: '' })).rejects.toMatchObject({
      status: 409,
    });
    expect(w.balance(vol)).toBe(50);
  });

  it("counts the volunteer's visit as a contact with the elder", async () => {
    const { served } = await setup();
    const r = await served();
    expect(w.contacts).toEqual([
      expect.objectContaining({
        residentId: w.elder.id,
        source: 'service',
        sourceId: r.id,
        visitorName: 'Zhao Volunteer',
      }),
    ]);
  });

  it('lets a dispatched volunteer decline, and the coordinator dispatch someone else', async () => {
    const { p, order } = await setup();
    const r = await order();
    await w.requests.dispatch(w.users.coordinator, r.id, { volunteerId: p.volunteer.id });
    const back = await w.requests.decline(w.users.volunteerLogin, r.id);
    expect(back).toMatchObject({ status: 'requested', volunteerId: null });
    await w.requests.dispatch(w.users.coordinator, r.id, { volunteerId: p.otherVolunteer.id });
    expect((await w.requests.accept(w.users.otherVolunteerLogin, r.id)).volunteerName).toBe('Sun Volunteer');
  });

  it('settles a dispute: confirmed with corrected minutes (credited) or rejected (nothing credited)', async () => {
    const { served, vol } = await setup();
    const a = await served(90);
    expect((await w.requests.dispute(w.users.family, a.id, 'left after an hour')).status).toBe('disputed');
    const settled = await w.requests.resolve(w.users.coordinator, a.id, {
      decision: 'confirm',
      resolution: 'agreed on an hour',
      minutes: 60,
    });
    expect(settled).toMatchObject({ status: 'confirmed', minutes: 60 });
    expect(w.balance(vol)).toBe(60);

    const b = await served(30);
    await w.requests.dispute(w.users.family, b.id, 'nobody came');
    const rejected = await w.requests.resolve(w.users.coordinator, b.id, { decision: 'reject', resolution: 'no-show' });
    expect(rejected).toMatchObject({ status: 'rejected', transferId: null });
    expect(w.balance(vol)).toBe(60);
  });

  it('confirms a completed service nobody rated after the program’s days, and credits it', async () => {
    const { served, vol } = await setup({ autoConfirmDays: 3 });
    const r = await served(40);
    w.clock.advance(2 * 86_400_000);
    expect(await w.requests.autoConfirmDue()).toBe(0);
    w.clock.advance(86_400_000 + MIN);
    expect(await w.requests.autoConfirmDue()).toBe(1);
    expect(await w.requests.get(w.users.coordinator, r.id)).toMatchObject({ status: 'confirmed', autoConfirmed: true });
    expect(w.balance(vol)).toBe(40);
    expect(await w.requests.autoConfirmDue()).toBe(0);
    expect(w.balance(vol)).toBe(40);
  });

  it('lets family cancel before the visit starts, not after', async () => {
    const { order, served } = await setup();
    const r = await order();
    expect((await w.requests.cancel(w.users.family, r.id, 'in hospital')).status).toBe('cancelled');
    const s = await served();
    await expect(w.requests.cancel(w.users.family, s.id, 'too late')).rejects.toMatchObject({ status: 409 });
  });
});

describe('who may act', () => {
  it("lets family order for their own elder only, and nobody order for another district's elder", async () => {
    const { order } = await setup();
    await expect(order(w.users.family, w.otherElder.id)).rejects.toMatchObject({ status: 403 });
    await expect(order(w.users.volunteerLogin)).rejects.toMatchObject({ status: 403 });
    const stranger = w.addResident('Elsewhere Elder', '1941-01-01', w.users.elsewhere.tenantId);
    await expect(order(w.users.coordinator, stranger.id)).rejects.toMatchObject({ status: 400 });
    expect((await order(w.users.coordinator)).status).toBe('requested');
  });

  it('leaves dispatching to coordinators and the visit to the volunteer it was dispatched to', async () => {
    const { p, order } = await setup();
    const r = await order();
    await expect(w.requests.dispatch(w.users.family, r.id, { volunteerId: p.volunteer.id })).rejects.toMatchObject({
      status: 403,
    });
    await w.requests.dispatch(w.users.coordinator, r.id, { volunteerId: p.volunteer.id });
    // Another volunteer does not even see it.
    await expect(w.requests.accept(w.users.otherVolunteerLogin, r.id)).rejects.toMatchObject({ status: 404 });
    await expect(w.requests.accept(w.users.family, r.id)).rejects.toMatchObject({ status: 403 });
    await w.requests.accept(w.users.volunteerLogin, r.id);
    await expect(w.requests.checkIn(w.users.otherFamily, r.id)).rejects.toMatchObject({ status: 404 });
  });

  it('leaves rating to the family and correcting minutes to coordinators', async () => {
    const { served, vol } = await setup();
    const r = await served(30);
    await expect(w.requests.confirm(w.users.volunteerLogin, r.id, { rating: 5, comment: '' })).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      w.requests.confirm(w.users.family, r.id, { rating: 5, comment: '', minutes: 300 }),
    ).rejects.toMatchObject({ status: 403 });
    const c = await w.requests.confirm(w.users.coordinator, r.id, { rating: 4, comment: '', minutes: 35 });
    expect(c.minutes).toBe(35);
    expect(w.balance(vol)).toBe(35);
  });

  it('does not let a volunteer record minutes at check-out, but a coordinator logging a paper visit may', async () => {
    const { p, order } = await setup();
    const r = await order();
    await w.requests.dispatch(w.users.coordinator, r.id, { volunteerId: p.volunteer.id });
    await w.requests.accept(w.users.volunteerLogin, r.id);
    await w.requests.checkIn(w.users.volunteerLogin, r.id);
    await expect(w.requests.checkOut(w.users.volunteerLogin, r.id, 240)).rejects.toMatchObject({ status: 403 });
    expect((await w.requests.checkOut(w.users.coordinator, r.id, 75)).minutes).toBe(75);
  });

  it('shows each side only its own requests', async () => {
    const { p, order } = await setup();
    const mine = await order();
    const theirs = await w.requests.create(w.users.otherFamily, {
      programId: p.id,
      residentId: w.otherElder.id,
      type: 'meals',
      scheduledAt: '2026-03-04T01:00:00.000Z',
      place: '',
      notes: '',
    });
    await w.requests.dispatch(w.users.coordinator, theirs.id, { volunteerId: p.volunteer.id });
    const ids = async (u: User) =>
      (await w.requests.list(u, { limit: 50, offset: 0 })).items.map((r: ServiceRequest) => r.id).sort();
    expect(await ids(w.users.family)).toEqual([mine.id]);
    expect(await ids(w.users.volunteerLogin)).toEqual([theirs.id]);
    expect(await ids(w.users.otherVolunteerLogin)).toEqual([]);
    expect(await ids(w.users.coordinator)).toEqual([mine.id, theirs.id].sort());
    await expect(w.requests.list(w.users.dispatcher, { limit: 50, offset: 0 })).rejects.toMatchObject({ status: 403 });
    await expect(w.requests.get(w.users.otherFamily, mine.id)).rejects.toMatchObject({ status: 404 });
    await expect(w.requests.get(w.users.elsewhere, mine.id)).rejects.toMatchObject({ status: 404 });
  });
});

describe('unhappy paths', () => {
  it('refuses steps out of order', async () => {
    const { p, order } = await setup();
    const r = await order();
    await expect(w.requests.accept(w.users.coordinator, r.id)).rejects.toMatchObject({ status: 409 });
    await expect(w.requests.checkOut(w.users.coordinator, r.id)).rejects.toMatchObject({ status: 409 });
    await w.requests.dispatch(w.users.coordinator, r.id, { volunteerId: p.volunteer.id });
    await expect(w.requests.checkIn(w.users.volunteerLogin, r.id)).rejects.toMatchObject({ status: 409 });
    await expect(w.requests.confirm(w.users.family, r.id, { rating: 5, comment: '' })).rejects.toMatchObject({
      status: 409,
    });
    expect((await w.requests.get(w.users.coordinator, r.id)).status).toBe('dispatched');
  });

  it("refuses a volunteer of another program or under the program's minimum age", async () => {
    const { p, order } = await setup();
    const other = await w.program();
    // The program raised its minimum age after its volunteers registered.
    await w.members.updateProgram(w.users.coordinator, p.id, { policy: { minVolunteerAge: 40 } });
    const r = await order();
    await expect(
      w.requests.dispatch(w.users.coordinator, r.id, { volunteerId: other.volunteer.id }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('volunteerId') });
    // Zhao (born 1990) is 36; Sun (born 1985) is 40.
    await expect(w.requests.dispatch(w.users.coordinator, r.id, { volunteerId: p.volunteer.id })).rejects.toMatchObject(
      { status: 400, message: 'volunteerId is under the minimum volunteer age' },
    );
    expect((await w.requests.dispatch(w.users.coordinator, r.id, { volunteerId: p.otherVolunteer.id })).status).toBe(
      'dispatched',
    );
  });

  it('credits an organisation the request was dispatched to', async () => {
    const { p, order } = await setup();
    const org = await w.members.createOrganisation(w.users.coordinator, p.id, 'Red Cross East');
    const r = await order();
    await w.requests.dispatch(w.users.coordinator, r.id, { organisationId: org.id });
    await expect(w.requests.accept(w.users.volunteerLogin, r.id)).rejects.toMatchObject({ status: 404 });
    await w.requests.accept(w.users.coordinator, r.id);
    await w.requests.checkIn(w.users.coordinator, r.id);
    await w.requests.checkOut(w.users.coordinator, r.id, 120);
    await w.requests.confirm(w.users.family, r.id, { rating: 5, comment: '' });
    expect(w.balance(org.accountId)).toBe(120);
    const totals = await w.ledger.totals(w.users.coordinator, p.id);
    expect(totals.organisations).toEqual([{ id: org.id, name: 'Red Cross East', volunteers: 0, servedMinutes: 120 }]);
  });

  it('keeps the check-out when recording the contact fails', async () => {
    const { p, order } = await setup();
    const r = await order();
    await w.requests.dispatch(w.users.coordinator, r.id, { volunteerId: p.volunteer.id });
    await w.requests.accept(w.users.volunteerLogin, r.id);
    await w.requests.checkIn(w.users.volunteerLogin, r.id);
    w.contacts.push = () => {
      throw new Error('visits unavailable');
    };
    expect((await w.requests.checkOut(w.users.volunteerLogin, r.id)).status).toBe('completed');
  });
});
