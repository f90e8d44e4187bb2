/**
 * Notification route contracts: channels, personal preferences and role defaults, push
 * subscriptions, district webhooks, the incident's message timeline and the family page (handlers
 * in notifications.routes.ts; the responder's routes are in responders.contracts.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import {
  channelsResponseSchema,
  familyStatusSchema,
  myNotificationSettingsSchema,
  notificationPreferencesPatchSchema,
  notificationSchema,
  personalChannelSchema,
  pushSubscriptionBodySchema,
  pushSubscriptionSchema,
  responderCandidateSchema,
  roleDefaultsBodySchema,
  roleDefaultsSchema,
  roleSchema,
  webhookBodySchema,
  webhookPatchSchema,
  webhookSchema,
} from '@eldercare/shared';
import { conflictResponse, errorResponses, json, jsonBody, notFoundResponse, security } from '../../http/openapi.js';
import { requireCapability } from '../auth/auth.middleware.js';

const idParams = z.object({ id: z.uuid() });
const tags = ['notifications'];
const noContent = { 204: { description: 'Done' } };

export const channels = createRoute({
  method: 'get',
  path: '/notifications/channels',
  tags,
  summary: 'Channels the hub can send by (configured or not, and why) and the VAPID public key for web push',
  security,
  responses: { 200: json(channelsResponseSchema, 'Channels'), ...errorResponses },
});

export const myPreferences = createRoute({
  method: 'get',
  path: '/notifications/preferences',
  tags,
  summary: 'My notification settings (my own, or my role defaults while I have not changed any)',
  security,
  responses: { 200: json(myNotificationSettingsSchema, 'My settings'), ...errorResponses },
});

export const patchMyPreferences = createRoute({
  method: 'patch',
  path: '/notifications/preferences',
  tags,
  summary: 'Change my notification settings (only the fields sent); critical alarms are never silenced',
  security,
  request: { body: jsonBody(notificationPreferencesPatchSchema) },
  responses: { 200: json(myNotificationSettingsSchema, 'My settings'), ...errorResponses },
});

export const resetMyPreferences = createRoute({
  method: 'delete',
  path: '/notifications/preferences',
  tags,
  summary: 'Go back to my role defaults',
  security,
  responses: { 200: json(myNotificationSettingsSchema, 'My settings'), ...errorResponses },
});

export const sendTest = createRoute({
  method: 'post',
  path: '/notifications/test',
  tags,
  summary: 'Send me a test message by one of my channels (it shows on no incident)',
  security,
  request: { body: jsonBody(z.strictObject({ channel: personalChannelSchema })) },
  responses: {
    202: json(z.object({ id: z.string().describe('The queued notification event') }), 'Queued'),
    ...errorResponses,
    ...conflictResponse,
  },
});

export const roleDefaults = createRoute({
  method: 'get',
  path: '/notifications/role-defaults',
  tags,
  summary: 'Notification defaults of every role',
  security,
  middleware: [requireCapability('notifications.configure')] as const,
  responses: { 200: json(z.object({ items: z.array(roleDefaultsSchema) }), 'Role defaults'), ...errorResponses },
});

export const setRoleDefaults = createRoute({
  method: 'put',
  path: '/notifications/role-defaults/{role}',
  tags,
  summary: "Set a role's notification defaults (people who changed their own keep theirs)",
  security,
  middleware: [requireCapability('notifications.configure')] as const,
  request: { params: z.object({ role: roleSchema }), body: jsonBody(roleDefaultsBodySchema) },
  responses: { 200: json(roleDefaultsSchema, 'Role defaults'), ...errorResponses },
});

export const listPushSubscriptions = createRoute({
  method: 'get',
  path: '/notifications/push-subscriptions',
  tags,
  summary: 'My web push subscriptions (devices where I installed the app)',
  security,
  responses: {
    200: json(z.object({ items: z.array(pushSubscriptionSchema) }), 'Subscriptions'),
    ...errorResponses,
  },
});

export const addPushSubscription = createRoute({
  method: 'post',
  path: '/notifications/push-subscriptions',
  tags,
  summary: "Store this browser's push subscription for me (the same endpoint again replaces it)",
  security,
  request: { body: jsonBody(pushSubscriptionBodySchema) },
  responses: { 201: json(pushSubscriptionSchema, 'Stored'), ...errorResponses },
});

export const removePushSubscription = createRoute({
  method: 'delete',
  path: '/notifications/push-subscriptions/{id}',
  tags,
  summary: 'Remove one of my push subscriptions',
  security,
  request: { params: idParams },
  responses: { ...noContent, ...errorResponses, ...notFoundResponse },
});

export const listWebhooks = createRoute({
  method: 'get',
  path: '/notifications/webhooks',
  tags,
  summary: 'District webhooks (generic signed, DingTalk and WeCom group robots)',
  security,
  middleware: [requireCapability('notifications.configure')] as const,
  responses: { 200: json(z.object({ items: z.array(webhookSchema) }), 'Webhooks'), ...errorResponses },
});

export const addWebhook = createRoute({
  method: 'post',
  path: '/notifications/webhooks',
  tags,
  summary: 'Add a webhook; for the standard format the secret is generated when not given and shown only here',
  security,
  middleware: [requireCapability('notifications.configure')] as const,
  request: { body: jsonBody(webhookBodySchema) },
  responses: { 201: json(webhookSchema, 'Created'), ...errorResponses },
});

export const patchWebhook = createRoute({
  method: 'patch',
  path: '/notifications/webhooks/{id}',
  tags,
  summary: 'Change a webhook (only the fields sent)',
  security,
  middleware: [requireCapability('notifications.configure')] as const,
  request: { params: idParams, body: jsonBody(webhookPatchSchema) },
  responses: { 200: json(webhookSchema, 'Updated'), ...errorResponses, ...notFoundResponse },
});

export const removeWebhook = createRoute({
  method: 'delete',
  path: '/notifications/webhooks/{id}',
  tags,
  summary: 'Remove a webhook (messages already queued for it are still delivered)',
  security,
  middleware: [requireCapability('notifications.configure')] as const,
  request: { params: idParams },
  responses: { ...noContent, ...errorResponses, ...notFoundResponse },
});

export const alertNotifications = createRoute({
  method: 'get',
  path: '/alerts/{id}/notifications',
  tags: ['alerts', ...tags],
  summary: "The incident's messages: channel, recipient, sent, failed or gave up (with the error), reply",
  security,
  middleware: [requireCapability('alerts.watch')] as const,
  request: { params: idParams },
  responses: {
    200: json(z.object({ items: z.array(notificationSchema) }), 'Messages, oldest first'),
    ...errorResponses,
    ...notFoundResponse,
  },
});

export const responderCandidates = createRoute({
  method: 'get',
  path: '/alerts/{id}/responder-candidates',
  tags: ['alerts', 'responders'],
  summary:
    "Who can be sent: the elder's contacts in call order (by phone), then accounts told in the app — family, the institution's staff, volunteers",
  security,
  middleware: [requireCapability('alerts.handle')] as const,
  request: { params: idParams },
  responses: {
    200: json(z.object({ items: z.array(responderCandidateSchema) }), 'Candidates, contacts first'),
    ...errorResponses,
    ...notFoundResponse,
  },
});

export const retryNotification = createRoute({
  method: 'post',
  path: '/notifications/{id}/retry',
  tags,
  summary: 'Try a message that gave up (dead) or failed again, now',
  security,
  middleware: [requireCapability('alerts.handle')] as const,
  request: { params: idParams },
  responses: {
    200: json(notificationSchema, 'Queued again'),
    ...errorResponses,
    ...notFoundResponse,
    ...conflictResponse,
  },
});

// ---- family ----
export const familyStatus = createRoute({
  method: 'get',
  path: '/family/status',
  tags: ['family'],
  summary: "The family page: my elder's open incident and its progress, devices, last activity",
  security,
  middleware: [requireCapability('family.status')] as const,
  request: { query: z.object({ residentId: z.uuid().optional() }) },
  responses: { 200: json(familyStatusSchema, 'State'), ...errorResponses, ...notFoundResponse },
});
