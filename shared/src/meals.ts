/**
 * Meal assistance (助餐): kitchens and meal points, daily menus, elders' meal plans, the day's
 * orders, production sheets, delivery runs with a stable stop order, pick-ups at meal points, and
 * reports. A delivery nobody answers, or a pick-up nobody makes, is a welfare check for dispatch.
 */
import { z } from 'zod';
import { patchOf } from './patch.js';

const uuid = z.uuid();
const name = z.string().trim().min(1).max(200);
const note = z.string().trim().max(2000);
/** A local calendar day of the district, YYYY-MM-DD. */
export const localDateSchema = z.iso.date();
/** A local time of day, HH:MM (24 h). */
export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM (24 h)');
/** Money in fen (1/100 yuan), whole numbers. */
export const centsSchema = z.number().int().min(0).max(1_000_000);

export const MEALS = ['breakfast', 'lunch', 'dinner'] as const;
export const mealSchema = z.enum(MEALS);
export type Meal = z.infer<typeof mealSchema>;

export const KITCHEN_KINDS = ['central_kitchen', 'canteen', 'meal_point'] as const;
export const kitchenKindSchema = z.enum(KITCHEN_KINDS);
export type KitchenKind = z.infer<typeof kitchenKindSchema>;

/** Diet flags; several may apply (diabetic and low-salt). None means a regular meal. */
export const DIETS = ['diabetic', 'low_salt', 'soft', 'minced', 'renal'] as const;
export const dietSchema = z.enum(DIETS);
export type Diet = z.infer<typeof dietSchema>;

export const MEAL_MODES = ['delivery', 'pickup'] as const;
export const mealModeSchema = z.enum(MEAL_MODES);
export type MealMode = z.infer<typeof mealModeSchema>;

/** Subsidy categories (who pays less): none, 80+ allowance, low-income (低保), extreme poverty (特困), disabled. */
export const SUBSIDY_CATEGORIES = ['none', 'advanced_age', 'low_income', 'extreme_poverty', 'disabled'] as const;
export const subsidyCategorySchema = z.enum(SUBSIDY_CATEGORIES);
export type SubsidyCategory = z.infer<typeof subsidyCategorySchema>;

/** What happened to an order: planned until someone records an outcome (or the pick-up is missed). */
export const ORDER_STATUSES = [
  'planned',
  'delivered',
  'left',
  'refused',
  'no_answer',
  'picked_up',
  'missed',
  'cancelled',
] as const;
export const orderStatusSchema = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof orderStatusSchema>;
/** Statuses that count as a meal served. */
export const SERVED_STATUSES: readonly OrderStatus[] = ['delivered', 'left', 'picked_up'];
/** Outcomes that raise a welfare check on the dispatch board. */
export const MISSED_STATUSES: readonly OrderStatus[] = ['no_answer', 'missed'];

export const RUN_STATUSES = ['planned', 'started', 'completed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

// ---- kitchens and meal points ---------------------------------------------------------------
const weekdays = z
  .array(z.number().int().min(1).max(7))
  .min(1)
  .max(7)
  .transform((a) => [...new Set(a)].sort());
const mealPrices = z.strictObject({ breakfast: centsSchema, lunch: centsSchema, dinner: centsSchema });
const mealTimes = z.strictObject({ breakfast: timeOfDaySchema, lunch: timeOfDaySchema, dinner: timeOfDaySchema });

export const kitchenBodySchema = z.strictObject({
  name,
  kind: kitchenKindSchema,
  address: z.string().trim().max(300).default(''),
  phone: z.string().trim().max(40).default(''),
  /** The communities it serves (its service area). */
  communities: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  /** The central kitchen that cooks for this meal point; null: it cooks itself. */
  supplierId: uuid.nullable().default(null),
  meals: z.array(mealSchema).min(1).default(['lunch']),
  /** ISO weekdays it is open, 1 = Monday … 7 = Sunday. */
  openWeekdays: weekdays.default([1, 2, 3, 4, 5, 6, 7]),
  /** Holidays and other closed days. */
  closedDates: z.array(localDateSchema).max(366).default([]),
  /** Full price of a meal, in fen. */
  prices: mealPrices.default({ breakfast: 500, lunch: 1500, dinner: 1200 }),
  /** When pick-up ends at a meal point: an expected pick-up not confirmed by then is missed. */
  pickupUntil: mealTimes.default({ breakfast: '09:30', lunch: '13:00', dinner: '18:30' }),
});
export type KitchenBody = z.input<typeof kitchenBodySchema>;
export const kitchenPatchSchema = patchOf(kitchenBodySchema);
export type KitchenPatch = z.input<typeof kitchenPatchSchema>;
export const kitchenSchema = z.object({
  id: uuid,
  name: z.string(),
  kind: kitchenKindSchema,
  address: z.string(),
  phone: z.string(),
  communities: z.array(z.string()),
  supplierId: uuid.nullable(),
  meals: z.array(mealSchema),
  openWeekdays: z.array(z.number()),
  closedDates: z.array(z.string()),
  prices: z.object({ breakfast: z.number(), lunch: z.number(), dinner: z.number() }),
  pickupUntil: z.object({ breakfast: z.string(), lunch: z.string(), dinner: z.string() }),
  createdAt: z.string(),
  /** Set when retired: out of the lists and new plans, kept for the orders and reports that refer to it. */
  retiredAt: z.string().nullable(),
});
export type Kitchen = z.infer<typeof kitchenSchema>;

export const menuBodySchema = z.strictObject({
  /** The dishes, one line each. */
  items: z.array(z.string().trim().min(1).max(200)).min(1).max(30),
  /** How diets are served from this menu, e.g. "diabetic: brown rice instead of white". */
  dietNotes: note.default(''),
});
export type MenuBody = z.input<typeof menuBodySchema>;
export const menuSchema = z.object({
  kitchenId: uuid,
  date: z.string(),
  meal: mealSchema,
  items: z.array(z.string()),
  dietNotes: z.string(),
});
export type Menu = z.infer<typeof menuSchema>;

// ---- meal plans -----------------------------------------------------------------------------
export const mealPlanBodySchema = z.strictObject({
  residentId: uuid,
  /** The kitchen or meal point that serves the elder (delivers, or where they pick up). */
  kitchenId: uuid,
  weekdays: weekdays.default([1, 2, 3, 4, 5]),
  meals: z
    .array(mealSchema)
    .min(1)
    .transform((a) => MEALS.filter((m) => a.includes(m))),
  mode: mealModeSchema,
  /** The delivery route (home delivery only). */
  routeId: uuid.nullable().default(null),
  diets: z
    .array(dietSchema)
    .max(DIETS.length)
    .default([])
    .transform((a) => DIETS.filter((d) => a.includes(d))),
  allergies: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  /** For the runner: "knock loudly, hard of hearing", "leave with the neighbour at 302". */
  doorNote: z.string().trim().max(500).default(''),
  subsidyCategory: subsidyCategorySchema.default('none'),
  /** What the elder pays per meal, in fen (the rest is the subsidy). */
  elderPriceCents: centsSchema,
  startDate: localDateSchema.optional(),
  endDate: localDateSchema.nullable().default(null),
});
export type MealPlanBody = z.input<typeof mealPlanBodySchema>;
export const mealPlanPatchSchema = patchOf(
  mealPlanBodySchema.omit({ residentId: true }).extend({
    /** false ends the plan: no more orders from today on. */
    active: z.boolean(),
  }),
);
export type MealPlanPatch = z.input<typeof mealPlanPatchSchema>;
export const pauseBodySchema = z
  .strictObject({
    /** First day without meals; today if left out. */
    from: localDateSchema.optional(),
    /** Meals start again on this day by themselves (e.g. the expected discharge from hospital). */
    resumeOn: localDateSchema,
    reason: z.string().trim().max(500).default(''),
  })
  .refine((p) => !p.from || p.from < p.resumeOn, { message: 'resumeOn must be after from', path: ['resumeOn'] });
export type PauseBody = z.input<typeof pauseBodySchema>;

export const mealPlanSchema = z.object({
  id: uuid,
  residentId: uuid,
  residentName: z.string(),
  community: z.string(),
  kitchenId: uuid,
  kitchenName: z.string(),
  weekdays: z.array(z.number()),
  meals: z.array(mealSchema),
  mode: mealModeSchema,
  routeId: uuid.nullable(),
  routeName: z.string().nullable(),
  diets: z.array(dietSchema),
  allergies: z.array(z.string()),
  doorNote: z.string(),
  subsidyCategory: subsidyCategorySchema,
  elderPriceCents: z.number(),
  /** Short code for the elder's card at the meal point (the resident id works too). */
  pickupCode: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  pausedFrom: z.string().nullable(),
  resumeOn: z.string().nullable(),
  pauseReason: z.string(),
  /** Paused today. */
  paused: z.boolean(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type MealPlan = z.infer<typeof mealPlanSchema>;
export const mealPlanQuerySchema = z.object({
  residentId: uuid.optional(),
  kitchenId: uuid.optional(),
  routeId: uuid.optional(),
});

// ---- routes, orders and runs ----------------------------------------------------------------
export const routeBodySchema = z.strictObject({
  kitchenId: uuid,
  name,
  /** The user who usually runs it (volunteer or staff): elders keep their runner. */
  runnerUserId: uuid.nullable().default(null),
});
export type RouteBody = z.input<typeof routeBodySchema>;
export const routePatchSchema = patchOf(routeBodySchema.omit({ kitchenId: true }));
export const stopOrderBodySchema = z.strictObject({ residentIds: z.array(uuid).min(1).max(500) });
export const deliveryRouteSchema = z.object({
  id: uuid,
  kitchenId: uuid,
  kitchenName: z.string(),
  name: z.string(),
  runnerUserId: uuid.nullable(),
  runnerName: z.string().nullable(),
  stops: z.array(z.object({ residentId: uuid, residentName: z.string(), address: z.string(), seq: z.number() })),
});
export type DeliveryRoute = z.infer<typeof deliveryRouteSchema>;

export const runnerSchema = z.object({
  id: uuid,
  name: z.string(),
  role: z.enum(['volunteer', 'coordinator', 'admin']),
});
export type Runner = z.infer<typeof runnerSchema>;

export const mealOrderSchema = z.object({
  id: uuid,
  planId: uuid,
  residentId: uuid,
  residentName: z.string(),
  address: z.string(),
  phone: z.string(),
  kitchenId: uuid,
  kitchenName: z.string(),
  date: z.string(),
  meal: mealSchema,
  mode: mealModeSchema,
  diets: z.array(dietSchema),
  allergies: z.array(z.string()),
  doorNote: z.string(),
  subsidyCategory: subsidyCategorySchema,
  fullPriceCents: z.number(),
  elderPriceCents: z.number(),
  routeId: uuid.nullable(),
  runId: uuid.nullable(),
  /** Place in the route's stop order. */
  stopSeq: z.number().nullable(),
  status: orderStatusSchema,
  outcomeAt: z.string().nullable(),
  outcomeByName: z.string().nullable(),
  note: z.string(),
  concern: z.boolean(),
  alertId: uuid.nullable(),
});
export type MealOrder = z.infer<typeof mealOrderSchema>;
export const orderQuerySchema = z.object({
  date: localDateSchema.optional(),
  kitchenId: uuid.optional(),
  meal: mealSchema.optional(),
  status: orderStatusSchema.optional(),
});

export const generateBodySchema = z.strictObject({ date: localDateSchema });
export const generateResultSchema = z.object({
  date: z.string(),
  created: z.number(),
  total: z.number(),
  runs: z.number(),
  skipped: z.object({ paused: z.number(), closed: z.number() }),
});
export type GenerateResult = z.infer<typeof generateResultSchema>;

export const productionSheetSchema = z.object({
  date: z.string(),
  kitchens: z.array(
    z.object({
      kitchenId: uuid,
      kitchenName: z.string(),
      meals: z.array(
        z.object({
          meal: mealSchema,
          total: z.number(),
          delivery: z.number(),
          pickup: z.number(),
          /** Count per diet combination ("regular", "diabetic", "diabetic+low_salt" …). */
          byDiet: z.record(z.string(), z.number()),
          allergies: z.array(z.object({ residentName: z.string(), allergies: z.array(z.string()) })),
        }),
      ),
    }),
  ),
});
export type ProductionSheet = z.infer<typeof productionSheetSchema>;

export const runSchema = z.object({
  id: uuid,
  routeId: uuid,
  routeName: z.string(),
  kitchenName: z.string(),
  date: z.string(),
  meal: mealSchema,
  runnerUserId: uuid.nullable(),
  runnerName: z.string().nullable(),
  status: z.enum(RUN_STATUSES),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  minutes: z.number().nullable(),
  transferId: uuid.nullable(),
  stopCount: z.number(),
  doneCount: z.number(),
});
export type MealRun = z.infer<typeof runSchema>;
export const runDetailSchema = runSchema.extend({ stops: z.array(mealOrderSchema) });
export type MealRunDetail = z.infer<typeof runDetailSchema>;
export const runQuerySchema = z.object({ date: localDateSchema.optional() });
export const runAssignBodySchema = z.strictObject({ runnerUserId: uuid.nullable() });

/** A runner's (or meal-point staff's) record of one stop. */
export const outcomeBodySchema = z.strictObject({
  outcome: z.enum(['delivered', 'left', 'refused', 'no_answer', 'picked_up']),
  note: note.default(''),
  /** "Looked unwell": raises a welfare check even though the meal was handed over. */
  concern: z.boolean().default(false),
});
export type OutcomeBody = z.input<typeof outcomeBodySchema>;

export const pickupBodySchema = z.strictObject({
  /** What the card or QR code says: the resident id or the plan's short pick-up code. */
  code: z.string().trim().min(3).max(64),
  kitchenId: uuid,
  meal: mealSchema.optional(),
});
export type PickupBody = z.input<typeof pickupBodySchema>;

// ---- reports --------------------------------------------------------------------------------
export const mealReportQuerySchema = z.object({ from: localDateSchema.optional(), to: localDateSchema.optional() });
export const mealReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  served: z.number(),
  subsidyCents: z.number(),
  elderPaidCents: z.number(),
  byDay: z.array(
    z.object({ date: z.string(), kitchenId: uuid, kitchenName: z.string(), meal: mealSchema, served: z.number() }),
  ),
  byDiet: z.array(z.object({ diet: z.string(), served: z.number() })),
  bySubsidy: z.array(
    z.object({
      category: subsidyCategorySchema,
      served: z.number(),
      subsidyCents: z.number(),
      elderPaidCents: z.number(),
    }),
  ),
  missed: z.array(
    z.object({
      orderId: uuid,
      date: z.string(),
      meal: mealSchema,
      residentId: uuid,
      residentName: z.string(),
      kitchenName: z.string(),
      status: orderStatusSchema,
      concern: z.boolean(),
      alertId: uuid.nullable(),
      alertStatus: z.string().nullable(),
      outcome: z.string().nullable(),
    }),
  ),
});
export type MealReport = z.infer<typeof mealReportSchema>;
