/**
 * Meal assistance through the HTTP API and the dispatch socket: order generation across pauses,
 * diets and holidays (idempotent), the stable stop order, a runner seeing only their own runs, a
 * no-answer reaching dispatch as a welfare check, a missed pick-up after closing time on an injected
 * clock, one time-bank credit per run, and a handed-over meal counting as a welfare contact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as ioClient, type Socket } from 'socket.io-client';
import type {
  Account,
  Alert,
  AlertDetail,
  ClientToServerEvents,
  DeliveryRoute,
  GenerateResult,
  Kitchen,
  MealOrder,
  MealPlan,
  MealReport,
  MealRun,
  MealRunDetail,
  ProductionSheet,
  Resident,
  ServerToClientEvents,
  User,
  WelfareContact,
} from '@eldercare/shared';
import { eventually, startTestHub, type TestHub } from '../support/hub.js';

type List<T> = { items: T[] };
type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

// Monday 28 September 2026, 10:00 in Shanghai.
const MONDAY = '2026-09-28';
let now = Date.parse('2026-09-28T02:00:00Z');
const clock = { now: () => now };
const HOUR = 3600_000;
let hub: TestHub;
let coord: string;
let vol: string;
let vol2: string;
let dispatcher: string;
let volUser: User;
let homes: Resident[];
let kitchen: Kitchen;
let point: Kitchen;
let route: DeliveryRoute;
const plans: MealPlan[] = [];
let socket: ClientSocket;
const seen: Alert[] = [];

const elder = (i: number) => homes[20 + i]!;

async function createPlan(body: Record<string, unknown>): Promise<MealPlan> {
  const r = await hub.api<MealPlan>('POST', '/api/meals/plans', coord, body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  plans.push(r.body);
  return r.body;
}
const generate = async (date: string) => {
  const r = await hub.api<GenerateResult>('POST', '/api/meals/orders/generate', coord, { date });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};
const ordersOf = async (date: string, kitchenId: string) =>
  (await hub.api<List<MealOrder>>('GET', `/api/meals/orders?date=${date}&kitchenId=${kitchenId}`, coord)).body.items;

beforeAll(async () => {
  hub = await startTestHub({ SESSION_TTL_HOURS: '720' }, undefined, { clock });
  coord = await hub.login('coordinator@demo.local', 'demo-coord-pass');
  vol = await hub.login('volunteer@demo.local', 'demo-volunteer-pass');
  dispatcher = await hub.login('dispatcher@demo.local', 'demo-dispatch-pass');
  volUser = (await hub.api<{ user: User }>('GET', '/api/auth/me', vol)).body.user;
  await hub.services.auth.createUser(volUser.tenantId, {
    email: 'runner2@demo.local',
    name: 'Runner Two',
    password: 'runner2-test-pass',
    role: 'volunteer',
  });
  vol2 = await hub.login('runner2@demo.local', 'runner2-test-pass');
  homes = (await hub.api<{ items: Resident[] }>('GET', '/api/residents?limit=500', coord)).body.items.filter(
    (r) => !r.institutionId,
  );
  const k = await hub.api<Kitchen>('POST', '/api/meals/kitchens', coord, {
    name: 'Test central kitchen',
    kind: 'central_kitchen',
    meals: ['lunch', 'dinner'],
    openWeekdays: [1, 2, 3, 4, 5, 6],
    closedDates: ['2026-10-01'],
    prices: { breakfast: 500, lunch: 1600, dinner: 1200 },
  });
  expect(k.status, JSON.stringify(k.body)).toBe(201);
  kitchen = k.body;
  point = (
    await hub.api<Kitchen>('POST', '/api/meals/kitchens', coord, {
      name: 'Test meal point',
      kind: 'meal_point',
      supplierId: kitchen.id,
      meals: ['lunch'],
      pickupUntil: { breakfast: '09:00', lunch: '13:00', dinner: '18:00' },
    })
  ).body;
  route = (
    await hub.api<DeliveryRoute>('POST', '/api/meals/routes', coord, {
      kitchenId: kitchen.id,
      name: 'Test route',
      runnerUserId: volUser.id,
    })
  ).body;
  socket = ioClient(hub.base, { auth: { token: dispatcher }, transports: ['websocket'], reconnection: false });
  socket.on('alert:upsert', (a) => seen.push(a));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('alerts:snapshot', () => resolve());
  });
});
afterAll(async () => {
  socket?.close();
  await hub?.stop();
});

describe('daily orders', () => {
  it('generates orders across diets, pauses and holidays, once per plan, day and meal', async () => {
    await createPlan({
      residentId: elder(0).id,
      kitchenId: kitchen.id,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      meals: ['lunch', 'dinner'],
      mode: 'delivery',
      routeId: route.id,
      diets: ['low_salt', 'diabetic'],
      allergies: ['peanuts'],
      doorNote: 'knock loudly',
      subsidyCategory: 'low_income',
      elderPriceCents: 500,
      startDate: '2026-09-01',
    });
    await createPlan({
      residentId: elder(1).id,
      kitchenId: kitchen.id,
      meals: ['lunch'],
      mode: 'delivery',
      routeId: route.id,
      subsidyCategory: 'none',
      elderPriceCents: 9999,
      startDate: '2026-09-01',
    });
    const first = await generate(MONDAY);
    expect(first.created).toBeGreaterThanOrEqual(3);
    const again = await generate(MONDAY);
    expect(again.created).toBe(0);
    expect(again.total).toBe(first.total);
    const mine = await ordersOf(MONDAY, kitchen.id);
    expect(mine.map((o) => [o.residentId, o.meal, o.diets.join('+'), o.elderPriceCents])).toEqual([
      [elder(0).id, 'lunch', 'diabetic+low_salt', 500],
      [elder(1).id, 'lunch', '', 1600],
      [elder(0).id, 'dinner', 'diabetic+low_salt', 500],
    ]);

    const sheet = (await hub.api<ProductionSheet>('GET', `/api/meals/production?date=${MONDAY}`, coord)).body;
    const lunch = sheet.kitchens.find((k) => k.kitchenId === kitchen.id)!.meals.find((m) => m.meal === 'lunch')!;
    expect(lunch.byDiet).toEqual({ 'diabetic+low_salt': 1, regular: 1 });
    expect(lunch.allergies).toEqual([{ residentName: elder(0).name, allergies: ['peanuts'] }]);

    // Hospital stay Tuesday and Wednesday: no meals, back on Friday after the 1 October holiday.
    const paused = await hub.api<MealPlan>('POST', `/api/meals/plans/${plans[0]!.id}/pause`, coord, {
      from: '2026-09-29',
      resumeOn: '2026-10-01',
      reason: 'hospital',
    });
    expect(paused.status).toBe(200);
    await generate('2026-09-29');
    expect((await ordersOf('2026-09-29', kitchen.id)).map((o) => o.residentId)).toEqual([elder(1).id]);
    await generate('2026-10-01');
    expect(await ordersOf('2026-10-01', kitchen.id)).toEqual([]);
    await generate('2026-10-02');
    expect((await ordersOf('2026-10-02', kitchen.id)).filter((o) => o.residentId === elder(0).id)).toHaveLength(2);
    // Sunday: the kitchen is closed.
    await generate('2026-10-04');
    expect(await ordersOf('2026-10-04', kitchen.id)).toEqual([]);
  });

  it('refuses a delivery plan without a route of the same kitchen', async () => {
    const r = await hub.api('POST', '/api/meals/plans', coord, {
      residentId: elder(9).id,
      kitchenId: point.id,
      meals: ['lunch'],
      mode: 'delivery',
      routeId: route.id,
      elderPriceCents: 0,
    });
    expect(r.status).toBe(400);
  });
});

describe('delivery routes', () => {
  it('keeps the stop order day to day, appends new elders and keeps the runner', async () => {
    const stops = (r: DeliveryRoute) => r.stops.map((s) => s.residentId);
    let r = (await hub.api<List<DeliveryRoute>>('GET', '/api/meals/routes', coord)).body.items.find(
      (x) => x.id === route.id,
    )!;
    expect(stops(r)).toEqual([elder(0).id, elder(1).id]);
    r = (
      await hub.api<DeliveryRoute>('PUT', `/api/meals/routes/${route.id}/stops`, coord, {
        residentIds: [elder(1).id],
      })
    ).body;
    expect(stops(r)).toEqual([elder(1).id, elder(0).id]);
    await createPlan({
      residentId: elder(2).id,
      kitchenId: kitchen.id,
      meals: ['lunch'],
      mode: 'delivery',
      routeId: route.id,
      elderPriceCents: 800,
      startDate: '2026-09-01',
    });
    await generate('2026-10-02');
    const runs = (await hub.api<List<MealRun>>('GET', '/api/meals/runs?date=2026-10-02', coord)).body.items;
    const lunch = runs.find((x) => x.routeId === route.id && x.meal === 'lunch')!;
    expect(lunch.runnerUserId).toBe(volUser.id);
    const detail = (await hub.api<MealRunDetail>('GET', `/api/meals/runs/${lunch.id}`, coord)).body;
    expect(detail.stops.map((s) => s.residentId)).toEqual([elder(1).id, elder(0).id, elder(2).id]);
  });
});

describe('runners', () => {
  it('shows a runner only their own runs', async () => {
    const mine = (await hub.api<List<MealRun>>('GET', `/api/meals/runs?date=${MONDAY}`, vol)).body.items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.runnerUserId === volUser.id)).toBe(true);
    expect((await hub.api<List<MealRun>>('GET', `/api/meals/runs?date=${MONDAY}`, vol2)).body.items).toEqual([]);
    const run = mine.find((r) => r.routeId === route.id)!;
    expect((await hub.api('GET', `/api/meals/runs/${run.id}`, vol2)).status).toBe(404);
    const stop = (await hub.api<MealRunDetail>('GET', `/api/meals/runs/${run.id}`, vol)).body.stops[0]!;
    const outcome = { outcome: 'delivered' };
    expect((await hub.api('POST', `/api/meals/orders/${stop.id}/outcome`, vol2, outcome)).status).toBe(404);
    expect((await hub.api('POST', `/api/meals/runs/${run.id}/start`, vol2)).status).toBe(404);
    expect((await hub.api('GET', '/api/meals/plans', vol)).status).toBe(403);
    expect((await hub.api('GET', '/api/meals/orders', vol)).status).toBe(403);
    expect((await hub.api('GET', '/api/meals/runs', dispatcher)).status).toBe(403);
  });

  it('turns a no-answer into a welfare check on the dispatch board, critical when the home is quiet', async () => {
    const run = (await hub.api<List<MealRun>>('GET', `/api/meals/runs?date=${MONDAY}`, vol)).body.items.find(
      (r) => r.routeId === route.id && r.meal === 'lunch',
    )!;
    expect((await hub.api<MealRun>('POST', `/api/meals/runs/${run.id}/start`, vol)).body.status).toBe('started');
    const stops = (await hub.api<MealRunDetail>('GET', `/api/meals/runs/${run.id}`, vol)).body.stops;
    expect(stops.map((s) => s.residentId)).toEqual([elder(1).id, elder(0).id]);
    expect(stops[1]!.doorNote).toBe('knock loudly');

    // Elder 1's motion sensor reported an hour ago; elder 0's home has been silent.
    await hub.database.pool.query(
      `INSERT INTO device_events (ts, device_id, resident_id, event_id, type, body)
       VALUES ($1, 'test-motion', $2, 'test-motion-1', 'motion', '{}')`,
      [new Date(now - HOUR), elder(1).id],
    );
    now += 20 * 60_000;
    const noAnswer = await hub.api<MealOrder>('POST', `/api/meals/orders/${stops[1]!.id}/outcome`, vol, {
      outcome: 'no_answer',
      note: 'curtains closed',
    });
    expect(noAnswer.status, JSON.stringify(noAnswer.body)).toBe(200);
    const alert = await eventually(async () =>
      seen.find((a) => a.kind === 'missed_meal' && a.residentId === elder(0).id),
    );
    expect(alert).toMatchObject({ queue: 'emergency', severity: 'critical', status: 'open' });
    const detail = (await hub.api<AlertDetail>('GET', `/api/alerts/${alert.id}`, dispatcher)).body;
    const signal = detail.signals.find((s) => s.type === 'missed_meal')!;
    expect(signal.detail).toMatchObject({ reason: 'no_answer', orderId: stops[1]!.id, lastActivityAt: null });
    const calls = signal.detail.callOrder as { step: string }[];
    expect(calls[0]!.step).toBe('call_elder');
    expect(calls.at(-1)!.step).toBe('community_worker');

    // A concern with the meal handed over: a welfare check too, high (the elder was seen).
    const concern = await hub.api<MealOrder>('POST', `/api/meals/orders/${stops[0]!.id}/outcome`, vol, {
      outcome: 'delivered',
      note: 'looked unwell, confused',
      concern: true,
    });
    expect(concern.body.alertId).toBeTruthy();
    const second = await eventually(async () =>
      seen.find((a) => a.kind === 'missed_meal' && a.residentId === elder(1).id),
    );
    expect(second.severity).toBe('high');

    // The dispatcher works it through the normal lifecycle; the outcome shows in the report.
    expect((await hub.api('POST', `/api/alerts/${alert.id}/claim`, dispatcher)).status).toBe(200);
    await hub.api('POST', `/api/alerts/${alert.id}/actions`, dispatcher, { action: 'no_contact', note: 'elder' });
    const resolved = await hub.api('POST', `/api/alerts/${alert.id}/actions`, dispatcher, {
      action: 'resolve',
      outcome: 'helped_at_home',
      note: 'son found her asleep',
    });
    expect(resolved.status).toBe(200);
    const report = (await hub.api<MealReport>('GET', `/api/meals/reports?from=${MONDAY}&to=${MONDAY}`, coord)).body;
    expect(report.missed.find((m) => m.orderId === stops[1]!.id)).toMatchObject({
      status: 'no_answer',
      alertStatus: 'resolved',
      outcome: 'helped_at_home',
    });
  });

  it('counts a meal handed over as a welfare contact', async () => {
    const contacts = (await hub.api<List<WelfareContact>>('GET', `/api/visits?residentId=${elder(1).id}`, coord)).body
      .items;
    expect(contacts.some((c) => c.source === 'meal' && c.method === 'in_person')).toBe(true);
  });

  it('credits a volunteer once for a completed run, by its duration', async () => {
    const run = (await hub.api<List<MealRun>>('GET', `/api/meals/runs?date=${MONDAY}`, vol)).body.items.find(
      (r) => r.routeId === route.id && r.meal === 'lunch',
    )!;
    const account = async () =>
      (await hub.api<List<Account>>('GET', '/api/timebank/accounts', vol)).body.items[0]!.balanceMinutes;
    const before = await account();
    now += 25 * 60_000;
    const done = await hub.api<MealRun>('POST', `/api/meals/runs/${run.id}/complete`, vol);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', minutes: 45 });
    expect(done.body.transferId).toBeTruthy();
    const again = await hub.api<MealRun>('POST', `/api/meals/runs/${run.id}/complete`, vol);
    expect(again.body.transferId).toBe(done.body.transferId);
    expect(await account()).toBe(before + 45);
    const keys = await hub.database.pool.query(
      `SELECT count(*)::int AS n FROM tb_transfers WHERE idempotency_key = $1`,
      [`meal-run:${run.id}`],
    );
    expect(keys.rows[0].n).toBe(1);
    // A run with stops still open cannot be completed.
    const dinner = (await hub.api<List<MealRun>>('GET', `/api/meals/runs?date=${MONDAY}`, vol)).body.items.find(
      (r) => r.routeId === route.id && r.meal === 'dinner',
    )!;
    expect((await hub.api('POST', `/api/meals/runs/${dinner.id}/complete`, vol)).status).toBe(409);
  });
});

describe('pick-ups', () => {
  it('marks a pick-up not confirmed by closing time as missed and raises the welfare check', async () => {
    const [a, b] = [elder(3), elder(4)];
    for (const e of [a, b]) {
      await createPlan({
        residentId: e.id,
        kitchenId: point.id,
        meals: ['lunch'],
        mode: 'pickup',
        elderPriceCents: 300,
        subsidyCategory: 'advanced_age',
        startDate: '2026-09-01',
      });
    }
    await generate(MONDAY);
    expect((await hub.runMealJobs()).missed).toBe(0);
    const planB = plans.find((p) => p.residentId === b.id)!;
    const byCode = await hub.api<MealOrder>('POST', '/api/meals/pickups', coord, {
      code: planB.pickupCode.toLowerCase(),
      kitchenId: point.id,
    });
    expect(byCode.status, JSON.stringify(byCode.body)).toBe(200);
    expect(byCode.body).toMatchObject({ residentId: b.id, status: 'picked_up' });
    expect((await hub.api('POST', '/api/meals/pickups', coord, { code: 'NOSUCH', kitchenId: point.id })).status).toBe(
      404,
    );

    now = Date.parse('2026-09-28T05:05:00Z'); // 13:05 in Shanghai: the meal point has closed.
    const jobs = await hub.runMealJobs();
    expect(jobs.missed).toBeGreaterThanOrEqual(1);
    const orders = await ordersOf(MONDAY, point.id);
    expect(orders.find((o) => o.residentId === a.id)).toMatchObject({ status: 'missed' });
    expect(orders.find((o) => o.residentId === b.id)).toMatchObject({ status: 'picked_up' });
    const alert = await eventually(async () => seen.find((x) => x.kind === 'missed_meal' && x.residentId === a.id));
    expect(alert.severity).toBe('critical');
    expect((await hub.runMealJobs()).missed).toBe(0);

    // She turns up late: the pick-up is still recorded (by resident id).
    const late = await hub.api<MealOrder>('POST', '/api/meals/pickups', coord, { code: a.id, kitchenId: point.id });
    expect(late.body.status).toBe('picked_up');
  });

  it('reports meals served by diet and subsidy, and exports CSV', async () => {
    const r = (await hub.api<MealReport>('GET', `/api/meals/reports?from=${MONDAY}&to=${MONDAY}`, coord)).body;
    expect(r.served).toBeGreaterThanOrEqual(3);
    // Two pick-ups at 15.00 full price, the elder paying 3.00: 12.00 subsidy each.
    expect(r.bySubsidy.find((s) => s.category === 'advanced_age')).toEqual({
      category: 'advanced_age',
      served: 2,
      subsidyCents: 2400,
      elderPaidCents: 600,
    });
    expect(r.subsidyCents).toBe(r.bySubsidy.reduce((n, s) => n + s.subsidyCents, 0));
    const csv = await fetch(`${hub.base}/api/meals/reports.csv?from=${MONDAY}&to=${MONDAY}`, {
      headers: { authorization: `Bearer ${coord}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('missed,2026-09-28');
    expect((await hub.api('GET', '/api/meals/reports', vol)).status).toBe(403);
  });
});
