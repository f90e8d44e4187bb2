/**
 * Every router of the API, by module, in the order the hub mounts them under /api: the public ones,
 * then those behind the session. The one list of them: `createModules` (modules/index.ts) gives each
 * key the routers its module built and the hub mounts them (http/app.ts); the OpenAPI document
 * builder (tools/openapi-document.ts) builds each router from its contracts alone. A module's routes
 * are in the API and its document once they are here, and the compiler asks the hub for them.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono';
import type { AppEnv } from '../http/types.js';
import { router } from '../http/openapi.js';
import { authRoutes } from './auth/auth.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { usersRoutes } from './users/users.routes.js';
import { institutionsRoutes } from './institutions/institutions.routes.js';
import { residentsRoutes } from './residents/residents.routes.js';
import { regionsRoutes } from './regions/regions.routes.js';
import { assessmentsRoutes } from './assessments/assessments.routes.js';
import { indicatorsRoutes, inspectionsRoutes, oversightRoutes } from './oversight/oversight.routes.js';
import { subsidiesRoutes } from './subsidies/subsidies.routes.js';
import { leftBehindRoutes } from './left-behind/left-behind.routes.js';
import { waitingListRoutes } from './waiting-list/waiting-list.routes.js';
import { devicesRoutes } from './devices/devices.routes.js';
import { readingsRoutes } from './readings/readings.routes.js';
import { alertsRoutes } from './alerts/alerts.routes.js';
import { slaRoutes } from './alerts/sla.routes.js';
import { actionPlansRoutes } from './alerts/action-plans.routes.js';
import { historyRoutes } from './history/history.routes.js';
import { handoverRoutes } from './handover/handover.routes.js';
import { timebankRoutes } from './timebank/timebank.routes.js';
import { requestsRoutes } from './timebank/requests.routes.js';
import { visitsRoutes } from './visits/visits.routes.js';
import { mealsRoutes } from './meals/meals.routes.js';
import { runsRoutes } from './meals/runs.routes.js';
import { dc09Routes } from './dc09/dc09.routes.js';
import { notificationsRoutes, respondRoutes } from './notifications/notifications.routes.js';

/** The routers under /api: for each key, the functions that make its module's routers, in mount order. */
export const apiRouters = {
  public: {
    auth: [authRoutes],
    respond: [respondRoutes],
  },
  private: {
    residents: [residentsRoutes],
    regions: [regionsRoutes],
    assessments: [assessmentsRoutes],
    oversight: [oversightRoutes, inspectionsRoutes, indicatorsRoutes],
    subsidies: [subsidiesRoutes],
    leftBehind: [leftBehindRoutes],
    waitingList: [waitingListRoutes],
    institutions: [institutionsRoutes],
    devices: [devicesRoutes],
    readings: [readingsRoutes],
    alerts: [alertsRoutes, slaRoutes],
    history: [historyRoutes],
    handover: [handoverRoutes],
    actionPlans: [actionPlansRoutes],
    timebank: [timebankRoutes, requestsRoutes],
    visits: [visitsRoutes],
    meals: [mealsRoutes, runsRoutes],
    users: [usersRoutes],
    audit: [auditRoutes],
    dc09: [dc09Routes],
    notifications: [notificationsRoutes],
  },
} as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any router of the API, whatever its services
type RouterFactory = (...services: any[]) => OpenAPIHono<AppEnv, Schema, '/'>;
export type RouterFactories = Readonly<Record<string, readonly RouterFactory[]>>;

/** For each key, the routers its module built (from the key's functions). */
export type BuiltRouters<T extends RouterFactories> = {
  readonly [K in keyof T]: readonly ReturnType<T[K][number]>[];
};

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type SchemaOf<R> = R extends OpenAPIHono<AppEnv, infer S, '/'> ? S : never;
type SchemaOfAll<T extends RouterFactories> =
  UnionToIntersection<SchemaOf<ReturnType<T[keyof T][number]>>> extends infer S extends Schema ? S : never;
/** The routes of all the routers of a list, as one router's type. */
export type ApiOf<T extends RouterFactories> = OpenAPIHono<AppEnv, SchemaOfAll<T>, '/'>;
export type PublicApi = ApiOf<typeof apiRouters.public>;
export type PrivateApi = ApiOf<typeof apiRouters.private>;

/** One router holding the routers built for a list, mounted in the list's order. */
function mount<T extends RouterFactories>(list: T, built: BuiltRouters<T>): ApiOf<T> {
  const api = router();
  for (const key of Object.keys(list) as (keyof T)[]) for (const r of built[key]) api.route('/', r);
  // Mounting in a loop keeps the list single; the type is what chaining `.route()` over it gives.
  return api as unknown as ApiOf<T>;
}

/** The public API and the API behind the session, from the routers built for every key of the list. */
export function mountApi(built: {
  public: BuiltRouters<typeof apiRouters.public>;
  private: BuiltRouters<typeof apiRouters.private>;
}): { publicApi: PublicApi; privateApi: PrivateApi } {
  return { publicApi: mount(apiRouters.public, built.public), privateApi: mount(apiRouters.private, built.private) };
}
