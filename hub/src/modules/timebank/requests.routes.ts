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
import {
  conflictResponse,
  errorResponses,
  json,
  jsonBody,
  notFoundResponse,
  router,
  security,
} from '../../http/openapi.js';
import { requireRole } from '../auth/auth.middleware.js';
import type { MembersService } from './members.service.js';
import type { RequestsService } from './requests.service.js';
import { TIMEBANK_ROLES } from './timebank.routes.js';

const idParams = z.object({ id: z.uuid() });
const one = {
  200: json(serviceRequestSchema, 'The request'),
  ...errorResponses,
  ...notFoundResponse,
  ...conflictResponse,
};

export function requestsRoutes(requests: RequestsService, members: MembersService) {
  const app = router();
  const tags = ['service requests'];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/service-requests',
      tags,
      summary: 'Service requests (volunteers: dispatched to them; family: their elder)',
      security,
      middleware: [requireRole(...TIMEBANK_ROLES)] as const,
      request: { query: serviceRequestQuerySchema },
      responses: {
        200: json(z.object({ items: z.array(serviceRequestSchema), total: z.number() }), 'Requests'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await requests.list(c.get('user'), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/service-requests',
      tags,
      summary: 'Order a service for an elder (点单): by their family or a coordinator',
      security,
      middleware: [requireRole('admin', 'coordinator', 'family')] as const,
      request: { body: jsonBody(serviceRequestBodySchema) },
      responses: { 201: json(serviceRequestSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await requests.create(c.get('user'), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/service-requests/{id}',
      tags,
      summary: 'One service request',
      security,
      middleware: [requireRole(...TIMEBANK_ROLES)] as const,
      request: { params: idParams },
      responses: one,
    }),
    async (c) => c.json(await requests.get(c.get('user'), c.req.valid('param').id), 200),
  );

  const step = (
    path: string,
    summary: string,
    body: z.ZodType | null,
    run: (user: Parameters<RequestsService['get']>[0], id: string, body: never) => Promise<unknown>,
  ) =>
    app.openapi(
      createRoute({
        method: 'post',
        path: `/service-requests/{id}/${path}`,
        tags,
        summary,
        security,
        middleware: [requireRole(...TIMEBANK_ROLES)] as const,
        request: body ? { params: idParams, body: jsonBody(body) } : { params: idParams },
        responses: one,
      }),
      async (c) => {
        const b = body ? ((c.req.valid as (t: 'json') => unknown)('json') as never) : (undefined as never);
        return c.json(
          (await run(c.get('user'), c.req.valid('param').id, b)) as z.infer<typeof serviceRequestSchema>,
          200,
        );
      },
    );

  step('dispatch', 'Dispatch to a volunteer or an organisation (派单)', dispatchBodySchema, (u, id, b) =>
    requests.dispatch(u, id, b),
  );
  step('decline', 'The volunteer declines; the request goes back to the coordinator', null, (u, id) =>
    requests.decline(u, id),
  );
  step('accept', 'The volunteer accepts (接单)', null, (u, id) => requests.accept(u, id));
  step('check-in', 'Check in at the visit', null, (u, id) => requests.checkIn(u, id));
  step('check-out', 'Check out: the served minutes are measured and the contact counts as a visit', null, (u, id) =>
    requests.checkOut(u, id),
  );
  step('confirm', 'Confirm and rate (评单); the hours are credited', confirmBodySchema, (u, id, b) =>
    requests.confirm(u, id, b),
  );
  step(
    'dispute',
    'Dispute the service; it goes to the coordinator',
    disputeBodySchema,
    (u, id, b: { reason: string }) => requests.dispute(u, id, b.reason),
  );
  step('resolve', 'The coordinator resolves a dispute: confirm (credit) or reject', resolveBodySchema, (u, id, b) =>
    requests.resolve(u, id, b),
  );
  step('cancel', 'Cancel before the visit starts', cancelBodySchema, (u, id, b: { reason: string }) =>
    requests.cancel(u, id, b.reason),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/timebank/me',
      tags,
      summary: "A volunteer's own view: profile, accounts and open tasks",
      security,
      middleware: [requireRole(...TIMEBANK_ROLES)] as const,
      responses: { 200: json(myTimebankSchema, 'Mine'), ...errorResponses },
    }),
    async (c) => {
      const user = c.get('user');
      const [volunteer] = user.role === 'volunteer' ? await members.listVolunteers(user) : [];
      const accounts = await members.listAccounts(user, {});
      const tasks = user.role === 'volunteer' ? (await requests.list(user, { limit: 100, offset: 0 })).items : [];
      return c.json({ volunteer: volunteer ?? null, accounts, tasks }, 200);
    },
  );
  return app;
}
