import { createRoute, z } from '@hono/zod-openapi';
import {
  mealOrderSchema,
  outcomeBodySchema,
  pickupBodySchema,
  runAssignBodySchema,
  runDetailSchema,
  runQuerySchema,
  runSchema,
} from '@eldercare/shared';
import { errorResponses, json, jsonBody, notFoundResponse, router, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';
import type { RunsService } from './runs.service.js';

const idParams = z.object({ id: z.uuid() });
const tags = ['meals'];
const RUNNERS = requireCapability('meals.run');
const STAFF = requireCapability('meals.manage');
const withErrors = { ...errorResponses, ...notFoundResponse };

export function runsRoutes(runs: RunsService) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/meals/runs',
      tags,
      summary: "A day's delivery runs (today by default); runners see only their own",
      security,
      middleware: [RUNNERS] as const,
      request: { query: runQuerySchema },
      responses: { 200: json(z.object({ items: z.array(runSchema) }), 'Runs'), ...errorResponses },
    }),
    async (c) => c.json({ items: await runs.runs(c.get('user'), c.req.valid('query')) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/meals/runs/{id}',
      tags,
      summary: 'A run with its stops in route order, diets and door notes',
      security,
      middleware: [RUNNERS] as const,
      request: { params: idParams },
      responses: { 200: json(runDetailSchema, 'Run'), ...withErrors },
    }),
    async (c) => c.json(await runs.run(c.get('user'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/meals/runs/{id}/assign',
      tags,
      summary: 'Assign the runner of one run',
      security,
      middleware: [STAFF] as const,
      request: { params: idParams, body: jsonBody(runAssignBodySchema) },
      responses: { 200: json(runSchema, 'Assigned'), ...withErrors },
    }),
    async (c) =>
      c.json(await runs.assign(c.get('user'), c.req.valid('param').id, c.req.valid('json').runnerUserId), 200),
  );
  for (const step of ['start', 'complete'] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/meals/runs/{id}/${step}`,
        tags,
        summary:
          step === 'start'
            ? 'Start a run (its minutes count from now)'
            : "Complete a run once every stop has an outcome; a volunteer's minutes go to the time bank",
        security,
        middleware: [RUNNERS] as const,
        request: { params: idParams },
        responses: { 200: json(runSchema, 'The run'), ...withErrors },
      }),
      async (c) => c.json(await runs[step](c.get('user'), c.req.valid('param').id), 200),
    );
  }
  app.openapi(
    createRoute({
      method: 'post',
      path: '/meals/orders/{id}/outcome',
      tags,
      summary: 'Record a stop: delivered, left, refused or no_answer (a welfare check); staff tick picked_up',
      security,
      middleware: [RUNNERS] as const,
      request: { params: idParams, body: jsonBody(outcomeBodySchema) },
      responses: { 200: json(mealOrderSchema, 'Recorded'), ...withErrors },
    }),
    async (c) => c.json(await runs.outcome(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/meals/pickups',
      tags,
      summary: "Confirm a pick-up at a meal point by the elder's card (resident id or short code)",
      security,
      middleware: [STAFF] as const,
      request: { body: jsonBody(pickupBodySchema) },
      responses: { 200: json(mealOrderSchema, 'Picked up'), ...withErrors },
    }),
    async (c) => c.json(await runs.pickup(c.get('user'), c.req.valid('json')), 200),
  );
  return app;
}
