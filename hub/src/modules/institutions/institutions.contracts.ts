/** The contracts of the routes in institutions.routes.ts: path, parameters, body, responses, roles and documentation of each. */
import { createRoute, z } from '@hono/zod-openapi';
import {
  addBedsBodySchema,
  addRoomBodySchema,
  createInstitutionBodySchema,
  updateBedBodySchema,
  updateInstitutionBodySchema,
  updateRoomBodySchema,
  institutionBoardSchema,
  institutionSchema,
  shiftListSchema,
  shiftsQuerySchema,
  staffShiftSchema,
  startShiftBodySchema,
} from '@eldercare/shared';
import { errorResponses, conflictResponse, json, jsonBody, notFoundResponse, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';

const includeRetiredQuery = z.object({
  includeRetired: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .openapi({ description: 'Also retired institutions, rooms and beds (default false)' }),
});

const tags = ['institutions'];

/** What an edit of the register answers. */
const edited = { 200: json(institutionSchema, 'The institution as it is now, retired rooms and beds included') };

const shiftTags = ['institutions', 'shifts'];

export const listInstitutions = createRoute({
  method: 'get',
  path: '/institutions',
  tags,
  summary: 'Institutions with rooms and beds (institution staff: their own)',
  security,
  middleware: [requireCapability('registry.read')] as const,
  request: { query: includeRetiredQuery },
  responses: { 200: json(z.object({ items: z.array(institutionSchema) }), 'Institutions'), ...errorResponses },
});

export const createInstitution = createRoute({
  method: 'post',
  path: '/institutions',
  tags,
  summary: 'Register an institution with its rooms and beds',
  security,
  middleware: [requireCapability('registry.write')] as const,
  request: { body: jsonBody(createInstitutionBodySchema) },
  responses: { 201: json(institutionSchema, 'Created'), ...errorResponses, ...conflictResponse },
});

export const getInstitution = createRoute({
  method: 'get',
  path: '/institutions/{id}',
  tags,
  summary: 'One institution',
  security,
  middleware: [requireCapability('registry.read')] as const,
  request: { params: z.object({ id: z.uuid() }), query: includeRetiredQuery },
  responses: { 200: json(institutionSchema, 'The institution'), ...errorResponses, ...notFoundResponse },
});

// ---- editing the register: the institution, its rooms and beds ------------------------------
export const updateInstitution = createRoute({
  method: 'patch',
  path: '/institutions/{id}',
  tags,
  summary:
    'Edit an institution (only the fields sent change); `retired: true` retires it (409 while residents are ' +
    'placed there), `retired: false` puts it back in service. Recorded in the audit log',
  security,
  middleware: [requireCapability('registry.write')] as const,
  request: { params: z.object({ id: z.uuid() }), body: jsonBody(updateInstitutionBodySchema) },
  responses: { ...edited, ...errorResponses, ...notFoundResponse, ...conflictResponse },
});

export const addRoom = createRoute({
  method: 'post',
  path: '/institutions/{id}/rooms',
  tags,
  summary: 'Add a room with its beds (409 when the name is taken in this institution)',
  security,
  middleware: [requireCapability('registry.write')] as const,
  request: { params: z.object({ id: z.uuid() }), body: jsonBody(addRoomBodySchema) },
  responses: { 201: edited[200], ...errorResponses, ...notFoundResponse, ...conflictResponse },
});

export const updateRoom = createRoute({
  method: 'patch',
  path: '/institutions/{id}/rooms/{roomId}',
  tags,
  summary: 'Edit a room (name, floor, dementia zone); `retired: true` retires it (409 while residents are in its beds)',
  security,
  middleware: [requireCapability('registry.write')] as const,
  request: { params: z.object({ id: z.uuid(), roomId: z.uuid() }), body: jsonBody(updateRoomBodySchema) },
  responses: { ...edited, ...errorResponses, ...notFoundResponse, ...conflictResponse },
});

export const addBeds = createRoute({
  method: 'post',
  path: '/institutions/{id}/rooms/{roomId}/beds',
  tags,
  summary: 'Add beds to a room (409 when a label is taken in the room or the room is retired)',
  security,
  middleware: [requireCapability('registry.write')] as const,
  request: { params: z.object({ id: z.uuid(), roomId: z.uuid() }), body: jsonBody(addBedsBodySchema) },
  responses: { 201: edited[200], ...errorResponses, ...notFoundResponse, ...conflictResponse },
});

export const updateBed = createRoute({
  method: 'patch',
  path: '/institutions/{id}/rooms/{roomId}/beds/{bedId}',
  tags,
  summary: 'Relabel a bed; `retired: true` retires it (409 while a resident is in it)',
  security,
  middleware: [requireCapability('registry.write')] as const,
  request: {
    params: z.object({ id: z.uuid(), roomId: z.uuid(), bedId: z.uuid() }),
    body: jsonBody(updateBedBodySchema),
  },
  responses: { ...edited, ...errorResponses, ...notFoundResponse, ...conflictResponse },
});

export const getBoard = createRoute({
  method: 'get',
  path: '/institutions/{id}/board',
  tags,
  summary:
    'Live room/bed board: per bed the resident, in bed / out of bed / unknown (bed sensor `inBed`, stale after 30 min), ' +
    'latest vitals within 24 h, devices, the active alert; staffing: staff on shift now vs. what the care-level ratios ' +
    'require (1:6 full/semi care, 1:10 others) with an understaffed flag, registered staff as secondary information',
  security,
  middleware: [requireCapability('institutions.board')] as const,
  request: { params: z.object({ id: z.uuid() }) },
  responses: { 200: json(institutionBoardSchema, 'The board'), ...errorResponses, ...notFoundResponse },
});

// ---- shift roster ----------------------------------------------------------------------------
export const listShifts = createRoute({
  method: 'get',
  path: '/institutions/{id}/shifts',
  tags: shiftTags,
  summary: 'Shifts of the institution: `active=true` for who is on shift now, else the latest (open ones first)',
  security,
  middleware: [requireCapability('institutions.board')] as const,
  request: { params: z.object({ id: z.uuid() }), query: shiftsQuerySchema },
  responses: { 200: json(shiftListSchema, 'Shifts'), ...errorResponses, ...notFoundResponse },
});

export const startShift = createRoute({
  method: 'post',
  path: '/institutions/{id}/shifts/start',
  tags: shiftTags,
  summary:
    'Start a shift: care staff their own; admin, coordinator or supervisor for a care staff member of the ' +
    'institution (`userId`). One open shift per person (409 while one is open)',
  security,
  middleware: [requireCapability('shifts.write')] as const,
  request: { params: z.object({ id: z.uuid() }), body: { ...jsonBody(startShiftBodySchema), required: false } },
  responses: {
    201: json(staffShiftSchema, 'Started'),
    ...errorResponses,
    ...notFoundResponse,
    ...conflictResponse,
  },
});

export const endOwnShift = createRoute({
  method: 'post',
  path: '/institutions/{id}/shifts/end',
  tags: shiftTags,
  summary: "End the caller's own open shift at this institution (404 without one)",
  security,
  middleware: [requireCapability('shifts.write')] as const,
  request: { params: z.object({ id: z.uuid() }) },
  responses: { 200: json(staffShiftSchema, 'Ended'), ...errorResponses, ...notFoundResponse, ...conflictResponse },
});

export const endShift = createRoute({
  method: 'post',
  path: '/institutions/{id}/shifts/{shiftId}/end',
  tags: shiftTags,
  summary: 'End a shift: care staff their own; admin, coordinator or supervisor any of the institution (409 if ended)',
  security,
  middleware: [requireCapability('shifts.write')] as const,
  request: { params: z.object({ id: z.uuid(), shiftId: z.uuid() }) },
  responses: { 200: json(staffShiftSchema, 'Ended'), ...errorResponses, ...notFoundResponse, ...conflictResponse },
});
