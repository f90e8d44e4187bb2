import { createRoute, z } from '@hono/zod-openapi';
import {
  createDc09AccountBodySchema,
  dc09AccountSchema,
  dc09CodeEntrySchema,
  dc09ProfileSchema,
  updateDc09AccountBodySchema,
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
import { REGISTRY_WRITERS, requireRole } from '../auth/auth.middleware.js';
import type { Dc09AccountsService } from './accounts.service.js';

const idParams = z.object({ id: z.uuid() });

export function dc09Routes(accounts: Dc09AccountsService) {
  const app = router();
  const tags = ['dc09'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/dc09/accounts',
      tags,
      summary: 'SIA DC-09 accounts of alarm panels and telecare units (keys are never returned)',
      security,
      middleware: [requireRole(...REGISTRY_WRITERS)] as const,
      request: { query: z.object({ deviceId: z.string().min(1).max(64).optional() }) },
      responses: { 200: json(z.object({ items: z.array(dc09AccountSchema) }), 'Accounts'), ...errorResponses },
    }),
    async (c) => c.json(await accounts.list(c.get('user'), c.req.valid('query').deviceId), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/dc09/accounts',
      tags,
      summary:
        "Register a panel's receiver/line/account on a device, or on a resident's home (a device is registered for it); optional AES key and supervision interval",
      security,
      middleware: [requireRole(...REGISTRY_WRITERS)] as const,
      request: { body: jsonBody(createDc09AccountBodySchema) },
      responses: {
        201: json(dc09AccountSchema, 'Registered'),
        ...errorResponses,
        ...notFoundResponse,
        ...conflictResponse,
      },
    }),
    async (c) => c.json(await accounts.create(c.get('user'), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/dc09/accounts/{id}',
      tags,
      summary: 'One DC-09 account',
      security,
      middleware: [requireRole(...REGISTRY_WRITERS)] as const,
      request: { params: idParams },
      responses: { 200: json(dc09AccountSchema, 'The account'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json(await accounts.get(c.get('user'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/dc09/accounts/{id}',
      tags,
      summary: 'Change what is sent (key: null removes the key; supervisionSeconds: null stops supervision)',
      security,
      middleware: [requireRole(...REGISTRY_WRITERS)] as const,
      request: { params: idParams, body: jsonBody(updateDc09AccountBodySchema) },
      responses: {
        200: json(dc09AccountSchema, 'Changed'),
        ...errorResponses,
        ...notFoundResponse,
        ...conflictResponse,
      },
    }),
    async (c) => c.json(await accounts.update(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/dc09/accounts/{id}',
      tags,
      summary: "Remove a DC-09 account (the panel's messages are then answered DUH and dead-lettered)",
      security,
      middleware: [requireRole(...REGISTRY_WRITERS)] as const,
      request: { params: idParams },
      responses: { 204: { description: 'Removed' }, ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      await accounts.remove(c.get('user'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/dc09/profiles',
      tags,
      summary: 'Vendor profiles (code-table overrides) an account may use',
      security,
      middleware: [requireRole(...REGISTRY_WRITERS)] as const,
      responses: { 200: json(z.object({ items: z.array(dc09ProfileSchema) }), 'Profiles'), ...errorResponses },
    }),
    async (c) => c.json({ items: accounts.profiles() }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/dc09/code-table',
      tags,
      summary: 'The effective Contact ID / SIA DCS code table of a profile: which hub event each code raises',
      security,
      middleware: [requireRole(...REGISTRY_WRITERS)] as const,
      request: { query: z.object({ profile: z.string().max(40).default('standard') }) },
      responses: {
        200: json(z.object({ profile: z.string(), items: z.array(dc09CodeEntrySchema) }), 'Code table'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(accounts.codeTable(c.req.valid('query').profile), 200),
  );
  return app;
}
