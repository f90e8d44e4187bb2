/**
 * The meals service's route contracts: kitchens and menus, delivery routes, plans, orders,
 * production and reports (handlers in meals.routes.ts; the runs' contracts are in runs.contracts.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import {
  deliveryRouteSchema,
  generateBodySchema,
  generateResultSchema,
  kitchenBodySchema,
  kitchenPatchSchema,
  kitchenSchema,
  localDateSchema,
  mealOrderSchema,
  mealPlanBodySchema,
  mealPlanPatchSchema,
  mealPlanQuerySchema,
  mealPlanSchema,
  mealReportQuerySchema,
  mealReportSchema,
  mealSchema,
  menuBodySchema,
  menuSchema,
  orderQuerySchema,
  pauseBodySchema,
  productionSheetSchema,
  routeBodySchema,
  routePatchSchema,
  runnerSchema,
  stopOrderBodySchema,
} from '@eldercare/shared';
import { conflictResponse, errorResponses, json, jsonBody, notFoundResponse, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';

const idParams = z.object({ id: z.uuid() });
const STAFF = requireCapability('meals.manage');
const tags = ['meals'];
const list = <T extends z.ZodType>(s: T, d: string) => json(z.object({ items: z.array(s) }), d);
const withErrors = { ...errorResponses, ...notFoundResponse };
const route = <P extends string, M extends 'get' | 'post' | 'patch' | 'put' | 'delete'>(
  method: M,
  path: P,
  summary: string,
) => ({ method, path, tags, summary, security });

// ---- kitchens and menus --------------------------------------------------------------------------
export const listKitchens = createRoute({
  ...route(
    'get',
    '/meals/kitchens',
    'Kitchens and meal points with their service areas (retired ones only with `includeRetired=true`)',
  ),
  middleware: [STAFF] as const,
  request: {
    query: z.object({
      includeRetired: z
        .enum(['true', 'false'])
        .optional()
        .transform((v) => v === 'true'),
    }),
  },
  responses: { 200: list(kitchenSchema, 'Kitchens'), ...errorResponses },
});

export const createKitchen = createRoute({
  ...route('post', '/meals/kitchens', 'Add a central kitchen, canteen or meal point'),
  middleware: [STAFF] as const,
  request: { body: jsonBody(kitchenBodySchema) },
  responses: { 201: json(kitchenSchema, 'Created'), ...errorResponses },
});

export const updateKitchen = createRoute({
  ...route(
    'patch',
    '/meals/kitchens/{id}',
    'Change a kitchen: area, opening days, holidays, prices, pick-up hours; `retired: true` retires it (409 ' +
      'while meal plans run on it), `retired: false` puts it back in service',
  ),
  middleware: [STAFF] as const,
  request: { params: idParams, body: jsonBody(kitchenPatchSchema.extend({ retired: z.boolean().optional() })) },
  responses: { 200: json(kitchenSchema, 'Saved'), ...withErrors, ...conflictResponse },
});

export const listMenus = createRoute({
  ...route('get', '/meals/menus', 'Menus per kitchen, day and meal'),
  middleware: [STAFF] as const,
  request: {
    query: z.object({
      from: localDateSchema.optional(),
      to: localDateSchema.optional(),
      kitchenId: z.uuid().optional(),
    }),
  },
  responses: { 200: list(menuSchema, 'Menus'), ...errorResponses },
});

export const setMenu = createRoute({
  ...route('put', '/meals/kitchens/{id}/menus/{date}/{meal}', "Set a day's menu for a meal"),
  middleware: [STAFF] as const,
  request: {
    params: z.object({ id: z.uuid(), date: localDateSchema, meal: mealSchema }),
    body: jsonBody(menuBodySchema),
  },
  responses: { 200: json(menuSchema, 'Saved'), ...withErrors },
});

// ---- delivery routes -----------------------------------------------------------------------------
export const listDeliveryRoutes = createRoute({
  ...route('get', '/meals/routes', 'Delivery routes with their runner and stops in order'),
  middleware: [STAFF] as const,
  responses: { 200: list(deliveryRouteSchema, 'Routes'), ...errorResponses },
});

export const createDeliveryRoute = createRoute({
  ...route('post', '/meals/routes', 'Add a delivery route to a kitchen'),
  middleware: [STAFF] as const,
  request: { body: jsonBody(routeBodySchema) },
  responses: { 201: json(deliveryRouteSchema, 'Created'), ...errorResponses },
});

export const updateDeliveryRoute = createRoute({
  ...route('patch', '/meals/routes/{id}', "Rename a route or change its usual runner (future days' runs)"),
  middleware: [STAFF] as const,
  request: { params: idParams, body: jsonBody(routePatchSchema) },
  responses: { 200: json(deliveryRouteSchema, 'Saved'), ...withErrors },
});

export const reorderStops = createRoute({
  ...route('put', '/meals/routes/{id}/stops', 'Reorder the stops: the named elders first, the rest keep their order'),
  middleware: [STAFF] as const,
  request: { params: idParams, body: jsonBody(stopOrderBodySchema) },
  responses: { 200: json(deliveryRouteSchema, 'Saved'), ...withErrors },
});

export const listRunners = createRoute({
  ...route('get', '/meals/runners', 'Users who can run deliveries (volunteers and staff)'),
  middleware: [STAFF] as const,
  responses: { 200: list(runnerSchema, 'Runners'), ...errorResponses },
});

// ---- plans ---------------------------------------------------------------------------------------
export const listPlans = createRoute({
  ...route('get', '/meals/plans', "Elders' meal plans"),
  middleware: [STAFF] as const,
  request: { query: mealPlanQuerySchema },
  responses: { 200: list(mealPlanSchema, 'Plans'), ...errorResponses },
});

export const createPlan = createRoute({
  ...route('post', '/meals/plans', 'Add a meal plan: days, meals, delivery or pick-up, diet, subsidy, price'),
  middleware: [STAFF] as const,
  request: { body: jsonBody(mealPlanBodySchema) },
  responses: { 201: json(mealPlanSchema, 'Created'), ...errorResponses },
});

export const updatePlan = createRoute({
  ...route('patch', '/meals/plans/{id}', 'Change a meal plan (active: false ends it)'),
  middleware: [STAFF] as const,
  request: {
    params: idParams,
    body: jsonBody(mealPlanPatchSchema),
  },
  responses: { 200: json(mealPlanSchema, 'Saved'), ...withErrors },
});

export const pausePlan = createRoute({
  ...route('post', '/meals/plans/{id}/pause', 'Pause meals (hospital stay) until a day when they resume by themselves'),
  middleware: [STAFF] as const,
  request: { params: idParams, body: jsonBody(pauseBodySchema) },
  responses: { 200: json(mealPlanSchema, 'Paused'), ...withErrors },
});

export const resumePlan = createRoute({
  ...route('delete', '/meals/plans/{id}/pause', 'End a pause now'),
  middleware: [STAFF] as const,
  request: { params: idParams },
  responses: { 200: json(mealPlanSchema, 'Resumed'), ...withErrors },
});

// ---- orders, production, reports -----------------------------------------------------------------
export const generateOrders = createRoute({
  ...route('post', '/meals/orders/generate', "Generate a day's orders from the plans now (idempotent)"),
  middleware: [STAFF] as const,
  request: { body: jsonBody(generateBodySchema) },
  responses: { 200: json(generateResultSchema, 'Generated'), ...errorResponses },
});

export const listOrders = createRoute({
  ...route('get', '/meals/orders', "A day's orders (today by default), by kitchen, meal and stop order"),
  middleware: [STAFF] as const,
  request: { query: orderQuerySchema },
  responses: { 200: list(mealOrderSchema, 'Orders'), ...errorResponses },
});

export const productionSheet = createRoute({
  ...route('get', '/meals/production', 'Production sheet: counts per kitchen, meal and diet'),
  middleware: [STAFF] as const,
  request: { query: z.object({ date: localDateSchema.optional() }) },
  responses: { 200: json(productionSheetSchema, 'Sheet'), ...errorResponses },
});

export const mealReport = createRoute({
  ...route('get', '/meals/reports', 'Meals served, by diet and subsidy, subsidy totals, missed meals and outcomes'),
  middleware: [requireCapability('meals.reports')] as const,
  request: { query: mealReportQuerySchema },
  responses: { 200: json(mealReportSchema, 'Report'), ...errorResponses },
});

export const mealReportCsv = createRoute({
  ...route('get', '/meals/reports.csv', 'The report as CSV (UTF-8), for download'),
  middleware: [requireCapability('meals.reports')] as const,
  request: { query: mealReportQuerySchema },
  responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' }, ...errorResponses },
});
