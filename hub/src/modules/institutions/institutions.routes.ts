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
  rolesWith,
} from '@eldercare/shared';
import {
  errorResponses,
  conflictResponse,
  json,
  jsonBody,
  notFoundResponse,
  router,
  security,
} from '../../http/openapi.js';
import { REGISTRY_READERS, REGISTRY_WRITERS, requireRole } from '../auth/auth.middleware.js';
import type { InstitutionsService } from './institutions.service.js';
import type { BoardService } from './board.service.js';
import type { ShiftsService } from './shifts.service.js';

const BOARD_READERS = rolesWith('institutions.board');
const SHIFT_WRITERS = rolesWith('shifts.write');
const includeRetiredQuery = z.object({
  includeRetired: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .openapi({ description: 'Also retired institutions, rooms and beds (default false)' }),
});

export function institutionsRoutes(institutions: InstitutionsService, board: BoardService, shifts: ShiftsService) {
  const app = router();
  const tags = ['institutions'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/institutions',
      tags,
      summary: 'Institutions with rooms and beds (institution staff: their own)',
      security,
      middleware: [requireRole(...REGISTRY_READERS)] as const,
      request: { query: includeRetiredQuery },
      responses: { 200: json(z.object({ items: z.array(institutionSchema) }), 'Institutions'), ...errorResponses },
    }),
    async (c) => c.json({ items: await institutions.list(c.get('user'), c.req.valid('query')) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/institutions',
      tags,
      summary: 'Register an institution with its rooms and beds',
      security,
      middleware: [requireRole(...REGISTRY_WRITERS)] as const,
      request: { body: jsonBody(createInstitutionBodySchema) },
      responses: { 201: json(institutionSchema, 'Created'), ...errorResponses, ...conflictResponse },
    }),
    async (c) => c.json(await institutions.create(c.get('user'), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/institutions/{id}',
      tags,
      summary: 'One institution',
      security,
      middleware: [requireRole(...REGISTRY_READERS)] as const,
      request: { params: z.object({ id: z.uuid() }), query: includeRetiredQuery },
      responses: { 200: json(institutionSchema, 'The institution'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json(await institutions.get(c.get('user'), c.req.valid('param').id, c.req.valid('query')), 200),
  );

  // ---- editing the register: the institution, its rooms and beds ------------------------------
  const edited = { 200: json(institutionSchema, 'The institution as it is now, retired rooms and beds included') };
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/institutions/{id}',
      tags,
      summary:
        'Edit an institution (only the fields sent change); `retired: true` retires it (409 while residents are ' +
        'placed there), `retired: false` puts it back in service. Recorded in the audit log',
      security,
      middleware: [requireRole(...REGISTRY_WRITERS)] as const,
      request: { params: z.object({ id: z.uuid() }), body: jsonBody(updateInstitutionBodySchema) },
      responses: { ...edited, ...errorResponses, ...notFoundResponse, ...conflictResponse },
    }),
    async (c) => c.json(await institutions.update(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/institutions/{id}/rooms',
      tags,
      summary: 'Add a room with its beds (409 when the name is taken in this institution)',
      security,
      middleware: [requireRole(...REGISTRY_WRITERS)] as const,
      request: { params: z.object({ id: z.uuid() }), body: jsonBody(addRoomBodySchema) },
      responses: { 201: edited[200], ...errorResponses, ...notFoundResponse, ...conflictResponse },
    }),
    async (c) => c.json(await institutions.addRoom(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/institutions/{id}/rooms/{roomId}',
      tags,
      summary:
        'Edit a room (name, floor, dementia zone); `retired: true` retires it (409 while residents are in its beds)',
      security,
      middleware: [requireRole(...REGISTRY_WRITERS)] as const,
      request: { params: z.object({ id: z.uuid(), roomId: z.uuid() }), body: jsonBody(updateRoomBodySchema) },
      responses: { ...edited, ...errorResponses, ...notFoundResponse, ...conflictResponse },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await institutions.updateRoom(c.get('user'), p.id, p.roomId, c.req.valid('json')), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/institutions/{id}/rooms/{roomId}/beds',
      tags,
      summary: 'Add beds to a room (409 when a label is taken in the room or the room is retired)',
      security,
      middleware: [requireRole(...REGISTRY_WRITERS)] as const,
      request: { params: z.object({ id: z.uuid(), roomId: z.uuid() }), body: jsonBody(addBedsBodySchema) },
      responses: { 201: edited[200], ...errorResponses, ...notFoundResponse, ...conflictResponse },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await institutions.addBeds(c.get('user'), p.id, p.roomId, c.req.valid('json')), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/institutions/{id}/rooms/{roomId}/beds/{bedId}',
      tags,
      summary: 'Relabel a bed; `retired: true` retires it (409 while a resident is in it)',
      security,
      middleware: [requireRole(...REGISTRY_WRITERS)] as const,
      request: {
        params: z.object({ id: z.uuid(), roomId: z.uuid(), bedId: z.uuid() }),
        body: jsonBody(updateBedBodySchema),
      },
      responses: { ...edited, ...errorResponses, ...notFoundResponse, ...conflictResponse },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await institutions.updateBed(c.get('user'), p.id, p.roomId, p.bedId, c.req.valid('json')), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/institutions/{id}/board',
      tags,
      summary:
        'Live room/bed board: per bed the resident, in bed / out of bed / unknown (bed sensor `inBed`, stale after 30 min), ' +
        'latest vitals within 24 h, devices, the active alert; staffing: staff on shift now vs. what the care-level ratios ' +
        'require (1:6 full/semi care, 1:10 others) with an understaffed flag, registered staff as secondary information',
      security,
      middleware: [requireRole(...BOARD_READERS)] as const,
      request: { params: z.object({ id: z.uuid() }) },
      responses: { 200: json(institutionBoardSchema, 'The board'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json(await board.board(c.get('user'), c.req.valid('param').id), 200),
  );

  // ---- shift roster ----------------------------------------------------------------------------
  const shiftTags = ['institutions', 'shifts'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/institutions/{id}/shifts',
      tags: shiftTags,
      summary: 'Shifts of the institution: `active=true` for who is on shift now, else the latest (open ones first)',
      security,
      middleware: [requireRole(...BOARD_READERS)] as const,
      request: { params: z.object({ id: z.uuid() }), query: shiftsQuerySchema },
      responses: { 200: json(shiftListSchema, 'Shifts'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json(await shifts.list(c.get('user'), c.req.valid('param').id, c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/institutions/{id}/shifts/start',
      tags: shiftTags,
      summary:
        'Start a shift: care staff their own; admin, coordinator or supervisor for a care staff member of the ' +
        'institution (`userId`). One open shift per person (409 while one is open)',
      security,
      middleware: [requireRole(...SHIFT_WRITERS)] as const,
      request: { params: z.object({ id: z.uuid() }), body: { ...jsonBody(startShiftBodySchema), required: false } },
      responses: {
        201: json(staffShiftSchema, 'Started'),
        ...errorResponses,
        ...notFoundResponse,
        ...conflictResponse,
      },
    }),
    async (c) => c.json(await shifts.start(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/institutions/{id}/shifts/end',
      tags: shiftTags,
      summary: "End the caller's own open shift at this institution (404 without one)",
      security,
      middleware: [requireRole(...SHIFT_WRITERS)] as const,
      request: { params: z.object({ id: z.uuid() }) },
      responses: { 200: json(staffShiftSchema, 'Ended'), ...errorResponses, ...notFoundResponse, ...conflictResponse },
    }),
    async (c) => c.json(await shifts.endMine(c.get('user'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/institutions/{id}/shifts/{shiftId}/end',
      tags: shiftTags,
      summary:
        'End a shift: care staff their own; admin, coordinator or supervisor any of the institution (409 if ended)',
      security,
      middleware: [requireRole(...SHIFT_WRITERS)] as const,
      request: { params: z.object({ id: z.uuid(), shiftId: z.uuid() }) },
      responses: { 200: json(staffShiftSchema, 'Ended'), ...errorResponses, ...notFoundResponse, ...conflictResponse },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await shifts.end(c.get('user'), p.id, p.shiftId), 200);
    },
  );
  return app;
}
