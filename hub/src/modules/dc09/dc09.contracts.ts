/** The contracts of the routes in dc09.routes.ts: path, parameters, body, responses, roles and documentation of each. */
import { createRoute, z } from '@hono/zod-openapi';
import {
  createDc09AccountBodySchema,
  dc09AccountSchema,
  dc09CodeEntrySchema,
  dc09ProfileSchema,
  updateDc09AccountBodySchema,
} from '@eldercare/shared';
import { conflictResponse, errorResponses, json, jsonBody, notFoundResponse, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';

const idParams = z.object({ id: z.uuid() });

const tags = ['dc09'];

export const listDc09Accounts = createRoute({
  method: 'get',
  path: '/dc09/accounts',
  tags,
  summary: 'SIA DC-09 accounts of alarm panels and telecare units (keys are never returned)',
  security,
  middleware: [requireCapability('registry.write')] as const,
  request: { query: z.object({ deviceId: z.string().min(1).max(64).optional() }) },
  responses: { 200: json(z.object({ items: z.array(dc09AccountSchema) }), 'Accounts'), ...errorResponses },
});

export const createDc09Account = createRoute({
  method: 'post',
  path: '/dc09/accounts',
  tags,
  summary:
    "Register a panel's receiver/line/account on a device, or on a resident's home (a device is registered for it); optional AES key and supervision interval",
  security,
  middleware: [requireCapability('registry.write')] as const,
  request: { body: jsonBody(createDc09AccountBodySchema) },
  responses: {
    201: json(dc09AccountSchema, 'Registered'),
    ...errorResponses,
    ...notFoundResponse,
    ...conflictResponse,
  },
});

export const getDc09Account = createRoute({
  method: 'get',
  path: '/dc09/accounts/{id}',
  tags,
  summary: 'One DC-09 account',
  security,
  middleware: [requireCapability('registry.write')] as const,
  request: { params: idParams },
  responses: { 200: json(dc09AccountSchema, 'The account'), ...errorResponses, ...notFoundResponse },
});

export const updateDc09Account = createRoute({
  method: 'patch',
  path: '/dc09/accounts/{id}',
  tags,
  summary: 'Change what is sent (key: null removes the key; supervisionSeconds: null stops supervision)',
  security,
  middleware: [requireCapability('registry.write')] as const,
  request: { params: idParams, body: jsonBody(updateDc09AccountBodySchema) },
  responses: {
    200: json(dc09AccountSchema, 'Changed'),
    ...errorResponses,
    ...notFoundResponse,
    ...conflictResponse,
  },
});

export const deleteDc09Account = createRoute({
  method: 'delete',
  path: '/dc09/accounts/{id}',
  tags,
  summary: "Remove a DC-09 account (the panel's messages are then answered DUH and dead-lettered)",
  security,
  middleware: [requireCapability('registry.write')] as const,
  request: { params: idParams },
  responses: { 204: { description: 'Removed' }, ...errorResponses, ...notFoundResponse },
});

export const listDc09Profiles = createRoute({
  method: 'get',
  path: '/dc09/profiles',
  tags,
  summary: 'Vendor profiles (code-table overrides) an account may use',
  security,
  middleware: [requireCapability('registry.write')] as const,
  responses: { 200: json(z.object({ items: z.array(dc09ProfileSchema) }), 'Profiles'), ...errorResponses },
});

export const dc09CodeTable = createRoute({
  method: 'get',
  path: '/dc09/code-table',
  tags,
  summary: 'The effective Contact ID / SIA DCS code table of a profile: which hub event each code raises',
  security,
  middleware: [requireCapability('registry.write')] as const,
  request: { query: z.object({ profile: z.string().max(40).default('standard') }) },
  responses: {
    200: json(z.object({ profile: z.string(), items: z.array(dc09CodeEntrySchema) }), 'Code table'),
    ...errorResponses,
  },
});
