/**
 * Oversight's route contracts: institution figures, the indicators and inspections (handlers in
 * oversight.routes.ts).
 */
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
} from '@eldercare/shared';
import { errorResponses, json, jsonBody, notFoundResponse, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';

const tags = ['oversight'];
const idParams = z.object({ id: z.uuid() });

export const institutionFigures = createRoute({
  method: 'get',
  path: '/oversight/institutions',
  tags: ['oversight'],
  summary:
    'Institution beds by kind (nursing-bed share against 60 %, dementia-zone share, occupancy) and staffing against the ratios, per institution, township and district',
  security,
  middleware: [requireCapability('oversight.read')] as const,
  responses: { 200: json(institutionOversightSchema, 'Figures'), ...errorResponses },
});

export const indicators = createRoute({
  method: 'get',
  path: '/oversight/indicators',
  tags,
  summary:
    'The indicator dashboard: visit rate, alarm SLA, nursing-bed share, staffing, meals, time-bank hours and assessments, per township with the trend (figures from the existing reports)',
  security,
  middleware: [requireCapability('oversight.read')] as const,
  request: { query: indicatorsQuerySchema },
  responses: { 200: json(indicatorsSchema, 'Indicators'), ...errorResponses },
});

export const indicatorsReport = createRoute({
  method: 'get',
  path: '/oversight/indicators/report.xlsx',
  tags,
  summary: 'The monthly indicator report as an Excel workbook (summary, townships, trend, institutions)',
  security,
  middleware: [requireCapability('oversight.read')] as const,
  request: { query: indicatorsQuerySchema },
  responses: {
    200: {
      content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } },
      description: 'XLSX workbook',
    },
    ...errorResponses,
  },
});

export const listInspections = createRoute({
  method: 'get',
  path: '/inspections',
  tags,
  summary: 'Inspection records of institutions, latest first; `overdue=true`: rectifications past their deadline',
  security,
  middleware: [requireCapability('oversight.read')] as const,
  request: { query: inspectionQuerySchema },
  responses: { 200: json(inspectionListSchema, 'Inspections'), ...errorResponses },
});

export const recordInspection = createRoute({
  method: 'post',
  path: '/inspections',
  tags,
  summary: 'Record an inspection (fire safety, hazards, star rating) with findings and a rectification deadline',
  security,
  middleware: [requireCapability('inspections.write')] as const,
  request: { body: jsonBody(inspectionBodySchema) },
  responses: { 201: json(inspectionSchema, 'Recorded'), ...errorResponses },
});

export const updateInspection = createRoute({
  method: 'patch',
  path: '/inspections/{id}',
  tags,
  summary: 'Record the rectification of an inspection’s findings, or change its findings or deadline',
  security,
  middleware: [requireCapability('inspections.write')] as const,
  request: { params: idParams, body: jsonBody(inspectionPatchSchema) },
  responses: { 200: json(inspectionSchema, 'Updated'), ...errorResponses, ...notFoundResponse },
});
