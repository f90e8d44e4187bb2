/**
 * The calls the screens make, by name. Paths, parameters, bodies and answers are the hub's own,
 * typed from its OpenAPI document (api-schema.d.ts): a route renamed or a field changed in the hub
 * fails `npm run check` here or at the screen that uses it.
 */
import type { VitalsResponse } from '@eldercare/shared';
import { client, init, queryString, send, type RequestOptions } from './api';
import type { paths } from './api-schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
/** The query parameters of an operation in the hub's document. */
export type QueryOf<P extends keyof paths, M extends Method = 'get'> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
/** The JSON body of an operation in the hub's document. */
export type BodyOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export interface ListResponse<T> {
  items: T[];
  total?: number;
}
export type VitalsRange = VitalsResponse['range'];
export type ResidentQuery = QueryOf<'/api/residents'>;

const id = (value: string) => ({ path: { id: value } });
const noRedirect = { authRedirect: false } as const;

export const auth = {
  login: (email: string, password: string) =>
    send(client.POST('/api/auth/login', { body: { email, password } }), noRedirect),
  logout: () => send(client.POST('/api/auth/logout'), noRedirect),
  me: () => send(client.GET('/api/auth/me'), noRedirect),
  /** The start-up probe: the signed-in user or null (200 either way, so no failed request is logged). */
  session: () => send(client.GET('/api/auth/session'), noRedirect),
};

export const users = {
  /** The district's users: whole for admins, id, email, name and role for coordinators. */
  list: (opts?: RequestOptions) => send(client.GET('/api/users', init(opts)), opts),
  /** Admins: whole accounts, disabled ones with `includeDisabled`. */
  accounts: (includeDisabled: boolean, opts?: RequestOptions) =>
    send(
      client.GET('/api/users', {
        params: { query: { includeDisabled: includeDisabled ? 'true' : undefined } },
        ...init(opts),
      }),
      opts,
    ),
  create: (body: BodyOf<'/api/users', 'post'>) => send(client.POST('/api/users', { body })),
  update: (userId: string, body: BodyOf<'/api/users/{id}', 'patch'>) =>
    send(client.PATCH('/api/users/{id}', { params: id(userId), body })),
};

export const audit = {
  list: (query: QueryOf<'/api/audit'>, opts?: RequestOptions) =>
    send(client.GET('/api/audit', { params: { query }, ...init(opts) }), opts),
  csvUrl: (query: QueryOf<'/api/audit.csv'>) =>
    `/api/audit.csv${queryString({ ...(query as Record<string, string | number>), limit: undefined, offset: undefined })}`,
};

const retired = (includeRetired: boolean) => ({ includeRetired: includeRetired ? ('true' as const) : undefined });

export const institutions = {
  list: (opts?: RequestOptions, includeRetired = false) =>
    send(client.GET('/api/institutions', { params: { query: retired(includeRetired) }, ...init(opts) }), opts),
  get: (institutionId: string, includeRetired = false) =>
    send(client.GET('/api/institutions/{id}', { params: { ...id(institutionId), query: retired(includeRetired) } })),
  update: (institutionId: string, body: BodyOf<'/api/institutions/{id}', 'patch'>) =>
    send(client.PATCH('/api/institutions/{id}', { params: id(institutionId), body })),
  addRoom: (institutionId: string, body: BodyOf<'/api/institutions/{id}/rooms', 'post'>) =>
    send(client.POST('/api/institutions/{id}/rooms', { params: id(institutionId), body })),
  updateRoom: (institutionId: string, roomId: string, body: BodyOf<'/api/institutions/{id}/rooms/{roomId}', 'patch'>) =>
    send(
      client.PATCH('/api/institutions/{id}/rooms/{roomId}', { params: { path: { id: institutionId, roomId } }, body }),
    ),
  addBeds: (
    institutionId: string,
    roomId: string,
    body: BodyOf<'/api/institutions/{id}/rooms/{roomId}/beds', 'post'>,
  ) =>
    send(
      client.POST('/api/institutions/{id}/rooms/{roomId}/beds', {
        params: { path: { id: institutionId, roomId } },
        body,
      }),
    ),
  updateBed: (
    institutionId: string,
    roomId: string,
    bedId: string,
    body: BodyOf<'/api/institutions/{id}/rooms/{roomId}/beds/{bedId}', 'patch'>,
  ) =>
    send(
      client.PATCH('/api/institutions/{id}/rooms/{roomId}/beds/{bedId}', {
        params: { path: { id: institutionId, roomId, bedId } },
        body,
      }),
    ),
  create: (body: BodyOf<'/api/institutions', 'post'>) => send(client.POST('/api/institutions', { body })),
  board: (institutionId: string, opts?: RequestOptions) =>
    send(client.GET('/api/institutions/{id}/board', { params: id(institutionId), ...init(opts) }), opts),
  /** Start a shift: your own, or (admin, coordinator, supervisor) a staff member's. */
  startShift: (institutionId: string, userId?: string) =>
    send(
      client.POST('/api/institutions/{id}/shifts/start', { params: id(institutionId), body: userId ? { userId } : {} }),
    ),
  endMyShift: (institutionId: string) =>
    send(client.POST('/api/institutions/{id}/shifts/end', { params: id(institutionId) })),
  endShift: (institutionId: string, shiftId: string) =>
    send(
      client.POST('/api/institutions/{id}/shifts/{shiftId}/end', { params: { path: { id: institutionId, shiftId } } }),
    ),
};

export const residents = {
  list: (query: ResidentQuery = {}, opts?: RequestOptions) =>
    send(client.GET('/api/residents', { params: { query }, ...init(opts) }), opts),
  get: (residentId: string) => send(client.GET('/api/residents/{id}', { params: id(residentId) })),
  create: (body: BodyOf<'/api/residents', 'post'>) => send(client.POST('/api/residents', { body })),
  update: (residentId: string, body: BodyOf<'/api/residents/{id}', 'patch'>) =>
    send(client.PATCH('/api/residents/{id}', { params: id(residentId), body })),
  vitals: (residentId: string, range: VitalsRange, opts?: RequestOptions) =>
    send(
      client.GET('/api/residents/{id}/vitals', { params: { ...id(residentId), query: { range } }, ...init(opts) }),
      opts,
    ),
};

type DeviceQuery = Omit<QueryOf<'/api/devices'>, 'limit' | 'cursor'>;

export const devices = {
  /** One page (id order); `nextCursor` asks for the next. */
  list: (query: QueryOf<'/api/devices'> = {}, opts?: RequestOptions) =>
    send(client.GET('/api/devices', { params: { query }, ...init(opts) }), opts),
  /** Every matching device, page after page (the device screen sorts the whole fleet for attention). */
  all: async (query: DeviceQuery = {}, opts?: RequestOptions) => {
    const out = [];
    let cursor: string | undefined;
    do {
      const page = await devices.list({ ...query, limit: 1000, ...(cursor ? { cursor } : {}) }, opts);
      out.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  },
  /** The fleet in numbers, counted by the hub. */
  summary: (opts?: RequestOptions) => send(client.GET('/api/devices/summary', init(opts)), opts),
  get: (deviceId: string, opts?: RequestOptions) =>
    send(client.GET('/api/devices/{id}', { params: id(deviceId), ...init(opts) }), opts),
  create: (body: BodyOf<'/api/devices', 'post'>) => send(client.POST('/api/devices', { body })),
  update: (deviceId: string, body: BodyOf<'/api/devices/{id}', 'patch'>) =>
    send(client.PATCH('/api/devices/{id}', { params: id(deviceId), body })),
};

export const deadLetters = {
  list: (query: QueryOf<'/api/dead-letters'>, opts?: RequestOptions) =>
    send(client.GET('/api/dead-letters', { params: { query }, ...init(opts) }), opts),
};

export const dc09 = {
  list: (opts?: RequestOptions) => send(client.GET('/api/dc09/accounts', init(opts)), opts),
  create: (body: BodyOf<'/api/dc09/accounts', 'post'>) => send(client.POST('/api/dc09/accounts', { body })),
  update: (accountId: string, body: BodyOf<'/api/dc09/accounts/{id}', 'patch'>) =>
    send(client.PATCH('/api/dc09/accounts/{id}', { params: id(accountId), body })),
  remove: (accountId: string) => send(client.DELETE('/api/dc09/accounts/{id}', { params: id(accountId) })),
  profiles: (opts?: RequestOptions) => send(client.GET('/api/dc09/profiles', init(opts)), opts),
};

export type AlertQueue = NonNullable<QueryOf<'/api/alerts'>['queue']>;

export const alerts = {
  list: (query: QueryOf<'/api/alerts'> = {}, opts?: RequestOptions) =>
    send(client.GET('/api/alerts', { params: { query }, ...init(opts) }), opts),
  get: (alertId: string, opts?: RequestOptions) =>
    send(client.GET('/api/alerts/{id}', { params: id(alertId), ...init(opts) }), opts),
  claim: (alertId: string) => send(client.POST('/api/alerts/{id}/claim', { params: id(alertId) })),
  act: (alertId: string, body: BodyOf<'/api/alerts/{id}/actions', 'post'>) =>
    send(client.POST('/api/alerts/{id}/actions', { params: id(alertId), body })),
  responderCandidates: (alertId: string, opts?: RequestOptions) =>
    send(client.GET('/api/alerts/{id}/responder-candidates', { params: id(alertId), ...init(opts) }), opts),
  /** A phone call recorded as an incident (held by the call taker). */
  phoneIn: (body: BodyOf<'/api/alerts/phone-in', 'post'>) => send(client.POST('/api/alerts/phone-in', { body })),
  /** Ticks a step of the incident's checklist. */
  tick: (alertId: string, body: BodyOf<'/api/alerts/{id}/checklist', 'post'>) =>
    send(client.POST('/api/alerts/{id}/checklist', { params: id(alertId), body })),
};

type PlanKind = NonNullable<paths['/api/dispatch-settings/plans/{kind}']['put']>['parameters']['path']['kind'];

/** Action plans per alarm kind and the map link template (coordinators edit). */
export const dispatchSettings = {
  get: (opts?: RequestOptions) => send(client.GET('/api/dispatch-settings', init(opts)), opts),
  setPlan: (kind: PlanKind, body: BodyOf<'/api/dispatch-settings/plans/{kind}', 'put'>) =>
    send(client.PUT('/api/dispatch-settings/plans/{kind}', { params: { path: { kind } }, body })),
  resetPlan: (kind: PlanKind) =>
    send(client.DELETE('/api/dispatch-settings/plans/{kind}', { params: { path: { kind } } })),
  setMapUrl: (mapUrlTemplate: string) =>
    send(client.PUT('/api/dispatch-settings/map-url', { body: { mapUrlTemplate } })),
};

export const reports = {
  sla: (query: QueryOf<'/api/reports/sla'> = {}, opts?: RequestOptions) =>
    send(client.GET('/api/reports/sla', { params: { query }, ...init(opts) }), opts),
  incidentsPerDay: (days = 30, opts?: RequestOptions) =>
    send(client.GET('/api/reports/incidents-per-day', { params: { query: { days } }, ...init(opts) }), opts),
};

export const timebank = {
  programs: (opts?: RequestOptions) => send(client.GET('/api/timebank/programs', init(opts)), opts),
  me: (opts?: RequestOptions) => send(client.GET('/api/timebank/me', init(opts)), opts),
  volunteers: (programId?: string, opts?: RequestOptions) =>
    send(client.GET('/api/timebank/volunteers', { params: { query: { programId } }, ...init(opts) }), opts),
  accounts: (query: QueryOf<'/api/timebank/accounts'> = {}, opts?: RequestOptions) =>
    send(client.GET('/api/timebank/accounts', { params: { query }, ...init(opts) }), opts),
  transfers: (query: QueryOf<'/api/timebank/transfers'> = {}, opts?: RequestOptions) =>
    send(client.GET('/api/timebank/transfers', { params: { query }, ...init(opts) }), opts),
  reverse: (transferId: string, reason: string, idempotencyKey: string) =>
    send(
      client.POST('/api/timebank/transfers/{id}/reverse', {
        params: id(transferId),
        body: { reason, idempotencyKey },
      }),
    ),
  gift: (body: BodyOf<'/api/timebank/gifts', 'post'>) => send(client.POST('/api/timebank/gifts', { body })),
  redeem: (body: BodyOf<'/api/timebank/redemptions', 'post'>) =>
    send(client.POST('/api/timebank/redemptions', { body })),
  donate: (body: BodyOf<'/api/timebank/donations', 'post'>) => send(client.POST('/api/timebank/donations', { body })),
  transfer: (transferId: string, opts?: RequestOptions) =>
    send(client.GET('/api/timebank/transfers/{id}', { params: id(transferId), ...init(opts) }), opts),
  createProgram: (body: BodyOf<'/api/timebank/programs', 'post'>) =>
    send(client.POST('/api/timebank/programs', { body })),
  updateProgram: (programId: string, body: BodyOf<'/api/timebank/programs/{id}', 'patch'>) =>
    send(client.PATCH('/api/timebank/programs/{id}', { params: id(programId), body })),
  registerVolunteer: (body: BodyOf<'/api/timebank/volunteers', 'post'>) =>
    send(client.POST('/api/timebank/volunteers', { body })),
  organisations: (programId?: string, opts?: RequestOptions) =>
    send(client.GET('/api/timebank/organisations', { params: { query: { programId } }, ...init(opts) }), opts),
  createOrganisation: (body: BodyOf<'/api/timebank/organisations', 'post'>) =>
    send(client.POST('/api/timebank/organisations', { body })),
  openAccount: (body: BodyOf<'/api/timebank/accounts', 'post'>) =>
    send(client.POST('/api/timebank/accounts', { body })),
  totals: (programId: string, opts?: RequestOptions) =>
    send(client.GET('/api/timebank/programs/{id}/totals', { params: id(programId), ...init(opts) }), opts),
  reconcile: (programId: string) =>
    send(client.GET('/api/timebank/programs/{id}/reconciliation', { params: id(programId) })),
  statement: (accountId: string, query: QueryOf<'/api/timebank/accounts/{id}/statement'> = {}, opts?: RequestOptions) =>
    send(
      client.GET('/api/timebank/accounts/{id}/statement', { params: { ...id(accountId), query }, ...init(opts) }),
      opts,
    ),
  statementCsvUrl: (accountId: string, query: QueryOf<'/api/timebank/accounts/{id}/statement.csv'> = {}) =>
    `/api/timebank/accounts/${encodeURIComponent(accountId)}/statement.csv${queryString(query)}`,
  /** Whom this account may give hours to under its program's policy, by name or account number. */
  giftRecipients: (
    accountId: string,
    query: QueryOf<'/api/timebank/accounts/{id}/gift-recipients'> = {},
    opts?: RequestOptions,
  ) =>
    send(
      client.GET('/api/timebank/accounts/{id}/gift-recipients', {
        params: { ...id(accountId), query },
        ...init(opts),
      }),
      opts,
    ),
};

/** The volunteer's own steps of a request (each has its own route). */
export type RequestStep = 'accept' | 'decline' | 'check-in' | 'check-out';

export const serviceRequests = {
  list: (query: QueryOf<'/api/service-requests'> = {}, opts?: RequestOptions) =>
    send(client.GET('/api/service-requests', { params: { query }, ...init(opts) }), opts),
  create: (body: BodyOf<'/api/service-requests', 'post'>) => send(client.POST('/api/service-requests', { body })),
  dispatch: (requestId: string, body: BodyOf<'/api/service-requests/{id}/dispatch', 'post'>) =>
    send(client.POST('/api/service-requests/{id}/dispatch', { params: id(requestId), body })),
  step: (requestId: string, step: RequestStep) => {
    const params = id(requestId);
    switch (step) {
      case 'accept':
        return send(client.POST('/api/service-requests/{id}/accept', { params }));
      case 'decline':
        return send(client.POST('/api/service-requests/{id}/decline', { params }));
      case 'check-in':
        return send(client.POST('/api/service-requests/{id}/check-in', { params }));
      case 'check-out':
        return send(client.POST('/api/service-requests/{id}/check-out', { params }));
    }
  },
  confirm: (requestId: string, body: BodyOf<'/api/service-requests/{id}/confirm', 'post'>) =>
    send(client.POST('/api/service-requests/{id}/confirm', { params: id(requestId), body })),
  dispute: (requestId: string, reason: string) =>
    send(client.POST('/api/service-requests/{id}/dispute', { params: id(requestId), body: { reason } })),
  resolve: (requestId: string, body: BodyOf<'/api/service-requests/{id}/resolve', 'post'>) =>
    send(client.POST('/api/service-requests/{id}/resolve', { params: id(requestId), body })),
  cancel: (requestId: string, reason: string) =>
    send(client.POST('/api/service-requests/{id}/cancel', { params: id(requestId), body: { reason } })),
};

export const visits = {
  plans: (query: QueryOf<'/api/visits/plans'> = {}, opts?: RequestOptions) =>
    send(client.GET('/api/visits/plans', { params: { query }, ...init(opts) }), opts),
  updatePlan: (residentId: string, body: BodyOf<'/api/visits/plans/{residentId}', 'patch'>) =>
    send(client.PATCH('/api/visits/plans/{residentId}', { params: { path: { residentId } }, body })),
  log: (query: QueryOf<'/api/visits'> = {}, opts?: RequestOptions) =>
    send(client.GET('/api/visits', { params: { query }, ...init(opts) }), opts),
  record: (body: BodyOf<'/api/visits', 'post'>) => send(client.POST('/api/visits', { body })),
  settings: (opts?: RequestOptions) => send(client.GET('/api/visits/settings', init(opts)), opts),
  saveSettings: (body: BodyOf<'/api/visits/settings', 'put'>) => send(client.PUT('/api/visits/settings', { body })),
  report: (month?: string, opts?: RequestOptions) =>
    send(client.GET('/api/visits/report', { params: { query: { month } }, ...init(opts) }), opts),
};

export const meals = {
  kitchens: (opts?: RequestOptions, includeRetired = false) =>
    send(client.GET('/api/meals/kitchens', { params: { query: retired(includeRetired) }, ...init(opts) }), opts),
  createKitchen: (body: BodyOf<'/api/meals/kitchens', 'post'>) => send(client.POST('/api/meals/kitchens', { body })),
  updateKitchen: (kitchenId: string, body: BodyOf<'/api/meals/kitchens/{id}', 'patch'>) =>
    send(client.PATCH('/api/meals/kitchens/{id}', { params: id(kitchenId), body })),
  menus: (query: QueryOf<'/api/meals/menus'>, opts?: RequestOptions) =>
    send(client.GET('/api/meals/menus', { params: { query }, ...init(opts) }), opts),
  setMenu: (
    kitchenId: string,
    date: string,
    meal: NonNullable<paths['/api/meals/kitchens/{id}/menus/{date}/{meal}']['put']>['parameters']['path']['meal'],
    body: BodyOf<'/api/meals/kitchens/{id}/menus/{date}/{meal}', 'put'>,
  ) =>
    send(
      client.PUT('/api/meals/kitchens/{id}/menus/{date}/{meal}', {
        params: { path: { id: kitchenId, date, meal } },
        body,
      }),
    ),
  runners: (opts?: RequestOptions) => send(client.GET('/api/meals/runners', init(opts)), opts),
  routes: (opts?: RequestOptions) => send(client.GET('/api/meals/routes', init(opts)), opts),
  createRoute: (body: BodyOf<'/api/meals/routes', 'post'>) => send(client.POST('/api/meals/routes', { body })),
  updateRoute: (routeId: string, body: BodyOf<'/api/meals/routes/{id}', 'patch'>) =>
    send(client.PATCH('/api/meals/routes/{id}', { params: id(routeId), body })),
  reorderStops: (routeId: string, residentIds: string[]) =>
    send(client.PUT('/api/meals/routes/{id}/stops', { params: id(routeId), body: { residentIds } })),
  plans: (query: QueryOf<'/api/meals/plans'> = {}, opts?: RequestOptions) =>
    send(client.GET('/api/meals/plans', { params: { query }, ...init(opts) }), opts),
  createPlan: (body: BodyOf<'/api/meals/plans', 'post'>) => send(client.POST('/api/meals/plans', { body })),
  updatePlan: (planId: string, body: BodyOf<'/api/meals/plans/{id}', 'patch'>) =>
    send(client.PATCH('/api/meals/plans/{id}', { params: id(planId), body })),
  pause: (planId: string, body: BodyOf<'/api/meals/plans/{id}/pause', 'post'>) =>
    send(client.POST('/api/meals/plans/{id}/pause', { params: id(planId), body })),
  resume: (planId: string) => send(client.DELETE('/api/meals/plans/{id}/pause', { params: id(planId) })),
  generate: (date: string) => send(client.POST('/api/meals/orders/generate', { body: { date } })),
  orders: (query: QueryOf<'/api/meals/orders'> = {}, opts?: RequestOptions) =>
    send(client.GET('/api/meals/orders', { params: { query }, ...init(opts) }), opts),
  production: (date: string, opts?: RequestOptions) =>
    send(client.GET('/api/meals/production', { params: { query: { date } }, ...init(opts) }), opts),
  runs: (date?: string, opts?: RequestOptions) =>
    send(client.GET('/api/meals/runs', { params: { query: { date } }, ...init(opts) }), opts),
  run: (runId: string, opts?: RequestOptions) =>
    send(client.GET('/api/meals/runs/{id}', { params: id(runId), ...init(opts) }), opts),
  assignRun: (runId: string, runnerUserId: string | null) =>
    send(client.POST('/api/meals/runs/{id}/assign', { params: id(runId), body: { runnerUserId } })),
  startRun: (runId: string) => send(client.POST('/api/meals/runs/{id}/start', { params: id(runId) })),
  completeRun: (runId: string) => send(client.POST('/api/meals/runs/{id}/complete', { params: id(runId) })),
  outcome: (orderId: string, body: BodyOf<'/api/meals/orders/{id}/outcome', 'post'>) =>
    send(client.POST('/api/meals/orders/{id}/outcome', { params: id(orderId), body })),
  pickup: (body: BodyOf<'/api/meals/pickups', 'post'>) => send(client.POST('/api/meals/pickups', { body })),
  report: (query: QueryOf<'/api/meals/reports'>, opts?: RequestOptions) =>
    send(client.GET('/api/meals/reports', { params: { query }, ...init(opts) }), opts),
  reportCsvUrl: (query: QueryOf<'/api/meals/reports.csv'>) => `/api/meals/reports.csv${queryString(query)}`,
};

type RoleParam = NonNullable<paths['/api/notifications/role-defaults/{role}']['put']>['parameters']['path']['role'];

/** Notification channels, personal settings, role defaults, push subscriptions (docs/notifications.md). */
export const notifications = {
  channels: (opts?: RequestOptions) => send(client.GET('/api/notifications/channels', init(opts)), opts),
  preferences: (opts?: RequestOptions) => send(client.GET('/api/notifications/preferences', init(opts)), opts),
  savePreferences: (body: BodyOf<'/api/notifications/preferences', 'patch'>) =>
    send(client.PATCH('/api/notifications/preferences', { body })),
  /** Back to the role's defaults (drops the person's own choices). */
  resetPreferences: () => send(client.DELETE('/api/notifications/preferences')),
  /** Sends me a test message by one of my channels. */
  test: (channel: BodyOf<'/api/notifications/test', 'post'>['channel']) =>
    send(client.POST('/api/notifications/test', { body: { channel } })),
  roleDefaults: (opts?: RequestOptions) => send(client.GET('/api/notifications/role-defaults', init(opts)), opts),
  saveRoleDefaults: (role: RoleParam, body: BodyOf<'/api/notifications/role-defaults/{role}', 'put'>) =>
    send(client.PUT('/api/notifications/role-defaults/{role}', { params: { path: { role } }, body })),
  subscriptions: (opts?: RequestOptions) => send(client.GET('/api/notifications/push-subscriptions', init(opts)), opts),
  subscribe: (body: BodyOf<'/api/notifications/push-subscriptions', 'post'>) =>
    send(client.POST('/api/notifications/push-subscriptions', { body })),
  unsubscribe: (subscriptionId: string) =>
    send(client.DELETE('/api/notifications/push-subscriptions/{id}', { params: id(subscriptionId) })),
  /** Every message of an incident, oldest first (dispatch roles). */
  forAlert: (alertId: string, opts?: RequestOptions) =>
    send(client.GET('/api/alerts/{id}/notifications', { params: id(alertId), ...init(opts) }), opts),
  /** Tries a failed or given-up message again, now (dispatch roles). */
  retry: (notificationId: string) => send(client.POST('/api/notifications/{id}/retry', { params: id(notificationId) })),
};

/** The responder's own dispatches and answers. */
export const responder = {
  dispatches: (opts?: RequestOptions) => send(client.GET('/api/responder/dispatches', init(opts)), opts),
  reply: (offerId: string, body: BodyOf<'/api/responder/dispatches/{id}/reply', 'post'>) =>
    send(client.POST('/api/responder/dispatches/{id}/reply', { params: id(offerId), body })),
  step: (offerId: string, body: BodyOf<'/api/responder/dispatches/{id}/step', 'post'>) =>
    send(client.POST('/api/responder/dispatches/{id}/step', { params: id(offerId), body })),
};

/** The signed reply link of a dispatch (`/respond#t=<token>`): no login, the token is the authentication. */
export const respondLink = {
  get: (token: string, opts?: RequestOptions) =>
    send(client.GET('/api/respond/{token}', { params: { path: { token } }, ...init(opts) }), {
      ...opts,
      ...noRedirect,
    }),
  reply: (token: string, body: BodyOf<'/api/respond/{token}', 'post'>) =>
    send(client.POST('/api/respond/{token}', { params: { path: { token } }, body }), noRedirect),
  step: (token: string, body: BodyOf<'/api/respond/{token}/step', 'post'>) =>
    send(client.POST('/api/respond/{token}/step', { params: { path: { token } }, body }), noRedirect),
};

/** The family page: the elder's current state. */
export const family = {
  status: (opts?: RequestOptions) => send(client.GET('/api/family/status', init(opts)), opts),
};

export const regions = {
  list: (query: QueryOf<'/api/regions'> = {}, opts?: RequestOptions) =>
    send(client.GET('/api/regions', { params: { query }, ...init(opts) }), opts),
  create: (body: BodyOf<'/api/regions', 'post'>) => send(client.POST('/api/regions', { body })),
  update: (regionId: string, body: BodyOf<'/api/regions/{id}', 'patch'>) =>
    send(client.PATCH('/api/regions/{id}', { params: id(regionId), body })),
  unlinked: (opts?: RequestOptions) => send(client.GET('/api/regions/unlinked-communities', init(opts)), opts),
  adopt: (townshipId: string, names?: string[]) =>
    send(
      client.POST('/api/regions/{id}/adopt-communities', {
        params: id(townshipId),
        body: names ? { names } : {},
      }),
    ),
};

export const assessments = {
  history: (residentId: string, opts?: RequestOptions) =>
    send(client.GET('/api/residents/{id}/assessments', { params: id(residentId), ...init(opts) }), opts),
  create: (residentId: string, body: BodyOf<'/api/residents/{id}/assessments', 'post'>) =>
    send(client.POST('/api/residents/{id}/assessments', { params: id(residentId), body })),
};

export const oversight = {
  institutions: (opts?: RequestOptions) => send(client.GET('/api/oversight/institutions', init(opts)), opts),
  indicators: (query: QueryOf<'/api/oversight/indicators'> = {}, opts?: RequestOptions) =>
    send(client.GET('/api/oversight/indicators', { params: { query }, ...init(opts) }), opts),
  reportXlsxUrl: (month?: string) => `/api/oversight/indicators/report.xlsx${queryString({ month })}`,
};

export const inspections = {
  list: (query: QueryOf<'/api/inspections'> = {}, opts?: RequestOptions) =>
    send(client.GET('/api/inspections', { params: { query }, ...init(opts) }), opts),
  create: (body: BodyOf<'/api/inspections', 'post'>) => send(client.POST('/api/inspections', { body })),
  update: (inspectionId: string, body: BodyOf<'/api/inspections/{id}', 'patch'>) =>
    send(client.PATCH('/api/inspections/{id}', { params: id(inspectionId), body })),
};

export const subsidies = {
  categories: (all = false, opts?: RequestOptions) =>
    send(
      client.GET('/api/subsidies/categories', {
        params: { query: { all: all ? ('true' as const) : undefined } },
        ...init(opts),
      }),
      opts,
    ),
  create: (body: BodyOf<'/api/subsidies/categories', 'post'>) =>
    send(client.POST('/api/subsidies/categories', { body })),
  update: (categoryId: string, body: BodyOf<'/api/subsidies/categories/{id}', 'patch'>) =>
    send(client.PATCH('/api/subsidies/categories/{id}', { params: id(categoryId), body })),
  recipients: (categoryId: string, month?: string, opts?: RequestOptions) =>
    send(
      client.GET('/api/subsidies/categories/{id}/recipients', {
        params: { ...id(categoryId), query: { month } },
        ...init(opts),
      }),
      opts,
    ),
  totals: (month?: string, opts?: RequestOptions) =>
    send(client.GET('/api/subsidies/totals', { params: { query: { month } }, ...init(opts) }), opts),
  entitlements: (residentId: string, opts?: RequestOptions) =>
    send(client.GET('/api/residents/{id}/entitlements', { params: id(residentId), ...init(opts) }), opts),
};

export const leftBehind = {
  list: (query: QueryOf<'/api/left-behind'> = {}, opts?: RequestOptions) =>
    send(client.GET('/api/left-behind', { params: { query }, ...init(opts) }), opts),
  register: (body: BodyOf<'/api/left-behind', 'post'>) => send(client.POST('/api/left-behind', { body })),
  update: (residentId: string, body: BodyOf<'/api/left-behind/{residentId}', 'patch'>) =>
    send(client.PATCH('/api/left-behind/{residentId}', { params: { path: { residentId } }, body })),
};

export const waitingList = {
  list: (query: QueryOf<'/api/waiting-list'> = {}, opts?: RequestOptions) =>
    send(client.GET('/api/waiting-list', { params: { query }, ...init(opts) }), opts),
  create: (body: BodyOf<'/api/waiting-list', 'post'>) => send(client.POST('/api/waiting-list', { body })),
  update: (applicationId: string, body: BodyOf<'/api/waiting-list/{id}', 'patch'>) =>
    send(client.PATCH('/api/waiting-list/{id}', { params: id(applicationId), body })),
  admit: (applicationId: string, body: BodyOf<'/api/waiting-list/{id}/admit', 'post'>) =>
    send(client.POST('/api/waiting-list/{id}/admit', { params: id(applicationId), body })),
  withdraw: (applicationId: string, reason: string) =>
    send(client.POST('/api/waiting-list/{id}/withdraw', { params: id(applicationId), body: { reason } })),
};
