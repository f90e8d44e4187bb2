/** The capability assessments' route contracts (handlers in assessments.routes.ts). */
import { createRoute, z } from '@hono/zod-openapi';
import {
  assessmentBodySchema,
  assessmentDueQuerySchema,
  assessmentDueSchema,
  assessmentListSchema,
  assessmentSchema,
} from '@eldercare/shared';
import { errorResponses, json, jsonBody, notFoundResponse, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';

const idParams = z.object({ id: z.uuid() });
const tags = ['assessments'];

export const assessmentScale = createRoute({
  method: 'get',
  path: '/assessments/scale',
  tags,
  summary:
    'The capability-assessment scale (GB/T 42195-2022): indicators, items, points, grade bands and what each grade sets',
  security,
  responses: {
    200: json(
      z.object({
        domains: z.array(z.unknown()),
        gradeMinTotal: z.record(z.string(), z.number()),
        gradeNames: z.record(z.string(), z.object({ zh: z.string(), en: z.string() })),
        careLevelOfGrade: z.record(z.string(), z.string()),
        visitTierOfGrade: z.record(z.string(), z.string()),
        reassessMonths: z.record(z.string(), z.number()),
        riskEventsRaisingGrade: z.number(),
      }),
      'The scale',
    ),
    ...errorResponses,
  },
});

export const assessmentsDue = createRoute({
  method: 'get',
  path: '/assessments/due',
  tags,
  summary: 'Elders never assessed or due for re-assessment (institution staff: their institution)',
  security,
  middleware: [requireCapability('assessments.read')] as const,
  request: { query: assessmentDueQuerySchema },
  responses: { 200: json(assessmentDueSchema, 'Due, most overdue first'), ...errorResponses },
});

export const residentAssessments = createRoute({
  method: 'get',
  path: '/residents/{id}/assessments',
  tags,
  summary: "A resident's capability assessments, latest first",
  security,
  middleware: [requireCapability('registry.read')] as const,
  request: { params: idParams },
  responses: { 200: json(assessmentListSchema, 'History'), ...errorResponses, ...notFoundResponse },
});

export const recordAssessment = createRoute({
  method: 'post',
  path: '/residents/{id}/assessments',
  tags,
  summary:
    'Record a capability assessment: the hub scores it, grades it and (when it is the latest) sets the resident’s grade and care level',
  security,
  middleware: [requireCapability('assessments.write')] as const,
  request: { params: idParams, body: jsonBody(assessmentBodySchema) },
  responses: { 201: json(assessmentSchema, 'Recorded'), ...errorResponses, ...notFoundResponse },
});
