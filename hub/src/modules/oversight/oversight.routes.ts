import { createRoute } from '@hono/zod-openapi';
import { institutionOversightSchema } from '@eldercare/shared';
import { errorResponses, json, router, security } from '../../http/openapi.js';
import { requireRole } from '../auth/auth.middleware.js';
import type { OversightService } from './oversight.service.js';

export function oversightRoutes(oversight: OversightService) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/oversight/institutions',
      tags: ['oversight'],
      summary:
        'Institution beds by kind (nursing-bed share against 60 %, dementia-zone share, occupancy) and staffing against the ratios, per institution, township and district',
      security,
      middleware: [requireRole('admin', 'coordinator', 'supervisor', 'official')] as const,
      responses: { 200: json(institutionOversightSchema, 'Figures'), ...errorResponses },
    }),
    async (c) => c.json(await oversight.institutionFigures(c.get('user')), 200),
  );
  return app;
}
