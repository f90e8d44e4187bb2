/** The admission waiting list's route contracts (handlers in waiting-list.routes.ts). */
import { createRoute, z } from '@hono/zod-openapi';
import {
  admitBodySchema,
  applicationBodySchema,
  applicationPatchSchema,
  applicationSchema,
  waitingListQuerySchema,
  waitingListSchema,
  withdrawBodySchema,
} from '@eldercare/shared';
import { conflictResponse, errorResponses, json, jsonBody, notFoundResponse, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';

const idParams = z.object({ id: z.uuid() });
const tags = ['waiting-list'];
const decided = {
  200: json(applicationSchema, 'Decided'),
  ...errorResponses,
  ...notFoundResponse,
  ...conflictResponse,
};

export const listApplications = createRoute({
  method: 'get',
  path: '/waiting-list',
  tags,
  summary:
    'Admission applications to public institutions in their order (特困, 低保, then grade, then application day), with free beds per institution',
  security,
  middleware: [requireCapability('waitingList.read')] as const,
  request: { query: waitingListQuerySchema },
  responses: { 200: json(waitingListSchema, 'Waiting list'), ...errorResponses },
});

export const createApplication = createRoute({
  method: 'post',
  path: '/waiting-list',
  tags,
  summary: 'Record an application for admission to a public institution',
  security,
  middleware: [requireCapability('waitingList.write')] as const,
  request: { body: jsonBody(applicationBodySchema) },
  responses: { 201: json(applicationSchema, 'Recorded'), ...errorResponses, ...conflictResponse },
});

export const updateApplication = createRoute({
  method: 'patch',
  path: '/waiting-list/{id}',
  tags,
  summary: 'Correct a waiting application’s day or note',
  security,
  middleware: [requireCapability('waitingList.write')] as const,
  request: { params: idParams, body: jsonBody(applicationPatchSchema) },
  responses: decided,
});

export const admitApplicant = createRoute({
  method: 'post',
  path: '/waiting-list/{id}/admit',
  tags,
  summary:
    'Admit the applicant to a free bed (409 without one); passing over applications ahead in the order needs a reason',
  security,
  middleware: [requireCapability('waitingList.write')] as const,
  request: { params: idParams, body: jsonBody(admitBodySchema) },
  responses: decided,
});

export const withdrawApplication = createRoute({
  method: 'post',
  path: '/waiting-list/{id}/withdraw',
  tags,
  summary: 'Withdraw a waiting application, with the reason',
  security,
  middleware: [requireCapability('waitingList.write')] as const,
  request: { params: idParams, body: jsonBody(withdrawBodySchema) },
  responses: decided,
});
