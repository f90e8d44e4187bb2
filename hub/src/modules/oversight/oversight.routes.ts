import { createRoute, z } from '@hono/zod-openapi';
import {
  indicatorsQuerySchema,
  indicatorsSchema,
  inspectionBodySchema,
  inspectionListSchema,
  inspectionPatchSchema,
  inspectionQuerySchema,
  inspectionSchema,
  institutionOversightSchema,
  type User,
  rolesWith,
} from '@eldercare/shared';
import { errorResponses, json, jsonBody, notFoundResponse, router, security } from '../../http/openapi.js';
import type { InspectionsService } from './inspections.service.js';
import { requireRole } from '../auth/auth.middleware.js';
import type { OversightService } from './oversight.service.js';
import type { IndicatorsService } from './indicators.service.js';
import { indicatorsWorkbook } from './indicators-xlsx.js';

const INDICATOR_ROLES = rolesWith('oversight.read');

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
      middleware: [requireRole(...INDICATOR_ROLES)] as const,
      responses: { 200: json(institutionOversightSchema, 'Figures'), ...errorResponses },
    }),
    async (c) => c.json(await oversight.institutionFigures(c.get('user')), 200),
  );
  return app;
}

export function indicatorsRoutes(
  indicators: IndicatorsService,
  oversight: OversightService,
  districtName: (user: User) => Promise<string>,
) {
  const app = router();
  const tags = ['oversight'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/oversight/indicators',
      tags,
      summary:
        'The indicator dashboard: visit rate, alarm SLA, nursing-bed share, staffing, meals, time-bank hours and assessments, per township with the trend (figures from the existing reports)',
      security,
      middleware: [requireRole(...INDICATOR_ROLES)] as const,
      request: { query: indicatorsQuerySchema },
      responses: { 200: json(indicatorsSchema, 'Indicators'), ...errorResponses },
    }),
    async (c) => c.json(await indicators.indicators(c.get('user'), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/oversight/indicators/report.xlsx',
      tags,
      summary: 'The monthly indicator report as an Excel workbook (summary, townships, trend, institutions)',
      security,
      middleware: [requireRole(...INDICATOR_ROLES)] as const,
      request: { query: indicatorsQuerySchema },
      responses: {
        200: {
          content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } },
          description: 'XLSX workbook',
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const user = c.get('user');
      const ind = await indicators.indicators(user, c.req.valid('query'));
      const inst = await oversight.institutionFigures(user);
      const body = await indicatorsWorkbook(ind, inst, await districtName(user));
      c.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      c.header('content-disposition', `attachment; filename="indicators-${ind.month}.xlsx"`);
      return c.body(new Uint8Array(body), 200);
    },
  );
  return app;
}

export function inspectionsRoutes(inspections: InspectionsService) {
  const app = router();
  const tags = ['oversight'];
  const idParams = z.object({ id: z.uuid() });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/inspections',
      tags,
      summary: 'Inspection records of institutions, latest first; `overdue=true`: rectifications past their deadline',
      security,
      middleware: [requireRole('admin', 'coordinator', 'supervisor', 'official')] as const,
      request: { query: inspectionQuerySchema },
      responses: { 200: json(inspectionListSchema, 'Inspections'), ...errorResponses },
    }),
    async (c) => c.json({ items: await inspections.list(c.get('user'), c.req.valid('query')) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/inspections',
      tags,
      summary: 'Record an inspection (fire safety, hazards, star rating) with findings and a rectification deadline',
      security,
      middleware: [requireRole('admin', 'coordinator', 'official')] as const,
      request: { body: jsonBody(inspectionBodySchema) },
      responses: { 201: json(inspectionSchema, 'Recorded'), ...errorResponses },
    }),
    async (c) => c.json(await inspections.create(c.get('user'), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/inspections/{id}',
      tags,
      summary: 'Record the rectification of an inspection’s findings, or change its findings or deadline',
      security,
      middleware: [requireRole('admin', 'coordinator', 'official')] as const,
      request: { params: idParams, body: jsonBody(inspectionPatchSchema) },
      responses: { 200: json(inspectionSchema, 'Updated'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json(await inspections.update(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  return app;
}
