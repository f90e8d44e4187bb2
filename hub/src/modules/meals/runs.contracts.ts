/** The delivery runs' route contracts (handlers in runs.routes.ts). */
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
import { errorResponses, json, jsonBody, notFoundResponse, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';

const idParams = z.object({ id: z.uuid() });
const tags = ['meals'];
const RUNNERS = requireCapability('meals.run');
const STAFF = requireCapability('meals.manage');
const withErrors = { ...errorResponses, ...notFoundResponse };

export const listRuns = createRoute({
  method: 'get',
  path: '/meals/runs',
  tags,
  summary: "A day's delivery runs (today by default); runners see only their own",
  security,
  middleware: [RUNNERS] as const,
  request: { query: runQuerySchema },
  responses: { 200: json(z.object({ items: z.array(runSchema) }), 'Runs'), ...errorResponses },
});

export const getRun = createRoute({
  method: 'get',
  path: '/meals/runs/{id}',
  tags,
  summary: 'A run with its stops in route order, diets and door notes',
  security,
  middleware: [RUNNERS] as const,
  request: { params: idParams },
  responses: { 200: json(runDetailSchema, 'Run'), ...withErrors },
});

export const assignRun = createRoute({
  method: 'post',
  path: '/meals/runs/{id}/assign',
  tags,
  summary: 'Assign the runner of one run',
  security,
  middleware: [STAFF] as const,
  request: { params: idParams, body: jsonBody(runAssignBodySchema) },
  responses: { 200: json(runSchema, 'Assigned'), ...withErrors },
});

const runStep = <S extends 'start' | 'complete'>(step: S) =>
  createRoute({
    method: 'post',
    path: `/meals/runs/{id}/${step}` as const,
    tags,
    summary:
      step === 'start'
        ? 'Start a run (its minutes count from now)'
        : "Complete a run once every stop has an outcome; a volunteer's minutes go to the time bank",
    security,
    middleware: [RUNNERS] as const,
    request: { params: idParams },
    responses: { 200: json(runSchema, 'The run'), ...withErrors },
  });
export const startRun = runStep('start');
export const completeRun = runStep('complete');

export const recordOutcome = createRoute({
  method: 'post',
  path: '/meals/orders/{id}/outcome',
  tags,
  summary: 'Record a stop: delivered, left, refused or no_answer (a welfare check); staff tick picked_up',
  security,
  middleware: [RUNNERS] as const,
  request: { params: idParams, body: jsonBody(outcomeBodySchema) },
  responses: { 200: json(mealOrderSchema, 'Recorded'), ...withErrors },
});

export const confirmPickup = createRoute({
  method: 'post',
  path: '/meals/pickups',
  tags,
  summary: "Confirm a pick-up at a meal point by the elder's card (resident id or short code)",
  security,
  middleware: [STAFF] as const,
  request: { body: jsonBody(pickupBodySchema) },
  responses: { 200: json(mealOrderSchema, 'Picked up'), ...withErrors },
});
