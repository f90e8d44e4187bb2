/**
 * The dispatcher's actions against in-memory repositories: the conditional transition is atomic
 * per call, as the database's conditional UPDATE is, so the rules of who may do what and from which
 * state are tested here without a database (test/integration/alerts.test.ts runs them on the real one).
 */
import { describe, expect, it } from 'vitest';
import type { User } from '@eldercare/shared';
import { AppError } from '../../http/errors.js';
import { DEFAULT_RULES } from './alert-rules.js';
import type { AlertRow, AlertsRepo, TransitionAudit } from './alerts.repo.js';
import { alertColumns, type AlertPatch } from './alert-patch.js';
import type { AlertViewsRepo } from './alert-views.repo.js';
import { AlertViews } from './alert-views.service.js';
import { DispatchActions } from './dispatch-actions.service.js';
import { toAlert } from './alert-model.js';

const TENANT = 't1';
const user = (id: string, role: User['role'], over: Partial<User> = {}): User => ({
  id,
  email: `${id}@example.org`,
  name: id.toUpperCase(),
  role,
  tenantId: TENANT,
  institutionId: null,
  residentId: null,
  ...over,
});
const ann = user('ann', 'dispatcher');
const bob = user('bob', 'dispatcher');
const sue = user('sue', 'supervisor');
const staff = user('sam', 'institution_staff', { institutionId: 'home-1' });
const otherStaff = user('oli', 'institution_staff', { institutionId: 'home-2' });
const family = user('fay', 'family');
const names = new Map([ann, bob, sue, staff, otherStaff].map((u) => [u.id, u.name]));

/** The alerts table, its audit trail and the outbox, in memory. */
class FakeAlerts implements Pick<AlertsRepo, 'get' | 'transition' | 'addAction'> {
  rows = new Map<string, AlertRow>();
  audit: { alertId: string; actorId: string | null; action: string; note: string; data: Record<string, unknown> }[] =
    [];
  outbox: { alertId: string; purpose: string }[] = [];
  offers: { alertId: string; effects: NonNullable<TransitionAudit['offers']> }[] = [];
  private seq = 0;

  add(over: Partial<AlertRow>): AlertRow {
    const at = new Date(0);
    const row = {
      id: `a${this.rows.size + 1}`,
      seq: ++this.seq,
      tenant_id: TENANT,
      resident_id: 'r1',
      institution_id: null,
      device_id: 'pendant-1',
      queue: 'emergency',
      kind: 'sos',
      kinds: ['sos'],
      severity: 'critical',
      priority: 100,
      status: 'open',
      title: 'SOS call',
      signal_count: 1,
      escalation_level: 0,
      flagged: false,
      due_at: null,
      created_at: at,
      occurred_at: at,
      opened_at: at,
      acknowledged_at: null,
      acknowledged_by: null,
      contact_at: null,
      dispatched_at: null,
      accepted_at: null,
      on_scene_at: null,
      closed_at: null,
      outcome: null,
      responder: null,
      responder_ladder: null,
      lat: null,
      lon: null,
      place: null,
      source: 'device',
      caller: null,
      checklist: null,
      updated_at: at,
      resident_name: 'Wang',
      ack_name: null,
      ...over,
    } as AlertRow;
    this.rows.set(row.id, row);
    return row;
  }

  async get(id: string) {
    const r = this.rows.get(id);
    return r ? { ...r } : undefined;
  }

  async addAction(
    alertId: string,
    actorId: string | null,
    action: string,
    note: string,
    data: Record<string, unknown>,
  ) {
    this.audit.push({ alertId, actorId, action, note, data });
  }

  async transition(id: string, tenantId: string, from: readonly string[], patch: AlertPatch, a: TransitionAudit) {
    await Promise.resolve(); // another request may run in between, as on a database
    const r = this.rows.get(id);
    if (!r || r.tenant_id !== tenantId || !from.includes(r.status)) return null;
    Object.assign(r, alertColumns(patch), { seq: ++this.seq, updated_at: a.at });
    r.ack_name = r.acknowledged_by ? (names.get(r.acknowledged_by) ?? null) : null;
    this.audit.push({ alertId: id, actorId: a.actorId, action: a.action, note: a.note, data: a.data });
    for (const n of a.notify ?? []) this.outbox.push({ alertId: id, purpose: n.purpose });
    if (a.offers) this.offers.push({ alertId: id, effects: a.offers });
    return { ...r };
  }

  actionsOf(id: string) {
    return this.audit.filter((x) => x.alertId === id).map((x) => x.action);
  }
}

function setup() {
  const repo = new FakeAlerts();
  const reads: Omit<AlertViewsRepo, 'residentOf'> & Pick<AlertViewsRepo, 'residentOf'> = {
    listActive: async () => [],
    listClosed: async () => [],
    changedSince: async () => [],
    currentSeq: async () => 0,
    signals: async () => [],
    actions: async (alertId: string) =>
      repo.audit
        .filter((x) => x.alertId === alertId)
        .map((x, i) => ({ id: i, at: new Date(0), actor_id: x.actorId, actor_name: null, ...x })),
    residentHome: async () => null,
    deviceInfo: async () => null,
    staffOnShift: async () => [],
    residentOf: async (_tenantId: string, id: string) => (id === 'r1' ? { id, institution_id: null } : null),
  };
  const checklist = [
    { id: 's1', key: 'call', text: 'Call the elder', source: 'plan' as const },
    { id: 's2', key: 'family', text: 'Call the family', source: 'plan' as const },
  ];
  const plans = { checklistFor: async () => checklist, mapUrlTemplate: async () => 'https://map/{lat},{lon}' };
  const views = new AlertViews({ repo, views: reads, rules: () => DEFAULT_RULES, plans });
  const published: string[] = [];
  const commands: { deviceId: string | null; type: string }[] = [];
  let now = 60_000;
  const dispatch = new DispatchActions({
    repo,
    views,
    reads,
    raiser: {
      publish: (row) => (published.push(`${row.id}:${row.status}`), toAlert(row)),
      raiseRow: async (subject, c, _signal, opts) => {
        const row = repo.add({
          resident_id: subject.residentId,
          kind: c.kind,
          severity: c.severity,
          source: opts.source ?? 'device',
          device_id: null,
          ...(opts.heldBy ? { status: 'acknowledged', acknowledged_by: opts.heldBy.userId } : {}),
        });
        return { alert: toAlert(row), created: true };
      },
    },
    commands: { send: async (deviceId, type) => void commands.push({ deviceId, type }) },
    clock: { now: () => now },
    rules: () => DEFAULT_RULES,
    plans,
  });
  return { repo, dispatch, published, commands, tick: (ms: number) => (now += ms) };
}

/** The HTTP status an action is refused with. */
async function refused(p: Promise<unknown>): Promise<number> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError).status;
}

describe('claiming an alarm', () => {
  it('lets exactly one of two dispatchers claim at the same time; the other is told who has it', async () => {
    const { repo, dispatch, commands } = setup();
    const a = repo.add({});
    const results = await Promise.allSettled([dispatch.claim(ann, a.id), dispatch.claim(bob, a.id)]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<{ acknowledgedBy: string }>).value.acknowledgedBy;
    const err = (lost[0] as PromiseRejectedResult).reason as AppError;
    expect(err.status).toBe(409);
    expect(err.message).toBe(`already claimed by ${names.get(winner)}`);
    expect(repo.actionsOf(a.id)).toEqual(['acknowledged']);
    // The elder's device hears once that the alarm was received.
    expect(commands).toEqual([{ deviceId: 'pendant-1', type: 'alarm_received' }]);
  });

  it('copies the checklist onto the incident as it is claimed, and records the seconds to acknowledge', async () => {
    const { repo, dispatch } = setup();
    const a = repo.add({ created_at: new Date(15_000) });
    await dispatch.claim(ann, a.id);
    expect((repo.rows.get(a.id)!.checklist as { id: string }[]).map((s) => s.id)).toEqual(['s1', 's2']);
    expect(repo.audit[0]!.data).toEqual({ secondsToAck: 45 });
  });

  it('refuses to claim a closed alarm, or one of another institution (not found), or as family', async () => {
    const { repo, dispatch } = setup();
    const closed = repo.add({ status: 'resolved', closed_at: new Date(1) });
    expect(await refused(dispatch.claim(ann, closed.id))).toBe(409);
    const inHome1 = repo.add({ institution_id: 'home-1' });
    expect(await refused(dispatch.claim(otherStaff, inHome1.id))).toBe(404);
    expect((await dispatch.claim(staff, inHome1.id)).acknowledgedBy).toBe('sam');
    expect(await refused(dispatch.claim(family, repo.add({}).id))).toBe(403);
    const elsewhere = repo.add({ tenant_id: 't2' });
    expect(await refused(dispatch.claim(ann, elsewhere.id))).toBe(404);
  });
});

describe('walking the lifecycle', () => {
  it('goes claim → contact → dispatch → accepted → on scene → resolved, each step recorded once', async () => {
    const { repo, dispatch, commands } = setup();
    const a = repo.add({});
    await dispatch.claim(ann, a.id);
    await dispatch.act(ann, a.id, { action: 'contact_made' });
    const responder = { kind: 'neighbour_volunteer' as const, name: 'Li', phone: '1' };
    await dispatch.act(ann, a.id, { action: 'dispatch', responder });
    await dispatch.act(ann, a.id, { action: 'accepted' });
    await dispatch.act(ann, a.id, { action: 'on_scene' });
    const done = await dispatch.act(ann, a.id, { action: 'resolve', outcome: 'helped_at_home' });
    expect(done.status).toBe('resolved');
    expect(done.outcome).toBe('helped_at_home');
    expect(repo.actionsOf(a.id)).toEqual([
      'acknowledged',
      'contact_made',
      'dispatched',
      'responder_accepted',
      'on_scene',
      'resolved',
    ]);
    // The responder is asked in the dispatch's own transition; the offers still asked end as it closes.
    expect(repo.offers.map((o) => Object.keys(o.effects))).toEqual([
      ['ask'],
      ['withdrawAsked'],
      ['withdrawAsked'],
      ['withdrawAsked'],
    ]);
    expect(repo.outbox.map((o) => o.purpose)).toEqual(['family_on_scene', 'family_closed']);
    expect(commands.map((c) => c.type)).toEqual(['alarm_received', 'help_arriving', 'alarm_closed']);
  });

  it('refuses steps out of order and leaves the alarm as it was', async () => {
    const { repo, dispatch } = setup();
    const a = repo.add({});
    // Nothing before the claim (but a cancel and a note).
    expect(await refused(dispatch.act(sue, a.id, { action: 'resolve', outcome: 'helped_at_home' }))).toBe(409);
    expect(await refused(dispatch.act(sue, a.id, { action: 'contact_made' }))).toBe(409);
    await dispatch.claim(ann, a.id);
    // "Accepted" and "on scene" need a dispatch first (a dispatcher is not on the premises).
    expect(await refused(dispatch.act(ann, a.id, { action: 'accepted' }))).toBe(409);
    expect(await refused(dispatch.act(ann, a.id, { action: 'on_scene' }))).toBe(409);
    await dispatch.act(ann, a.id, { action: 'resolve', outcome: 'helped_at_home' });
    // Closed is closed.
    expect(await refused(dispatch.act(ann, a.id, { action: 'cancel', note: 'dup' }))).toBe(409);
    expect(await refused(dispatch.claim(bob, a.id))).toBe(409);
    expect(repo.rows.get(a.id)!.status).toBe('resolved');
    expect(repo.actionsOf(a.id)).toEqual(['acknowledged', 'resolved']);
  });

  it('raises the priority when no voice contact is made', async () => {
    const { repo, dispatch } = setup();
    const a = repo.add({ priority: 70 });
    await dispatch.claim(ann, a.id);
    expect((await dispatch.act(ann, a.id, { action: 'no_contact' })).priority).toBe(85);
  });
});

describe('who may do what', () => {
  it('only the dispatcher who claimed it, or a supervisor or admin, walks it on', async () => {
    const { repo, dispatch } = setup();
    const a = repo.add({});
    await dispatch.claim(ann, a.id);
    expect(await refused(dispatch.act(bob, a.id, { action: 'contact_made' }))).toBe(403);
    expect(await refused(dispatch.act(bob, a.id, { action: 'resolve', outcome: 'helped_at_home' }))).toBe(403);
    expect(await refused(dispatch.act(bob, a.id, { action: 'cancel', note: 'mine now' }))).toBe(403);
    expect((await dispatch.act(sue, a.id, { action: 'contact_made' })).status).toBe('contact_made');
    // Anyone who sees it may add a note.
    await dispatch.act(bob, a.id, { action: 'note', note: 'neighbour called too' });
    expect(repo.actionsOf(a.id)).toEqual(['acknowledged', 'contact_made', 'note']);
  });

  it('any dispatcher may cancel an alarm nobody holds; the family hears only of one that reached dispatch', async () => {
    const { repo, dispatch } = setup();
    const open = repo.add({});
    const pending = repo.add({ status: 'pending', opened_at: null });
    expect((await dispatch.act(bob, open.id, { action: 'cancel', note: 'test press' })).status).toBe('cancelled');
    expect((await dispatch.act(bob, pending.id, { action: 'cancel', note: 'test press' })).status).toBe('cancelled');
    expect(repo.outbox).toEqual([{ alertId: open.id, purpose: 'family_closed' }]);
  });

  it('care-home staff go to the room themselves: on scene straight from their claim', async () => {
    const { repo, dispatch } = setup();
    const a = repo.add({ institution_id: 'home-1' });
    await dispatch.claim(staff, a.id);
    expect((await dispatch.act(staff, a.id, { action: 'on_scene' })).status).toBe('on_scene');
  });

  it('takes a phone call only from the dispatch roles, held by the call taker at once', async () => {
    const { dispatch } = setup();
    const call = { callerPhone: '138', callerName: 'Neighbour', kind: 'fall' as const, note: '', address: 'Road 1' };
    expect(await refused(dispatch.phoneIn(staff, call))).toBe(403);
    expect(await refused(dispatch.phoneIn(ann, { ...call, residentId: 'someone-else' }))).toBe(400);
    const { alert, created } = await dispatch.phoneIn(ann, { ...call, residentId: 'r1' });
    expect(created).toBe(true);
    expect(alert).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'ann',
      source: 'phone',
      severity: 'critical',
    });
  });
});

describe('the checklist', () => {
  it('is ticked after the claim, by whoever may act, each step once', async () => {
    const { repo, dispatch } = setup();
    const a = repo.add({});
    expect(await refused(dispatch.tickStep(ann, a.id, { stepId: 's1', note: '' }))).toBe(409);
    await dispatch.claim(ann, a.id);
    expect(await refused(dispatch.tickStep(bob, a.id, { stepId: 's1', note: '' }))).toBe(403);
    expect(await refused(dispatch.tickStep(ann, a.id, { stepId: 'nope', note: '' }))).toBe(400);
    const detail = await dispatch.tickStep(ann, a.id, { stepId: 's1', note: 'answered' });
    expect(detail.checklist.map((s) => [s.id, s.note])).toEqual([
      ['s1', 'answered'],
      ['s2', ''],
    ]);
    expect(await refused(dispatch.tickStep(sue, a.id, { stepId: 's1', note: '' }))).toBe(409);
  });
});
