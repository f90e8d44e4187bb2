import { createRoute, z } from '@hono/zod-openapi';
import {
  ASSESSMENT_SCALE,
  CARE_LEVEL_OF_GRADE,
  GRADE_MIN_TOTAL,
  GRADE_NAMES,
  REASSESS_MONTHS,
  RISK_EVENTS_RAISING_GRADE,
  VISIT_TIER_OF_GRADE,
  assessmentBodySchema,
  assessmentDueQuerySchema,
  assessmentDueSchema,
  assessmentListSchema,
  assessmentSchema,
} from '@eldercare/shared';
import { errorResponses, json, jsonBody, notFoundResponse, router, security } from '../../http/openapi.js';
import { REGISTRY_READERS, requireRole } from '../auth/auth.middleware.js';
import type { AssessmentsService } from './assessments.service.js';

const idParams = z.object({ id: z.uuid() });

export function assessmentsRoutes(assessments: AssessmentsService) {
  const app = router();
  const tags = ['assessments'];

  app.openapi(
    createRoute({
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
    }),
    (c) =>
      c.json(
        {
          domains: [...ASSESSMENT_SCALE],
          gradeMinTotal: { ...GRADE_MIN_TOTAL },
          gradeNames: { ...GRADE_NAMES },
          careLevelOfGrade: { ...CARE_LEVEL_OF_GRADE },
          visitTierOfGrade: { ...VISIT_TIER_OF_GRADE },
          reassessMonths: { ...REASSESS_MONTHS },
          riskEventsRaisingGrade: RISK_EVENTS_RAISING_GRADE,
        },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/assessments/due',
      tags,
      summary: 'Elders never assessed or due for re-assessment (institution staff: their institution)',
      security,
      middleware: [requireRole('admin', 'coordinator', 'supervisor', 'institution_staff')] as const,
      request: { query: assessmentDueQuerySchema },
      responses: { 200: json(assessmentDueSchema, 'Due, most overdue first'), ...errorResponses },
    }),
    async (c) => c.json(await assessments.due(c.get('user'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/residents/{id}/assessments',
      tags,
      summary: "A resident's capability assessments, latest first",
      security,
      middleware: [requireRole(...REGISTRY_READERS)] as const,
      request: { params: idParams },
      responses: { 200: json(assessmentListSchema, 'History'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json({ items: await assessments.history(c.get('user'), c.req.valid('param').id) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/residents/{id}/assessments',
      tags,
      summary:
        'Record a capability assessment: the hub scores it, grades it and (when it is the latest) sets the resident’s grade and care level',
      security,
      middleware: [requireRole('admin', 'coordinator', 'institution_staff')] as const,
      request: { params: idParams, body: jsonBody(assessmentBodySchema) },
      responses: { 201: json(assessmentSchema, 'Recorded'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json(await assessments.create(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  return app;
}
