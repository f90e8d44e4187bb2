import { router } from '../../http/openapi.js';
import * as contracts from './meals.contracts.js';
import { reportCsv } from './meals.mappers.js';
import type { MealsService } from './meals.service.js';
import type { OrdersService } from './orders.service.js';

export function mealsRoutes(meals: MealsService, orders: OrdersService) {
  return (
    router()
      // ---- kitchens and menus ----------------------------------------------------------------------
      .openapi(contracts.listKitchens, async (c) =>
        c.json({ items: await meals.kitchens(c.get('user'), c.req.valid('query').includeRetired) }, 200),
      )
      .openapi(contracts.createKitchen, async (c) =>
        c.json(await meals.createKitchen(c.get('user'), c.req.valid('json')), 201),
      )
      .openapi(contracts.updateKitchen, async (c) => {
        const { retired, ...parsed } = c.req.valid('json');
        const id = c.req.valid('param').id;
        // Only the fields the request named (never a schema default standing in for one it left out).
        const sent = new Set(Object.keys((await c.req.json()) as object));
        const patch = Object.fromEntries(Object.entries(parsed).filter(([k]) => sent.has(k))) as typeof parsed;
        let k = retired === undefined ? null : await meals.setKitchenRetired(c.get('user'), id, retired);
        if (Object.keys(patch).length || !k) k = await meals.updateKitchen(c.get('user'), id, patch);
        return c.json(k, 200);
      })
      .openapi(contracts.listMenus, async (c) =>
        c.json({ items: await meals.menus(c.get('user'), c.req.valid('query')) }, 200),
      )
      .openapi(contracts.setMenu, async (c) => {
        const p = c.req.valid('param');
        return c.json(await meals.setMenu(c.get('user'), p.id, p.date, p.meal, c.req.valid('json')), 200);
      })
      // ---- delivery routes -------------------------------------------------------------------------
      .openapi(contracts.listDeliveryRoutes, async (c) => c.json({ items: await meals.routes(c.get('user')) }, 200))
      .openapi(contracts.createDeliveryRoute, async (c) =>
        c.json(await meals.createRoute(c.get('user'), c.req.valid('json')), 201),
      )
      .openapi(contracts.updateDeliveryRoute, async (c) =>
        c.json(await meals.updateRoute(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      .openapi(contracts.reorderStops, async (c) =>
        c.json(await meals.reorderStops(c.get('user'), c.req.valid('param').id, c.req.valid('json').residentIds), 200),
      )
      .openapi(contracts.listRunners, async (c) => c.json({ items: await meals.runners(c.get('user')) }, 200))
      // ---- plans -----------------------------------------------------------------------------------
      .openapi(contracts.listPlans, async (c) =>
        c.json({ items: await meals.plans(c.get('user'), c.req.valid('query')) }, 200),
      )
      .openapi(contracts.createPlan, async (c) =>
        c.json(await meals.createPlan(c.get('user'), c.req.valid('json')), 201),
      )
      .openapi(contracts.updatePlan, async (c) =>
        c.json(await meals.updatePlan(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      .openapi(contracts.pausePlan, async (c) =>
        c.json(await meals.pause(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      .openapi(contracts.resumePlan, async (c) =>
        c.json(await meals.resume(c.get('user'), c.req.valid('param').id), 200),
      )
      // ---- orders, production, reports -------------------------------------------------------------
      .openapi(contracts.generateOrders, async (c) =>
        c.json(await orders.generateFor(c.get('user'), c.req.valid('json').date), 200),
      )
      .openapi(contracts.listOrders, async (c) =>
        c.json({ items: await orders.orders(c.get('user'), c.req.valid('query')) }, 200),
      )
      .openapi(contracts.productionSheet, async (c) =>
        c.json(await orders.production(c.get('user'), c.req.valid('query').date), 200),
      )
      .openapi(contracts.mealReport, async (c) => c.json(await orders.report(c.get('user'), c.req.valid('query')), 200))
      .openapi(contracts.mealReportCsv, async (c) => {
        const r = await orders.report(c.get('user'), c.req.valid('query'));
        c.header('content-type', 'text/csv; charset=utf-8');
        c.header('content-disposition', `attachment; filename="meals-${r.from}-${r.to}.csv"`);
        return c.body(reportCsv(r), 200);
      })
  );
}
