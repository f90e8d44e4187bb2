/**
 * The service requests' route contracts: ordering, the dispatch flow and a volunteer's own view
 * (handlers in requests.routes.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import {
  cancelBodySchema,
  confirmBodySchema,
  dispatchBodySchema,
  disputeBodySchema,
  myTimebankSchema,
  resolveBodySchema,
  serviceRequestBodySchema,
  serviceRequestQuerySchema,
  serviceRequestSchema,
} from '@eldercare/shared';
import { conflictResponse, errorResponses, json, jsonBody, notFoundResponse, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';

const idParams = z.object({ id: z.uuid() });
const one = {
  200: json(serviceRequestSchema, 'The request'),
  ...errorResponses,
  ...notFoundResponse,
  ...conflictResponse,
};
const tags = ['service requests'];

export const listRequests = createRoute({
  method: 'get',
  path: '/service-requests',
  tags,
  summary: 'Service requests (volunteers: dispatched to them; family: their elder)',
  security,
  middleware: [requireCapability('timebank.use')] as const,
  request: { query: serviceRequestQuerySchema },
  responses: {
    200: json(z.object({ items: z.array(serviceRequestSchema), total: z.number() }), 'Requests'),
    ...errorResponses,
  },
});

export const createRequest = createRoute({
  method: 'post',
  path: '/service-requests',
  tags,
  summary: 'Order a service for an elder (点单): by their family or a coordinator',
  security,
  middleware: [requireCapability('timebank.order')] as const,
  request: { body: jsonBody(serviceRequestBodySchema) },
  responses: { 201: json(serviceRequestSchema, 'Created'), ...errorResponses },
});

export const getRequest = createRoute({
  method: 'get',
  path: '/service-requests/{id}',
  tags,
  summary: 'One service request',
  security,
  middleware: [requireCapability('timebank.use')] as const,
  request: { params: idParams },
  responses: one,
});

/** A step of the request's flow: `POST /service-requests/{id}/<path>`, with no body. */
const step = <P extends string>(path: P, summary: string) =>
  createRoute({
    method: 'post',
    path: `/service-requests/{id}/${path}` as const,
    tags,
    summary,
    security,
    middleware: [requireCapability('timebank.use')] as const,
    request: { params: idParams },
    responses: one,
  });
/** A step of the request's flow with a body. */
const stepWith = <P extends string, B extends z.ZodType>(path: P, summary: string, body: B) =>
  createRoute({
    method: 'post',
    path: `/service-requests/{id}/${path}` as const,
    tags,
    summary,
    security,
    middleware: [requireCapability('timebank.use')] as const,
    request: { params: idParams, body: jsonBody(body) },
    responses: one,
  });

export const dispatchRequest = stepWith(
  'dispatch',
  'Dispatch to a volunteer or an organisation (派单)',
  dispatchBodySchema,
);
export const declineRequest = step('decline', 'The volunteer declines; the request goes back to the coordinator');
export const acceptRequest = step('accept', 'The volunteer accepts (接单)');
export const checkIn = step('check-in', 'Check in at the visit');
export const checkOut = step(
  'check-out',
  'Check out: the served minutes are measured and the contact counts as a visit',
);
export const confirmRequest = stepWith('confirm', 'Confirm and rate (评单); the hours are credited', confirmBodySchema);
export const disputeRequest = stepWith('dispute', 'Dispute the service; it goes to the coordinator', disputeBodySchema);
export const resolveDispute = stepWith(
  'resolve',
  'The coordinator resolves a dispute: confirm (credit) or reject',
  resolveBodySchema,
);
export const cancelRequest = stepWith('cancel', 'Cancel before the visit starts', cancelBodySchema);

export const myTimebank = createRoute({
  method: 'get',
  path: '/timebank/me',
  tags,
  summary: "A volunteer's own view: profile, accounts and open tasks",
  security,
  middleware: [requireCapability('timebank.use')] as const,
  responses: { 200: json(myTimebankSchema, 'Mine'), ...errorResponses },
});
