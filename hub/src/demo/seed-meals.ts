/**
 * Demo meal assistance: one central kitchen supplying two community meal points, a delivery route
 * run by the demo volunteer, ~15 meal plans with a mix of diets and subsidies, menus, yesterday's
 * meals served (so the report is not empty) and today's orders; tomorrow's come from the job. Runs
 * after the district and time bank are seeded; a few dozen queries, so start-up stays fast.
 */
import type { Diet, Meal, SubsidyCategory } from '@eldercare/shared';
import { kitchenBodySchema, mealPlanBodySchema } from '@eldercare/shared';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { AuthService } from '../modules/auth/auth.service.js';
import type { ResidentsService } from '../modules/residents/residents.service.js';
import type { MealsService } from '../modules/meals/meals.service.js';
import type { OrdersService } from '../modules/meals/orders.service.js';
import type { RunsService } from '../modules/meals/runs.service.js';
import { addDays } from '@eldercare/shared';
import { pickupDeadline } from '../modules/meals/meal-rules.js';

const PLANS: { diets: Diet[]; allergies?: string[]; subsidy: SubsidyCategory; price: number; door?: string }[] = [
  { diets: ['diabetic'], subsidy: 'low_income', price: 500, door: '耳背，请用力敲门' },
  { diets: ['low_salt'], subsidy: 'advanced_age', price: 1000 },
  { diets: ['soft'], subsidy: 'extreme_poverty', price: 0, door: '钥匙在门口密码箱' },
  { diets: [], subsidy: 'none', price: 1500 },
  { diets: ['diabetic', 'low_salt'], subsidy: 'low_income', price: 500, allergies: ['花生'] },
  { diets: ['minced'], subsidy: 'disabled', price: 300, door: '不在家时放邻居302' },
  { diets: ['renal'], subsidy: 'advanced_age', price: 1000 },
  { diets: [], subsidy: 'advanced_age', price: 1000 },
  { diets: ['low_salt'], subsidy: 'none', price: 1500, allergies: ['虾'] },
];

export async function seedMealsDemo(
  s: {
    auth: AuthService;
    residents: ResidentsService;
    catalog: MealsService;
    orders: OrdersService;
    runs: RunsService;
  },
  tenantId: string,
  clock: Clock,
  log: Logger,
): Promise<void> {
  const users = await s.auth.listUsers(tenantId);
  const coord = users.find((u) => u.role === 'coordinator')!;
  const runner = users.find((u) => u.email === 'volunteer@demo.local')!;
  const homes = (await s.residents.list(coord, { limit: 500, offset: 0 })).items.filter((x) => !x.institutionId);
  const today = s.catalog.today(tenantId);
  const yesterday = addDays(today, -1);

  const central = await s.catalog.createKitchen(
    coord,
    kitchenBodySchema.parse({
      name: '区中央厨房',
      kind: 'central_kitchen',
      address: '建设街18号',
      phone: '0571-86001234',
      communities: ['东风社区', '幸福里社区', '长青社区', '南湖社区'],
      meals: ['lunch', 'dinner'],
      prices: { breakfast: 500, lunch: 1500, dinner: 1200 },
    }),
  );
  const points = [];
  for (const [name, community] of [
    ['东风社区长者食堂', '东风社区'],
    ['幸福里助餐点', '幸福里社区'],
  ] as const) {
    points.push(
      await s.catalog.createKitchen(
        coord,
        kitchenBodySchema.parse({
          name,
          kind: name.includes('食堂') ? 'canteen' : 'meal_point',
          communities: [community],
          supplierId: central.id,
          meals: ['lunch'],
          openWeekdays: [1, 2, 3, 4, 5, 6],
          pickupUntil: { breakfast: '09:30', lunch: '13:00', dinner: '18:30' },
        }),
      ),
    );
  }
  const route = await s.catalog.createRoute(coord, {
    kitchenId: central.id,
    name: '东线',
    runnerUserId: runner.id,
  });
  for (const k of [central, ...points]) {
    for (const date of [today, addDays(today, 1)]) {
      await s.catalog.setMenu(coord, k.id, date, 'lunch', {
        items: ['清蒸鱼', '番茄炒蛋', '青菜', '米饭'],
        dietNotes: '糖尿病餐换糙米；软食切碎',
      });
    }
  }

  // Nine elders get lunch delivered on the east route, six pick it up at a meal point.
  let n = 0;
  for (const [i, elder] of homes.slice(4, 19).entries()) {
    const p = PLANS[i % PLANS.length]!;
    const delivery = i < 9;
    await s.catalog.createPlan(
      coord,
      mealPlanBodySchema.parse({
        residentId: elder.id,
        kitchenId: delivery ? central.id : points[i % 2]!.id,
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        meals: (delivery && i % 4 === 0 ? ['lunch', 'dinner'] : ['lunch']) satisfies Meal[],
        mode: delivery ? 'delivery' : 'pickup',
        routeId: delivery ? route.id : null,
        diets: p.diets,
        allergies: p.allergies ?? [],
        doorNote: delivery ? (p.door ?? '') : '',
        subsidyCategory: p.subsidy,
        elderPriceCents: p.price,
        startDate: addDays(today, -30),
      }),
    );
    n++;
  }

  // Yesterday's meals were served (the report has a day); today's are ordered, tomorrow's come from the job.
  await s.orders.generate(tenantId, yesterday);
  for (const o of await s.orders.orders(coord, { date: yesterday })) {
    await s.runs.outcome(coord, o.id, {
      outcome: o.mode === 'pickup' ? 'picked_up' : o.meal === 'dinner' ? 'left' : 'delivered',
      note: '',
      concern: false,
    });
  }
  for (const r of await s.runs.runs(coord, { date: yesterday })) await s.runs.complete(coord, r.id);
  await s.orders.generate(tenantId, today);
  // Demo start-up after lunch: today's pick-ups were made (no missed-meal alarms on a fresh demo).
  for (const o of await s.orders.orders(coord, { date: today })) {
    const k = points.find((p) => p.id === o.kitchenId);
    if (
      o.mode === 'pickup' &&
      k &&
      clock.now() >= pickupDeadline(today, k.pickupUntil[o.meal], s.catalog.timeZone(tenantId)).getTime()
    )
      await s.runs.outcome(coord, o.id, { outcome: 'picked_up', note: '', concern: false });
  }
  log.info({ kitchens: 3, plans: n }, 'demo meal assistance loaded');
}
