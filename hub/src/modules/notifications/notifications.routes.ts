/**
 * Notification routes: channels, personal preferences and role defaults, push subscriptions,
 * district webhooks, the incident's message timeline, the responder's dispatches, the family page,
 * and the public signed-link reply routes (`/api/respond/{token}`, no session: the token is the
 * authentication). Their contracts are in notifications.contracts.ts and responders.contracts.ts.
 * See docs/notifications.md.
 */
import { router } from '../../http/openapi.js';
import * as contracts from './notifications.contracts.js';
import * as responderContracts from './responders.contracts.js';
import type { NotificationsService } from './notifications.service.js';
import type { RespondersService } from './responders.service.js';

/** Routes that need a session. */
export function notificationsRoutes(n: NotificationsService, responders: RespondersService) {
  return (
    router()
      .openapi(contracts.channels, async (c) => c.json(await n.channels(), 200))
      .openapi(contracts.myPreferences, async (c) => c.json(await n.myPreferences(c.get('user')), 200))
      .openapi(contracts.patchMyPreferences, async (c) =>
        c.json(await n.patchMyPreferences(c.get('user'), c.req.valid('json')), 200),
      )
      .openapi(contracts.resetMyPreferences, async (c) => c.json(await n.resetMyPreferences(c.get('user')), 200))
      .openapi(contracts.sendTest, async (c) =>
        c.json(await n.sendTest(c.get('user'), c.req.valid('json').channel), 202),
      )
      .openapi(contracts.roleDefaults, async (c) => c.json({ items: await n.roleDefaults(c.get('user')) }, 200))
      .openapi(contracts.setRoleDefaults, async (c) =>
        c.json(await n.setRoleDefaults(c.get('user'), c.req.valid('param').role, c.req.valid('json')), 200),
      )
      .openapi(contracts.listPushSubscriptions, async (c) =>
        c.json({ items: await n.listPushSubscriptions(c.get('user')) }, 200),
      )
      .openapi(contracts.addPushSubscription, async (c) =>
        c.json(await n.addPushSubscription(c.get('user'), c.req.valid('json')), 201),
      )
      .openapi(contracts.removePushSubscription, async (c) => {
        await n.removePushSubscription(c.get('user'), c.req.valid('param').id);
        return c.body(null, 204);
      })
      .openapi(contracts.listWebhooks, async (c) => c.json({ items: await n.listWebhooks(c.get('user')) }, 200))
      .openapi(contracts.addWebhook, async (c) => c.json(await n.addWebhook(c.get('user'), c.req.valid('json')), 201))
      .openapi(contracts.patchWebhook, async (c) =>
        c.json(await n.patchWebhook(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      .openapi(contracts.removeWebhook, async (c) => {
        await n.removeWebhook(c.get('user'), c.req.valid('param').id);
        return c.body(null, 204);
      })
      .openapi(contracts.alertNotifications, async (c) =>
        c.json({ items: await n.ofAlert(c.get('user'), c.req.valid('param').id) }, 200),
      )
      .openapi(contracts.responderCandidates, async (c) =>
        c.json({ items: await n.responderCandidates(c.get('user'), c.req.valid('param').id) }, 200),
      )
      .openapi(contracts.retryNotification, async (c) =>
        c.json(await n.retry(c.get('user'), c.req.valid('param').id), 200),
      )
      // ---- the responder, logged in ----
      .openapi(responderContracts.myDispatches, async (c) =>
        c.json({ items: await responders.mine(c.get('user')) }, 200),
      )
      .openapi(responderContracts.replyAsUser, async (c) =>
        c.json(await responders.replyAsUser(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      .openapi(responderContracts.stepAsUser, async (c) =>
        c.json(await responders.stepAsUser(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
      )
      // ---- family ----
      .openapi(contracts.familyStatus, async (c) =>
        c.json(await n.familyStatus(c.get('user'), c.req.valid('query').residentId), 200),
      )
  );
}

/** Public routes: the signed single-use reply link (the token is the authentication). */
export function respondRoutes(responders: RespondersService) {
  return router()
    .openapi(responderContracts.dispatchByToken, async (c) =>
      c.json(await responders.byToken(c.req.valid('param').token), 200),
    )
    .openapi(responderContracts.replyByToken, async (c) =>
      c.json(await responders.replyByToken(c.req.valid('param').token, c.req.valid('json')), 200),
    )
    .openapi(responderContracts.stepByToken, async (c) =>
      c.json(await responders.stepByToken(c.req.valid('param').token, c.req.valid('json')), 200),
    );
}
