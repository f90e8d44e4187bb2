/** The contracts of the routes in devices.routes.ts: path, parameters, body, responses, roles and documentation of each. */
import { createRoute, z } from '@hono/zod-openapi';
import {
  createDeviceBodySchema,
  createdDeviceSchema,
  devicePageSchema,
  deviceSchema,
  fleetSummarySchema,
  updateDeviceBodySchema,
} from '@eldercare/shared';
import { errorResponses, conflictResponse, json, jsonBody, notFoundResponse, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';

const idParams = z.object({ id: z.string().min(1).max(64) });

const tags = ['devices'];

export const listDevices = createRoute({
  method: 'get',
  path: '/devices',
  tags,
  summary: 'The device fleet with its health (online, battery, last seen), a page at a time',
  description:
    'Devices in id order, `limit` per page (default 200). `nextCursor` of a page, sent as `cursor`, asks for the next one; null on the last page. `total` counts every matching device.',
  security,
  middleware: [requireCapability('registry.read')] as const,
  request: {
    query: z.object({
      residentId: z.uuid().optional(),
      institutionId: z.uuid().optional(),
      includeRetired: z
        .enum(['true', 'false'])
        .optional()
        .transform((v) => v === 'true')
        .openapi({ description: 'Also retired devices (default false)' }),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(1000)
        .default(200)
        .openapi({ description: 'Devices per page, 1–1000 (default 200)' }),
      cursor: z
        .string()
        .min(1)
        .max(64)
        .optional()
        .openapi({ description: 'The `nextCursor` of the page before: the page starts after that device id' }),
    }),
  },
  responses: {
    200: json(devicePageSchema, 'A page of devices'),
    ...errorResponses,
  },
});

export const devicesSummary = createRoute({
  method: 'get',
  path: '/devices/summary',
  tags,
  summary: 'The fleet in numbers: devices in service, online, offline, low on battery',
  description: 'Counted by the database over the devices the user may see; low battery: at or below 20 %.',
  security,
  middleware: [requireCapability('registry.read')] as const,
  responses: {
    200: json(fleetSummarySchema, 'Fleet counts'),
    ...errorResponses,
  },
});

export const createDevice = createRoute({
  method: 'post',
  path: '/devices',
  tags,
  summary: 'Register a device; the response holds its MQTT credentials, shown this once',
  security,
  middleware: [requireCapability('registry.write')] as const,
  request: { body: jsonBody(createDeviceBodySchema) },
  responses: { 201: json(createdDeviceSchema, 'Registered'), ...errorResponses, ...conflictResponse },
});

export const exportMosquittoDevices = createRoute({
  method: 'get',
  path: '/devices/export/mosquitto',
  tags,
  summary: "Every device's credentials and the topic ACL in Mosquitto's password_file / acl_file formats",
  security,
  middleware: [requireCapability('devices.credentials')] as const,
  responses: {
    200: json(z.object({ passwordFile: z.string(), aclFile: z.string() }), 'Files for mosquitto.conf'),
    ...errorResponses,
  },
});

export const getDevice = createRoute({
  method: 'get',
  path: '/devices/{id}',
  tags,
  summary: 'One device',
  security,
  middleware: [requireCapability('registry.read')] as const,
  request: { params: idParams },
  responses: { 200: json(deviceSchema, 'The device'), ...errorResponses, ...notFoundResponse },
});

export const updateDevice = createRoute({
  method: 'patch',
  path: '/devices/{id}',
  tags,
  summary:
    'Relabel a device, move it (send its new residentId / institutionId / roomId; what a move leaves out is ' +
    'cleared), or retire it (`retired: true`: its MQTT login is refused, its history stays) or put it back ' +
    '(`retired: false`). Recorded in the audit log',
  security,
  middleware: [requireCapability('registry.write')] as const,
  request: { params: idParams, body: jsonBody(updateDeviceBodySchema) },
  responses: { 200: json(deviceSchema, 'The device'), ...errorResponses, ...notFoundResponse },
});

export const issueDeviceCredentials = createRoute({
  method: 'post',
  path: '/devices/{id}/credentials',
  tags,
  summary: 'Issue new MQTT credentials (the old password stops working; 409 for a retired device)',
  security,
  middleware: [requireCapability('registry.write')] as const,
  request: { params: idParams },
  responses: {
    200: json(createdDeviceSchema, 'New credentials'),
    ...errorResponses,
    ...notFoundResponse,
    ...conflictResponse,
  },
});
