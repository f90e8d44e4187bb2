/**
 * The hub's OpenAPI document built without a hub: every router the hub mounts under /api, in the
 * same order (public, then behind the session), made from its route contracts alone. The routers'
 * services are never called while the document is built (handlers run only on a request), so each
 * is a reference that refuses use. `test/integration/openapi-document.test.ts` shows the result is
 * the document a running hub serves at /api/openapi.json; the dashboard's API types
 * (`npm run api:types`) are generated from it.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/types.js';
import { apiDocumentConfig, declareCommonResponses, registerSecuritySchemes } from '../http/openapi.js';
import { authRoutes } from '../modules/auth/auth.routes.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { usersRoutes } from '../modules/users/users.routes.js';
import { institutionsRoutes } from '../modules/institutions/institutions.routes.js';
import { residentsRoutes } from '../modules/residents/residents.routes.js';
import { regionsRoutes } from '../modules/regions/regions.routes.js';
import { assessmentsRoutes } from '../modules/assessments/assessments.routes.js';
import { indicatorsRoutes, inspectionsRoutes, oversightRoutes } from '../modules/oversight/oversight.routes.js';
import { subsidiesRoutes } from '../modules/subsidies/subsidies.routes.js';
import { leftBehindRoutes } from '../modules/left-behind/left-behind.routes.js';
import { waitingListRoutes } from '../modules/waiting-list/waiting-list.routes.js';
import { devicesRoutes } from '../modules/devices/devices.routes.js';
import { readingsRoutes } from '../modules/readings/readings.routes.js';
import { alertsRoutes } from '../modules/alerts/alerts.routes.js';
import { slaRoutes } from '../modules/alerts/sla.routes.js';
import { actionPlansRoutes } from '../modules/alerts/action-plans.routes.js';
import { historyRoutes } from '../modules/history/history.routes.js';
import { handoverRoutes } from '../modules/handover/handover.routes.js';
import { timebankRoutes } from '../modules/timebank/timebank.routes.js';
import { requestsRoutes } from '../modules/timebank/requests.routes.js';
import { visitsRoutes } from '../modules/visits/visits.routes.js';
import { mealsRoutes } from '../modules/meals/meals.routes.js';
import { runsRoutes } from '../modules/meals/runs.routes.js';
import { dc09Routes } from '../modules/dc09/dc09.routes.js';
import { notificationsRoutes, respondRoutes } from '../modules/notifications/notifications.routes.js';

/** A service argument for a router that only describes itself: any use is a programming error. */
function notServing<T>(name: string): T {
  return new Proxy(
    {},
    {
      get(_target, key) {
        throw new Error(`${name}.${String(key)}: the document builder serves no requests`);
      },
    },
  ) as T;
}
const no = notServing;

/** The routers under /api, public first, as `startHub` mounts them. */
function apiRouters(): { publicApi: OpenAPIHono<AppEnv>[]; privateApi: OpenAPIHono<AppEnv>[] } {
  return {
    publicApi: [authRoutes(no('auth'), no('authOptions')), respondRoutes(no('responders'))],
    privateApi: [
      residentsRoutes(no('residents')),
      regionsRoutes(no('regions')),
      assessmentsRoutes(no('assessments')),
      oversightRoutes(no('oversight')),
      inspectionsRoutes(no('inspections')),
      indicatorsRoutes(no('indicators'), no('oversight'), no('districtName')),
      subsidiesRoutes(no('subsidies')),
      leftBehindRoutes(no('leftBehind')),
      waitingListRoutes(no('waitingList')),
      institutionsRoutes(no('institutions'), no('board'), no('shifts')),
      devicesRoutes(no('devices')),
      readingsRoutes(no('readings'), no('ingest')),
      alertsRoutes(no('alerts'), no('incidents')),
      slaRoutes(no('sla'), no('slaTargets')),
      historyRoutes(no('history')),
      handoverRoutes(no('handover')),
      actionPlansRoutes(no('actionPlans')),
      timebankRoutes(no('members'), no('ledger'), no('timeZone')),
      requestsRoutes(no('requests'), no('members')),
      visitsRoutes(no('visits')),
      mealsRoutes(no('meals'), no('orders')),
      runsRoutes(no('runs')),
      usersRoutes(no('users')),
      auditRoutes(no('audit')),
      dc09Routes(no('dc09Accounts')),
      notificationsRoutes(no('notifications'), no('responders')),
    ],
  };
}

/** The OpenAPI 3.1 document of the hub's API, as served at /api/openapi.json. */
export function apiDocument(): ReturnType<OpenAPIHono['getOpenAPI31Document']> {
  const app = new OpenAPIHono<AppEnv>();
  registerSecuritySchemes(app.openAPIRegistry);
  const { publicApi, privateApi } = apiRouters();
  for (const r of [...publicApi, ...privateApi]) app.route('/api', r);
  declareCommonResponses(app.openAPIRegistry);
  return app.getOpenAPI31Document(apiDocumentConfig);
}
