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
import {
  conflictResponse,
  errorResponses,
  json,
  jsonBody,
  notFoundResponse,
  router,
  security,
} from '../../http/openapi.js';
import { requireCapability, requireRole } from '../auth/auth.middleware.js';
import { reportCsv } from './meals.mappers.js';
import type { MealsService } from './meals.service.js';
import type { OrdersService } from './orders.service.js';

const idParams = z.object({ id: z.uuid() });
const STAFF = requireCapability('meals.manage');
const tags = ['meals'];
const list = <T extends z.ZodType>(s: T, d: string) => json(z.object({ items: z.array(s) }), d);
const withErrors = { ...errorResponses, ...notFoundResponse };

export function mealsRoutes(meals: MealsService, orders: OrdersService) {
  const app = router();
  const route = <P extends string, M extends 'get' | 'post' | 'patch' | 'put' | 'delete'>(
    method: M,
    path: P,
    summary: string,
  ) => ({ method, path, tags, summary, security });

  // ---- kitchens and menus ------------------------------------------------------------------------
  app.openapi(
    createRoute({
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
    }),
    async (c) => c.json({ items: await meals.kitchens(c.get('user'), c.req.valid('query').includeRetired) }, 200),
  );
  app.openapi(
    createRoute({
      ...route('post', '/meals/kitchens', 'Add a central kitchen, canteen or meal point'),
      middleware: [STAFF] as const,
      request: { body: jsonBody(kitchenBodySchema) },
      responses: { 201: json(kitchenSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await meals.createKitchen(c.get('user'), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      ...route(
        'patch',
        '/meals/kitchens/{id}',
        'Change a kitchen: area, opening days, holidays, prices, pick-up hours; `retired: true` retires it (409 ' +
          'while meal plans run on it), `retired: false` puts it back in service',
      ),
      middleware: [STAFF] as const,
      request: { params: idParams, body: jsonBody(kitchenPatchSchema.extend({ retired: z.boolean().optional() })) },
      responses: { 200: json(kitchenSchema, 'Saved'), ...withErrors, ...conflictResponse },
    }),
    async (c) => {
      const { retired, ...parsed } = c.req.valid('json');
      const id = c.req.valid('param').id;
      // Only the fields the request named (never a schema default standing in for one it left out).
      const sent = new Set(Object.keys((await c.req.json()) as object));
      const patch = Object.fromEntries(Object.entries(parsed).filter(([k]) => sent.has(k))) as typeof parsed;
      let k = retired === undefined ? null : await meals.setKitchenRetired(c.get('user'), id, retired);
      if (Object.keys(patch).length || !k) k = await meals.updateKitchen(c.get('user'), id, patch);
      return c.json(k, 200);
    },
  );
  app.openapi(
    createRoute({
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
    }),
    async (c) => c.json({ items: await meals.menus(c.get('user'), c.req.valid('query')) }, 200),
  );
  app.openapi(
    createRoute({
      ...route('put', '/meals/kitchens/{id}/menus/{date}/{meal}', "Set a day's menu for a meal"),
      middleware: [STAFF] as const,
      request: {
        params: z.object({ id: z.uuid(), date: localDateSchema, meal: mealSchema }),
        body: jsonBody(menuBodySchema),
      },
      responses: { 200: json(menuSchema, 'Saved'), ...withErrors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await meals.setMenu(c.get('user'), p.id, p.date, p.meal, c.req.valid('json')), 200);
    },
  );

  // ---- delivery routes ---------------------------------------------------------------------------
  app.openapi(
    createRoute({
      ...route('get', '/meals/routes', 'Delivery routes with their runner and stops in order'),
      middleware: [STAFF] as const,
      responses: { 200: list(deliveryRouteSchema, 'Routes'), ...errorResponses },
    }),
    async (c) => c.json({ items: await meals.routes(c.get('user')) }, 200),
  );
  app.openapi(
    createRoute({
      ...route('post', '/meals/routes', 'Add a delivery route to a kitchen'),
      middleware: [STAFF] as const,
      request: { body: jsonBody(routeBodySchema) },
      responses: { 201: json(deliveryRouteSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await meals.createRoute(c.get('user'), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      ...route('patch', '/meals/routes/{id}', "Rename a route or change its usual runner (future days' runs)"),
      middleware: [STAFF] as const,
      request: { params: idParams, body: jsonBody(routePatchSchema) },
      responses: { 200: json(deliveryRouteSchema, 'Saved'), ...withErrors },
    }),
    async (c) => c.json(await meals.updateRoute(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      ...route(
        'put',
        '/meals/routes/{id}/stops',
        'Reorder the stops: the named elders first, the rest keep their order',
      ),
      middleware: [STAFF] as const,
      request: { params: idParams, body: jsonBody(stopOrderBodySchema) },
      responses: { 200: json(deliveryRouteSchema, 'Saved'), ...withErrors },
    }),
    async (c) =>
      c.json(await meals.reorderStops(c.get('user'), c.req.valid('param').id, c.req.valid('json').residentIds), 200),
  );

  app.openapi(
    createRoute({
      ...route('get', '/meals/runners', 'Users who can run deliveries (volunteers and staff)'),
      middleware: [STAFF] as const,
      responses: { 200: list(runnerSchema, 'Runners'), ...errorResponses },
    }),
    async (c) => c.json({ items: await meals.runners(c.get('user')) }, 200),
  );

  // ---- plans -------------------------------------------------------------------------------------
  app.openapi(
    createRoute({
      ...route('get', '/meals/plans', "Elders' meal plans"),
      middleware: [STAFF] as const,
      request: { query: mealPlanQuerySchema },
      responses: { 200: list(mealPlanSchema, 'Plans'), ...errorResponses },
    }),
    async (c) => c.json({ items: await meals.plans(c.get('user'), c.req.valid('query')) }, 200),
  );
  app.openapi(
    createRoute({
      ...route('post', '/meals/plans', 'Add a meal plan: days, meals, delivery or pick-up, diet, subsidy, price'),
      middleware: [STAFF] as const,
      request: { body: jsonBody(mealPlanBodySchema) },
      responses: { 201: json(mealPlanSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await meals.createPlan(c.get('user'), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      ...route('patch', '/meals/plans/{id}', 'Change a meal plan (active: false ends it)'),
      middleware: [STAFF] as const,
      request: {
        params: idParams,
        body: jsonBody(mealPlanPatchSchema),
      },
      responses: { 200: json(mealPlanSchema, 'Saved'), ...withErrors },
    }),
    async (c) => c.json(await meals.updatePlan(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      ...route(
        'post',
        '/meals/plans/{id}/pause',
        'Pause meals (hospital stay) until a day when they resume by themselves',
      ),
      middleware: [STAFF] as const,
      request: { params: idParams, body: jsonBody(pauseBodySchema) },
      responses: { 200: json(mealPlanSchema, 'Paused'), ...withErrors },
    }),
    async (c) => c.json(await meals.pause(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      ...route('delete', '/meals/plans/{id}/pause', 'End a pause now'),
      middleware: [STAFF] as const,
      request: { params: idParams },
      responses: { 200: json(mealPlanSchema, 'Resumed'), ...withErrors },
    }),
    async (c) => c.json(await meals.resume(c.get('user'), c.req.valid('param').id), 200),
  );

  // ---- orders, production, reports ---------------------------------------------------------------
  app.openapi(
    createRoute({
      ...route('post', '/meals/orders/generate', "Generate a day's orders from the plans now (idempotent)"),
      middleware: [STAFF] as const,
      request: { body: jsonBody(generateBodySchema) },
      responses: { 200: json(generateResultSchema, 'Generated'), ...errorResponses },
    }),
    async (c) => c.json(await orders.generateFor(c.get('user'), c.req.valid('json').date), 200),
  );
  app.openapi(
    createRoute({
      ...route('get', '/meals/orders', "A day's orders (today by default), by kitchen, meal and stop order"),
      middleware: [STAFF] as const,
      request: { query: orderQuerySchema },
      responses: { 200: list(mealOrderSchema, 'Orders'), ...errorResponses },
    }),
    async (c) => c.json({ items: await orders.orders(c.get('user'), c.req.valid('query')) }, 200),
  );
  app.openapi(
    createRoute({
      ...route('get', '/meals/production', 'Production sheet: counts per kitchen, meal and diet'),
      middleware: [STAFF] as const,
      request: { query: z.object({ date: localDateSchema.optional() }) },
      responses: { 200: json(productionSheetSchema, 'Sheet'), ...errorResponses },
    }),
    async (c) => c.json(await orders.production(c.get('user'), c.req.valid('query').date), 200),
  );
  app.openapi(
    createRoute({
      ...route('get', '/meals/reports', 'Meals served, by diet and subsidy, subsidy totals, missed meals and outcomes'),
      middleware: [requireRole('admin', 'coordinator', 'supervisor')] as const,
      request: { query: mealReportQuerySchema },
      responses: { 200: json(mealReportSchema, 'Report'), ...errorResponses },
    }),
    async (c) => c.json(await orders.report(c.get('user'), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      ...route('get', '/meals/reports.csv', 'The report as CSV (UTF-8), for download'),
      middleware: [requireRole('admin', 'coordinator', 'supervisor')] as const,
      request: { query: mealReportQuerySchema },
      responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' }, ...errorResponses },
    }),
    async (c) => {
      const r = await orders.report(c.get('user'), c.req.valid('query'));
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', `attachment; filename="meals-${r.from}-${r.to}.csv"`);
      return c.body(reportCsv(r), 200);
    },
  );
  return app;
}
