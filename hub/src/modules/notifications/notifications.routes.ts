/**
 * Notification routes: channels, personal preferences and role defaults, push subscriptions,
 * district webhooks, the incident's message timeline, the responder's dispatches, the family page,
 * and the public signed-link reply routes (`/api/respond/{token}`, no session: the token is the
 * authentication). See docs/notifications.md.
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
  replyBodySchema,
  responderCandidateSchema,
  responderDispatchSchema,
  roleDefaultsBodySchema,
  roleDefaultsSchema,
  roleSchema,
  stepBodySchema,
  webhookBodySchema,
  webhookPatchSchema,
  webhookSchema,
  rolesWith,
} from '@eldercare/shared';
import {
  conflictResponse,
  errorResponses,
  json,
  jsonBody,
  notFoundResponse,
  router,
  security,
} from '../../http/openapi.js';
import { requireRole } from '../auth/auth.middleware.js';
import type { NotificationsService } from './notifications.service.js';
import type { RespondersService } from './responders.service.js';

const idParams = z.object({ id: z.uuid() });
const tags = ['notifications'];
const COORDINATORS = rolesWith('notifications.configure');
const WATCHERS = rolesWith('alerts.watch');
const HANDLERS = rolesWith('alerts.handle');
const noContent = { 204: { description: 'Done' } };
const gone = { 410: json(z.object({ error: z.string() }), 'Already answered, withdrawn or expired (single use)') };

/** Routes that need a session. */
export function notificationsRoutes(n: NotificationsService, responders: RespondersService) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/notifications/channels',
      tags,
      summary: 'Channels the hub can send by (configured or not, and why) and the VAPID public key for web push',
      security,
      responses: { 200: json(channelsResponseSchema, 'Channels'), ...errorResponses },
    }),
    async (c) => c.json(await n.channels(), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/notifications/preferences',
      tags,
      summary: 'My notification settings (my own, or my role defaults while I have not changed any)',
      security,
      responses: { 200: json(myNotificationSettingsSchema, 'My settings'), ...errorResponses },
    }),
    async (c) => c.json(await n.myPreferences(c.get('user')), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/notifications/preferences',
      tags,
      summary: 'Change my notification settings (only the fields sent); critical alarms are never silenced',
      security,
      request: { body: jsonBody(notificationPreferencesPatchSchema) },
      responses: { 200: json(myNotificationSettingsSchema, 'My settings'), ...errorResponses },
    }),
    async (c) => c.json(await n.patchMyPreferences(c.get('user'), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/notifications/preferences',
      tags,
      summary: 'Go back to my role defaults',
      security,
      responses: { 200: json(myNotificationSettingsSchema, 'My settings'), ...errorResponses },
    }),
    async (c) => c.json(await n.resetMyPreferences(c.get('user')), 200),
  );
  app.openapi(
    createRoute({
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
    }),
    async (c) => c.json(await n.sendTest(c.get('user'), c.req.valid('json').channel), 202),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/notifications/role-defaults',
      tags,
      summary: 'Notification defaults of every role',
      security,
      middleware: [requireRole(...COORDINATORS)] as const,
      responses: { 200: json(z.object({ items: z.array(roleDefaultsSchema) }), 'Role defaults'), ...errorResponses },
    }),
    async (c) => c.json({ items: await n.roleDefaults(c.get('user')) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/notifications/role-defaults/{role}',
      tags,
      summary: "Set a role's notification defaults (people who changed their own keep theirs)",
      security,
      middleware: [requireRole(...COORDINATORS)] as const,
      request: { params: z.object({ role: roleSchema }), body: jsonBody(roleDefaultsBodySchema) },
      responses: { 200: json(roleDefaultsSchema, 'Role defaults'), ...errorResponses },
    }),
    async (c) => c.json(await n.setRoleDefaults(c.get('user'), c.req.valid('param').role, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/notifications/push-subscriptions',
      tags,
      summary: 'My web push subscriptions (devices where I installed the app)',
      security,
      responses: {
        200: json(z.object({ items: z.array(pushSubscriptionSchema) }), 'Subscriptions'),
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: await n.listPushSubscriptions(c.get('user')) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/notifications/push-subscriptions',
      tags,
      summary: "Store this browser's push subscription for me (the same endpoint again replaces it)",
      security,
      request: { body: jsonBody(pushSubscriptionBodySchema) },
      responses: { 201: json(pushSubscriptionSchema, 'Stored'), ...errorResponses },
    }),
    async (c) => c.json(await n.addPushSubscription(c.get('user'), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/notifications/push-subscriptions/{id}',
      tags,
      summary: 'Remove one of my push subscriptions',
      security,
      request: { params: idParams },
      responses: { ...noContent, ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      await n.removePushSubscription(c.get('user'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/notifications/webhooks',
      tags,
      summary: 'District webhooks (generic signed, DingTalk and WeCom group robots)',
      security,
      middleware: [requireRole(...COORDINATORS)] as const,
      responses: { 200: json(z.object({ items: z.array(webhookSchema) }), 'Webhooks'), ...errorResponses },
    }),
    async (c) => c.json({ items: await n.listWebhooks(c.get('user')) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/notifications/webhooks',
      tags,
      summary: 'Add a webhook; for the standard format the secret is generated when not given and shown only here',
      security,
      middleware: [requireRole(...COORDINATORS)] as const,
      request: { body: jsonBody(webhookBodySchema) },
      responses: { 201: json(webhookSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await n.addWebhook(c.get('user'), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/notifications/webhooks/{id}',
      tags,
      summary: 'Change a webhook (only the fields sent)',
      security,
      middleware: [requireRole(...COORDINATORS)] as const,
      request: { params: idParams, body: jsonBody(webhookPatchSchema) },
      responses: { 200: json(webhookSchema, 'Updated'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json(await n.patchWebhook(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/notifications/webhooks/{id}',
      tags,
      summary: 'Remove a webhook (messages already queued for it are still delivered)',
      security,
      middleware: [requireRole(...COORDINATORS)] as const,
      request: { params: idParams },
      responses: { ...noContent, ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      await n.removeWebhook(c.get('user'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/alerts/{id}/notifications',
      tags: ['alerts', ...tags],
      summary: "The incident's messages: channel, recipient, sent, failed or gave up (with the error), reply",
      security,
      middleware: [requireRole(...WATCHERS)] as const,
      request: { params: idParams },
      responses: {
        200: json(z.object({ items: z.array(notificationSchema) }), 'Messages, oldest first'),
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => c.json({ items: await n.ofAlert(c.get('user'), c.req.valid('param').id) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/alerts/{id}/responder-candidates',
      tags: ['alerts', 'responders'],
      summary:
        "Who can be sent: the elder's contacts in call order (by phone), then accounts told in the app — family, the institution's staff, volunteers",
      security,
      middleware: [requireRole(...HANDLERS)] as const,
      request: { params: idParams },
      responses: {
        200: json(z.object({ items: z.array(responderCandidateSchema) }), 'Candidates, contacts first'),
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => c.json({ items: await n.responderCandidates(c.get('user'), c.req.valid('param').id) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/notifications/{id}/retry',
      tags,
      summary: 'Try a message that gave up (dead) or failed again, now',
      security,
      middleware: [requireRole(...HANDLERS)] as const,
      request: { params: idParams },
      responses: {
        200: json(notificationSchema, 'Queued again'),
        ...errorResponses,
        ...notFoundResponse,
        ...conflictResponse,
      },
    }),
    async (c) => c.json(await n.retry(c.get('user'), c.req.valid('param').id), 200),
  );
  // ---- the responder, logged in ----
  app.openapi(
    createRoute({
      method: 'get',
      path: '/responder/dispatches',
      tags: ['responders'],
      summary: 'Dispatches asked of me (open ones first; the last 20 closed ones after)',
      security,
      responses: {
        200: json(z.object({ items: z.array(responderDispatchSchema) }), 'My dispatches'),
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: await responders.mine(c.get('user')) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/responder/dispatches/{id}/reply',
      tags: ['responders'],
      summary: 'Accept or decline a dispatch asked of me (once)',
      security,
      request: { params: idParams, body: jsonBody(replyBodySchema) },
      responses: {
        200: json(responderDispatchSchema, 'Answered'),
        ...errorResponses,
        ...notFoundResponse,
        ...gone,
      },
    }),
    async (c) => c.json(await responders.replyAsUser(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/responder/dispatches/{id}/step',
      tags: ['responders'],
      summary: 'Report on my way / on scene / done (with a note) on a dispatch I accepted',
      security,
      request: { params: idParams, body: jsonBody(stepBodySchema) },
      responses: {
        200: json(responderDispatchSchema, 'Recorded'),
        ...errorResponses,
        ...notFoundResponse,
        ...conflictResponse,
      },
    }),
    async (c) => c.json(await responders.stepAsUser(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  // ---- family ----
  app.openapi(
    createRoute({
      method: 'get',
      path: '/family/status',
      tags: ['family'],
      summary: "The family page: my elder's open incident and its progress, devices, last activity",
      security,
      middleware: [requireRole('family')] as const,
      request: { query: z.object({ residentId: z.uuid().optional() }) },
      responses: { 200: json(familyStatusSchema, 'State'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json(await n.familyStatus(c.get('user'), c.req.valid('query').residentId), 200),
  );
  return app;
}

/** Public routes: the signed single-use reply link (the token is the authentication). */
export function respondRoutes(responders: RespondersService) {
  const app = router();
  const token = z.object({ token: z.string().min(20).max(400) });
  const refused = { 403: json(z.object({ error: z.string() }), 'Forged or expired link') };
  app.openapi(
    createRoute({
      method: 'get',
      path: '/respond/{token}',
      tags: ['responders'],
      summary: 'The dispatch behind a signed reply link (for the responder page)',
      request: { params: token },
      responses: { 200: json(responderDispatchSchema, 'The dispatch'), 400: errorResponses[400], ...refused },
    }),
    async (c) => c.json(await responders.byToken(c.req.valid('param').token), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/respond/{token}',
      tags: ['responders'],
      summary: 'Accept or decline by signed link, push action or webhook callback: single use',
      request: { params: token, body: jsonBody(replyBodySchema) },
      responses: {
        200: json(responderDispatchSchema, 'Answered'),
        400: errorResponses[400],
        ...refused,
        ...gone,
      },
    }),
    async (c) => c.json(await responders.replyByToken(c.req.valid('param').token, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/respond/{token}/step',
      tags: ['responders'],
      summary: 'On my way / on scene / done (with a note), after accepting by this link',
      request: { params: token, body: jsonBody(stepBodySchema) },
      responses: {
        200: json(responderDispatchSchema, 'Recorded'),
        400: errorResponses[400],
        ...refused,
        ...conflictResponse,
      },
    }),
    async (c) => c.json(await responders.stepByToken(c.req.valid('param').token, c.req.valid('json')), 200),
  );
  return app;
}
