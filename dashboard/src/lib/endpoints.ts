/** Typed calls to the hub's REST API, one function per endpoint. */
import type {
  AdmitBody,
  Application,
  ApplicationBody,
  ApplicationPatch,
  BenefitCategory,
  BenefitCategoryBody,
  BenefitCategoryPatch,
  LeftBehindBody,
  LeftBehindElder,
  LeftBehindList,
  LeftBehindPatch,
  ResidentEntitlements,
  SubsidyRecipients,
  SubsidyTotals,
  WaitingList,
  ResponderCandidate,
  Assessment,
  AssessmentBody,
  InstitutionOversight,
  Indicators,
  Inspection,
  InspectionBody,
  InspectionPatch,
  Region,
  RegionBody,
  RegionLevel,
  RegionPatch,
  Alert,
  AlertActionBody,
  AlertDetail,
  AlertKind,
  ActionPlan,
  ActionPlanBody,
  ChecklistTickBody,
  DispatchSettings,
  PhoneInBody,
  CreateDeviceBody,
  CreateDc09AccountBody,
  DeadLetterPage,
  UpdateDc09AccountBody,
  Dc09Account,
  CreateInstitutionBody,
  CreatedDevice,
  Device,
  DevicePage,
  FleetSummary,
  Institution,
  InstitutionBoard,
  StaffShift,
  IncidentsPerDay,
  LoginResponse,
  Resident,
  ResidentBody,
  SlaReport,
  User,
  UserSummary,
  VitalsResponse,
  Account,
  ConfirmBody,
  DispatchBody,
  GiftBody,
  GiftRecipient,
  MyTimebank,
  Program,
  ProgramTotals,
  Reconciliation,
  RedemptionBody,
  ResolveBody,
  ServiceRequest,
  ServiceRequestBody,
  Statement,
  Transfer,
  VisitBody,
  VisitPlan,
  VisitPlanPatch,
  VisitReport,
  Volunteer,
  AccountBody,
  DonationBody,
  Organisation,
  ProgramBody,
  ProgramPatch,
  VisitSettings,
  VolunteerBody,
  WelfareContact,
  DeliveryRoute,
  GenerateResult,
  Kitchen,
  KitchenBody,
  KitchenPatch,
  MealOrder,
  MealPlan,
  MealPlanBody,
  MealPlanPatch,
  MealReport,
  MealRun,
  MealRunDetail,
  OutcomeBody,
  PauseBody,
  PickupBody,
  ProductionSheet,
  RouteBody,
  Runner,
  Menu,
  MenuBody,
  ChannelsResponse,
  FamilyStatus,
  MyNotificationSettings,
  NotificationInfo,
  NotificationPreferencesPatch,
  PersonalChannel,
  PushSubscriptionBody,
  PushSubscriptionInfo,
  ResponderDispatch,
  ResponderStep,
  Role,
  RoleDefaults,
} from '@eldercare/shared';
import type {
  AddBedsBody,
  AddRoomBody,
  AuditPage,
  AuditQuery,
  UpdateBedBody,
  UpdateDeviceBody,
  UpdateInstitutionBody,
  UpdateRoomBody,
  UpdateUserBody,
  UserAccount,
  CreateUserBody,
} from '@eldercare/shared';
import { api, queryString, request, type RequestOptions } from './api';

export interface ListResponse<T> {
  items: T[];
  total?: number;
}
export type VitalsRange = VitalsResponse['range'];

export interface ResidentQuery {
  q?: string;
  risk?: string;
  community?: string;
  regionId?: string;
  institutionId?: string;
  limit?: number;
  offset?: number;
}

export const auth = {
  login: (email: string, password: string) =>
    api.post<LoginResponse>('/api/auth/login', { email, password }, { authRedirect: false }),
  logout: () => api.post<void>('/api/auth/logout', undefined, { authRedirect: false }),
  me: () => api.get<{ user: User }>('/api/auth/me', { authRedirect: false }),
  /** The start-up probe: the signed-in user or null (200 either way, so no failed request is logged). */
  session: () => api.get<{ user: User | null }>('/api/auth/session', { authRedirect: false }),
};

export const users = {
  /** The district's users: whole for admins, id, email, name and role for coordinators. */
  list: (opts?: RequestOptions) => api.get<{ items: UserSummary[] }>('/api/users', opts),
  /** Admins: whole accounts, disabled ones with `includeDisabled`. */
  accounts: (includeDisabled: boolean, opts?: RequestOptions) =>
    api.get<{ items: UserAccount[] }>(
      `/api/users${queryString({ includeDisabled: includeDisabled ? 'true' : '' })}`,
      opts,
    ),
  create: (body: CreateUserBody) => api.post<User>('/api/users', body),
  update: (id: string, body: UpdateUserBody) => api.patch<UserAccount>(`/api/users/${encodeURIComponent(id)}`, body),
};

export const audit = {
  list: (query: AuditQuery, opts?: RequestOptions) =>
    api.get<AuditPage>(`/api/audit${queryString({ ...(query as Record<string, string | number | undefined>) })}`, opts),
  csvUrl: (query: AuditQuery) =>
    `/api/audit.csv${queryString({ ...(query as Record<string, string | number | undefined>), limit: undefined, offset: undefined })}`,
};

export const institutions = {
  list: (opts?: RequestOptions, includeRetired = false) =>
    api.get<ListResponse<Institution>>(
      `/api/institutions${queryString({ includeRetired: includeRetired ? 'true' : '' })}`,
      opts,
    ),
  get: (id: string, includeRetired = false) =>
    api.get<Institution>(
      `/api/institutions/${encodeURIComponent(id)}${queryString({ includeRetired: includeRetired ? 'true' : '' })}`,
    ),
  update: (id: string, body: UpdateInstitutionBody) =>
    api.patch<Institution>(`/api/institutions/${encodeURIComponent(id)}`, body),
  addRoom: (id: string, body: AddRoomBody) =>
    api.post<Institution>(`/api/institutions/${encodeURIComponent(id)}/rooms`, body),
  updateRoom: (id: string, roomId: string, body: UpdateRoomBody) =>
    api.patch<Institution>(`/api/institutions/${encodeURIComponent(id)}/rooms/${encodeURIComponent(roomId)}`, body),
  addBeds: (id: string, roomId: string, body: AddBedsBody) =>
    api.post<Institution>(`/api/institutions/${encodeURIComponent(id)}/rooms/${encodeURIComponent(roomId)}/beds`, body),
  updateBed: (id: string, roomId: string, bedId: string, body: UpdateBedBody) =>
    api.patch<Institution>(
      `/api/institutions/${encodeURIComponent(id)}/rooms/${encodeURIComponent(roomId)}/beds/${encodeURIComponent(bedId)}`,
      body,
    ),
  create: (body: CreateInstitutionBody) => api.post<Institution>('/api/institutions', body),
  board: (id: string, opts?: RequestOptions) =>
    api.get<InstitutionBoard>(`/api/institutions/${encodeURIComponent(id)}/board`, opts),
  /** Start a shift: your own, or (admin, coordinator, supervisor) a staff member's. */
  startShift: (id: string, userId?: string) =>
    api.post<StaffShift>(`/api/institutions/${encodeURIComponent(id)}/shifts/start`, userId ? { userId } : {}),
  endMyShift: (id: string) => api.post<StaffShift>(`/api/institutions/${encodeURIComponent(id)}/shifts/end`),
  endShift: (id: string, shiftId: string) =>
    api.post<StaffShift>(`/api/institutions/${encodeURIComponent(id)}/shifts/${encodeURIComponent(shiftId)}/end`),
};

export const residents = {
  list: (query: ResidentQuery = {}, opts?: RequestOptions) =>
    api.get<{ items: Resident[]; total: number }>(`/api/residents${queryString({ ...query })}`, opts),
  get: (id: string) => api.get<Resident>(`/api/residents/${encodeURIComponent(id)}`),
  create: (body: ResidentBody) => api.post<Resident>('/api/residents', body),
  update: (id: string, body: Partial<ResidentBody>) =>
    api.patch<Resident>(`/api/residents/${encodeURIComponent(id)}`, body),
  vitals: (id: string, range: VitalsRange, opts?: RequestOptions) =>
    api.get<VitalsResponse>(`/api/residents/${encodeURIComponent(id)}/vitals${queryString({ range })}`, opts),
};

type DeviceQuery = { residentId?: string; institutionId?: string; includeRetired?: 'true' };

export const devices = {
  /** One page (id order); `nextCursor` asks for the next. */
  list: (query: DeviceQuery & { limit?: number; cursor?: string } = {}, opts?: RequestOptions) =>
    api.get<DevicePage>(`/api/devices${queryString(query)}`, opts),
  /** Every matching device, page after page (the device screen sorts the whole fleet for attention). */
  all: async (query: DeviceQuery = {}, opts?: RequestOptions): Promise<Device[]> => {
    const out: Device[] = [];
    let cursor: string | undefined;
    do {
      const page = await devices.list({ ...query, limit: 1000, ...(cursor ? { cursor } : {}) }, opts);
      out.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  },
  /** The fleet in numbers, counted by the hub. */
  summary: (opts?: RequestOptions) => api.get<FleetSummary>('/api/devices/summary', opts),
  get: (id: string, opts?: RequestOptions) => api.get<Device>(`/api/devices/${encodeURIComponent(id)}`, opts),
  create: (body: CreateDeviceBody) => api.post<CreatedDevice>('/api/devices', body),
  update: (id: string, body: UpdateDeviceBody) => api.patch<Device>(`/api/devices/${encodeURIComponent(id)}`, body),
};

export const deadLetters = {
  list: (query: { limit?: number; before?: number; deviceId?: string; q?: string }, opts?: RequestOptions) =>
    api.get<DeadLetterPage>(`/api/dead-letters${queryString({ ...query })}`, opts),
};

export const dc09 = {
  list: (opts?: RequestOptions) => api.get<{ items: Dc09Account[] }>('/api/dc09/accounts', opts),
  create: (body: CreateDc09AccountBody) => api.post<Dc09Account>('/api/dc09/accounts', body),
  update: (id: string, body: UpdateDc09AccountBody) =>
    api.patch<Dc09Account>(`/api/dc09/accounts/${encodeURIComponent(id)}`, body),
  remove: (id: string) => api.delete<null>(`/api/dc09/accounts/${encodeURIComponent(id)}`),
  profiles: (opts?: RequestOptions) =>
    api.get<{ items: { name: string; label: string }[] }>('/api/dc09/profiles', opts),
};

export type AlertQueue = Alert['queue'];

export const alerts = {
  list: (
    query: { state?: 'active' | 'closed' | 'all'; queue?: AlertQueue; residentId?: string } = {},
    opts?: RequestOptions,
  ) => api.get<{ items: Alert[] }>(`/api/alerts${queryString(query)}`, opts),
  get: (id: string, opts?: RequestOptions) => api.get<AlertDetail>(`/api/alerts/${encodeURIComponent(id)}`, opts),
  claim: (id: string) => api.post<Alert>(`/api/alerts/${encodeURIComponent(id)}/claim`),
  act: (id: string, body: AlertActionBody) => api.post<Alert>(`/api/alerts/${encodeURIComponent(id)}/actions`, body),
  responderCandidates: (id: string, opts?: RequestOptions) =>
    api.get<{ items: ResponderCandidate[] }>(`/api/alerts/${encodeURIComponent(id)}/responder-candidates`, opts),
  /** A phone call recorded as an incident (held by the call taker). */
  phoneIn: (body: PhoneInBody) => api.post<Alert>('/api/alerts/phone-in', body),
  /** Ticks a step of the incident's checklist. */
  tick: (id: string, body: ChecklistTickBody) =>
    api.post<AlertDetail>(`/api/alerts/${encodeURIComponent(id)}/checklist`, body),
};

/** Action plans per alarm kind and the map link template (coordinators edit). */
export const dispatchSettings = {
  get: (opts?: RequestOptions) => api.get<DispatchSettings>('/api/dispatch-settings', opts),
  setPlan: (kind: AlertKind, body: ActionPlanBody) =>
    api.put<ActionPlan>(`/api/dispatch-settings/plans/${encodeURIComponent(kind)}`, body),
  resetPlan: (kind: AlertKind) => api.delete<ActionPlan>(`/api/dispatch-settings/plans/${encodeURIComponent(kind)}`),
  setMapUrl: (mapUrlTemplate: string) =>
    api.put<{ mapUrlTemplate: string }>('/api/dispatch-settings/map-url', { mapUrlTemplate }),
};

export const reports = {
  sla: (query: { from?: string; to?: string } = {}, opts?: RequestOptions) =>
    api.get<SlaReport>(`/api/reports/sla${queryString(query)}`, opts),
  incidentsPerDay: (days = 30, opts?: RequestOptions) =>
    api.get<IncidentsPerDay>(`/api/reports/incidents-per-day${queryString({ days })}`, opts),
};

const enc = encodeURIComponent;

export const timebank = {
  programs: (opts?: RequestOptions) => api.get<{ items: Program[] }>('/api/timebank/programs', opts),
  me: (opts?: RequestOptions) => api.get<MyTimebank>('/api/timebank/me', opts),
  volunteers: (programId?: string, opts?: RequestOptions) =>
    api.get<{ items: Volunteer[] }>(`/api/timebank/volunteers${queryString({ programId })}`, opts),
  accounts: (query: { programId?: string; kind?: string; q?: string } = {}, opts?: RequestOptions) =>
    api.get<{ items: Account[] }>(`/api/timebank/accounts${queryString(query)}`, opts),
  transfers: (
    query: { programId?: string; accountId?: string; kind?: string; limit?: number; offset?: number } = {},
    opts?: RequestOptions,
  ) => api.get<{ items: Transfer[]; total: number }>(`/api/timebank/transfers${queryString(query)}`, opts),
  reverse: (id: string, reason: string, idempotencyKey: string) =>
    api.post<Transfer>(`/api/timebank/transfers/${enc(id)}/reverse`, { reason, idempotencyKey }),
  gift: (body: GiftBody) => api.post<Transfer>('/api/timebank/gifts', body),
  redeem: (body: RedemptionBody) => api.post<Transfer>('/api/timebank/redemptions', body),
  donate: (body: DonationBody) => api.post<Transfer>('/api/timebank/donations', body),
  transfer: (id: string, opts?: RequestOptions) => api.get<Transfer>(`/api/timebank/transfers/${enc(id)}`, opts),
  createProgram: (body: ProgramBody) => api.post<Program>('/api/timebank/programs', body),
  updateProgram: (id: string, body: ProgramPatch) => api.patch<Program>(`/api/timebank/programs/${enc(id)}`, body),
  registerVolunteer: (body: VolunteerBody) => api.post<Volunteer>('/api/timebank/volunteers', body),
  organisations: (programId?: string, opts?: RequestOptions) =>
    api.get<{ items: Organisation[] }>(`/api/timebank/organisations${queryString({ programId })}`, opts),
  createOrganisation: (body: { programId: string; name: string }) =>
    api.post<Organisation>('/api/timebank/organisations', body),
  openAccount: (body: AccountBody) => api.post<Account>('/api/timebank/accounts', body),
  totals: (programId: string, opts?: RequestOptions) =>
    api.get<ProgramTotals>(`/api/timebank/programs/${enc(programId)}/totals`, opts),
  reconcile: (programId: string) => api.get<Reconciliation>(`/api/timebank/programs/${enc(programId)}/reconciliation`),
  statement: (accountId: string, query: { from?: string; to?: string } = {}, opts?: RequestOptions) =>
    api.get<Statement>(`/api/timebank/accounts/${enc(accountId)}/statement${queryString(query)}`, opts),
  statementCsvUrl: (accountId: string, query: { from?: string; to?: string } = {}) =>
    `/api/timebank/accounts/${enc(accountId)}/statement.csv${queryString(query)}`,
  /** Whom this account may give hours to under its program's policy, by name or account number. */
  giftRecipients: (accountId: string, query: { q?: string; limit?: number } = {}, opts?: RequestOptions) =>
    api.get<{ items: GiftRecipient[] }>(
      `/api/timebank/accounts/${enc(accountId)}/gift-recipients${queryString(query)}`,
      opts,
    ),
};

export const serviceRequests = {
  list: (
    query: { status?: string; type?: string; residentId?: string; limit?: number; offset?: number } = {},
    opts?: RequestOptions,
  ) => api.get<{ items: ServiceRequest[]; total: number }>(`/api/service-requests${queryString(query)}`, opts),
  create: (body: ServiceRequestBody) => api.post<ServiceRequest>('/api/service-requests', body),
  dispatch: (id: string, body: DispatchBody) =>
    api.post<ServiceRequest>(`/api/service-requests/${enc(id)}/dispatch`, body),
  step: (id: string, step: 'accept' | 'decline' | 'check-in' | 'check-out') =>
    api.post<ServiceRequest>(`/api/service-requests/${enc(id)}/${step}`, {}),
  confirm: (id: string, body: ConfirmBody) =>
    api.post<ServiceRequest>(`/api/service-requests/${enc(id)}/confirm`, body),
  dispute: (id: string, reason: string) =>
    api.post<ServiceRequest>(`/api/service-requests/${enc(id)}/dispute`, { reason }),
  resolve: (id: string, body: ResolveBody) =>
    api.post<ServiceRequest>(`/api/service-requests/${enc(id)}/resolve`, body),
  cancel: (id: string, reason: string) =>
    api.post<ServiceRequest>(`/api/service-requests/${enc(id)}/cancel`, { reason }),
};

export const visits = {
  plans: (query: { community?: string; tier?: string; overdue?: string } = {}, opts?: RequestOptions) =>
    api.get<{ items: VisitPlan[] }>(`/api/visits/plans${queryString(query)}`, opts),
  updatePlan: (residentId: string, body: VisitPlanPatch) =>
    api.patch<VisitPlan>(`/api/visits/plans/${enc(residentId)}`, body),
  log: (query: { residentId?: string; limit?: number } = {}, opts?: RequestOptions) =>
    api.get<{ items: WelfareContact[] }>(`/api/visits${queryString(query)}`, opts),
  record: (body: VisitBody) => api.post<WelfareContact>('/api/visits', body),
  settings: (opts?: RequestOptions) => api.get<VisitSettings>('/api/visits/settings', opts),
  saveSettings: (body: VisitSettings) => api.put<VisitSettings>('/api/visits/settings', body),
  report: (month?: string, opts?: RequestOptions) =>
    api.get<VisitReport>(`/api/visits/report${queryString({ month })}`, opts),
};

export const meals = {
  kitchens: (opts?: RequestOptions, includeRetired = false) =>
    api.get<{ items: Kitchen[] }>(
      `/api/meals/kitchens${queryString({ includeRetired: includeRetired ? 'true' : '' })}`,
      opts,
    ),
  createKitchen: (body: KitchenBody) => api.post<Kitchen>('/api/meals/kitchens', body),
  updateKitchen: (id: string, body: KitchenPatch & { retired?: boolean }) =>
    api.patch<Kitchen>(`/api/meals/kitchens/${enc(id)}`, body),
  menus: (query: { from?: string; to?: string; kitchenId?: string }, opts?: RequestOptions) =>
    api.get<{ items: Menu[] }>(`/api/meals/menus${queryString(query)}`, opts),
  setMenu: (kitchenId: string, date: string, meal: string, body: MenuBody) =>
    api.put<Menu>(`/api/meals/kitchens/${enc(kitchenId)}/menus/${enc(date)}/${enc(meal)}`, body),
  runners: (opts?: RequestOptions) => api.get<{ items: Runner[] }>('/api/meals/runners', opts),
  routes: (opts?: RequestOptions) => api.get<{ items: DeliveryRoute[] }>('/api/meals/routes', opts),
  createRoute: (body: RouteBody) => api.post<DeliveryRoute>('/api/meals/routes', body),
  updateRoute: (id: string, body: { name?: string; runnerUserId?: string | null }) =>
    api.patch<DeliveryRoute>(`/api/meals/routes/${enc(id)}`, body),
  reorderStops: (id: string, residentIds: string[]) =>
    api.put<DeliveryRoute>(`/api/meals/routes/${enc(id)}/stops`, { residentIds }),
  plans: (query: { residentId?: string; kitchenId?: string } = {}, opts?: RequestOptions) =>
    api.get<{ items: MealPlan[] }>(`/api/meals/plans${queryString(query)}`, opts),
  createPlan: (body: MealPlanBody) => api.post<MealPlan>('/api/meals/plans', body),
  updatePlan: (id: string, body: MealPlanPatch & { active?: boolean }) =>
    api.patch<MealPlan>(`/api/meals/plans/${enc(id)}`, body),
  pause: (id: string, body: PauseBody) => api.post<MealPlan>(`/api/meals/plans/${enc(id)}/pause`, body),
  resume: (id: string) => request<MealPlan>('DELETE', `/api/meals/plans/${enc(id)}/pause`),
  generate: (date: string) => api.post<GenerateResult>('/api/meals/orders/generate', { date }),
  orders: (query: { date?: string; kitchenId?: string; meal?: string } = {}, opts?: RequestOptions) =>
    api.get<{ items: MealOrder[] }>(`/api/meals/orders${queryString(query)}`, opts),
  production: (date: string, opts?: RequestOptions) =>
    api.get<ProductionSheet>(`/api/meals/production${queryString({ date })}`, opts),
  runs: (date?: string, opts?: RequestOptions) =>
    api.get<{ items: MealRun[] }>(`/api/meals/runs${queryString({ date })}`, opts),
  run: (id: string, opts?: RequestOptions) => api.get<MealRunDetail>(`/api/meals/runs/${enc(id)}`, opts),
  assignRun: (id: string, runnerUserId: string | null) =>
    api.post<MealRun>(`/api/meals/runs/${enc(id)}/assign`, { runnerUserId }),
  startRun: (id: string) => api.post<MealRun>(`/api/meals/runs/${enc(id)}/start`, {}),
  completeRun: (id: string) => api.post<MealRun>(`/api/meals/runs/${enc(id)}/complete`, {}),
  outcome: (orderId: string, body: OutcomeBody) =>
    api.post<MealOrder>(`/api/meals/orders/${enc(orderId)}/outcome`, body),
  pickup: (body: PickupBody) => api.post<MealOrder>('/api/meals/pickups', body),
  report: (query: { from?: string; to?: string }, opts?: RequestOptions) =>
    api.get<MealReport>(`/api/meals/reports${queryString(query)}`, opts),
  reportCsvUrl: (query: { from?: string; to?: string }) => `/api/meals/reports.csv${queryString(query)}`,
};

/** Notification channels, personal settings, role defaults, push subscriptions (docs/notifications.md). */
export const notifications = {
  channels: (opts?: RequestOptions) => api.get<ChannelsResponse>('/api/notifications/channels', opts),
  preferences: (opts?: RequestOptions) => api.get<MyNotificationSettings>('/api/notifications/preferences', opts),
  savePreferences: (body: NotificationPreferencesPatch) =>
    api.patch<MyNotificationSettings>('/api/notifications/preferences', body),
  /** Back to the role's defaults (drops the person's own choices). */
  resetPreferences: () => request<MyNotificationSettings>('DELETE', '/api/notifications/preferences'),
  /** Sends me a test message by one of my channels. */
  test: (channel: PersonalChannel) => api.post<{ id: string }>('/api/notifications/test', { channel }),
  roleDefaults: (opts?: RequestOptions) => api.get<{ items: RoleDefaults[] }>('/api/notifications/role-defaults', opts),
  saveRoleDefaults: (role: Role, body: RoleDefaults['preferences']) =>
    api.put<RoleDefaults>(`/api/notifications/role-defaults/${enc(role)}`, body),
  subscriptions: (opts?: RequestOptions) =>
    api.get<{ items: PushSubscriptionInfo[] }>('/api/notifications/push-subscriptions', opts),
  subscribe: (body: PushSubscriptionBody) =>
    api.post<PushSubscriptionInfo>('/api/notifications/push-subscriptions', body),
  unsubscribe: (id: string) => request<void>('DELETE', `/api/notifications/push-subscriptions/${enc(id)}`),
  /** Every message of an incident, oldest first (dispatch roles). */
  forAlert: (alertId: string, opts?: RequestOptions) =>
    api.get<{ items: NotificationInfo[] }>(`/api/alerts/${enc(alertId)}/notifications`, opts),
  /** Tries a failed or given-up message again, now (dispatch roles). */
  retry: (id: string) => api.post<NotificationInfo>(`/api/notifications/${enc(id)}/retry`),
};

/** The responder's own dispatches and answers. */
export const responder = {
  dispatches: (opts?: RequestOptions) => api.get<{ items: ResponderDispatch[] }>('/api/responder/dispatches', opts),
  reply: (offerId: string, body: { answer: 'accept' | 'decline'; note?: string }) =>
    api.post<ResponderDispatch>(`/api/responder/dispatches/${enc(offerId)}/reply`, body),
  step: (offerId: string, body: { step: ResponderStep; note?: string }) =>
    api.post<ResponderDispatch>(`/api/responder/dispatches/${enc(offerId)}/step`, body),
};

/** The signed reply link of a dispatch (`/respond#t=<token>`): no login, the token is the authentication. */
export const respondLink = {
  get: (token: string, opts?: RequestOptions) =>
    api.get<ResponderDispatch>(`/api/respond/${enc(token)}`, { authRedirect: false, ...opts }),
  reply: (token: string, body: { answer: 'accept' | 'decline'; note?: string }) =>
    api.post<ResponderDispatch>(`/api/respond/${enc(token)}`, body, { authRedirect: false }),
  step: (token: string, body: { step: ResponderStep; note?: string }) =>
    api.post<ResponderDispatch>(`/api/respond/${enc(token)}/step`, body, { authRedirect: false }),
};

/** The family page: the elder's current state. */
export const family = {
  status: (opts?: RequestOptions) => api.get<FamilyStatus>('/api/family/status', opts),
};

export const regions = {
  list: (query: { level?: RegionLevel; all?: 'true' } = {}, opts?: RequestOptions) =>
    api.get<{ items: Region[] }>(`/api/regions${queryString(query)}`, opts),
  create: (body: RegionBody) => api.post<Region>('/api/regions', body),
  update: (id: string, body: RegionPatch) => api.patch<Region>(`/api/regions/${encodeURIComponent(id)}`, body),
  unlinked: (opts?: RequestOptions) =>
    api.get<{ items: { name: string; residents: number }[] }>('/api/regions/unlinked-communities', opts),
  adopt: (townshipId: string, names?: string[]) =>
    api.post<{ created: string[]; linked: number }>(
      `/api/regions/${encodeURIComponent(townshipId)}/adopt-communities`,
      names ? { names } : {},
    ),
};

export const assessments = {
  history: (residentId: string, opts?: RequestOptions) =>
    api.get<{ items: Assessment[] }>(`/api/residents/${encodeURIComponent(residentId)}/assessments`, opts),
  create: (residentId: string, body: AssessmentBody) =>
    api.post<Assessment>(`/api/residents/${encodeURIComponent(residentId)}/assessments`, body),
};

export const oversight = {
  institutions: (opts?: RequestOptions) => api.get<InstitutionOversight>('/api/oversight/institutions', opts),
  indicators: (query: { month?: string; months?: number } = {}, opts?: RequestOptions) =>
    api.get<Indicators>(`/api/oversight/indicators${queryString(query)}`, opts),
  reportXlsxUrl: (month?: string) => `/api/oversight/indicators/report.xlsx${queryString({ month })}`,
};

export const inspections = {
  list: (query: { institutionId?: string; overdue?: 'true' } = {}, opts?: RequestOptions) =>
    api.get<{ items: Inspection[] }>(`/api/inspections${queryString(query)}`, opts),
  create: (body: InspectionBody) => api.post<Inspection>('/api/inspections', body),
  update: (id: string, body: InspectionPatch) =>
    api.patch<Inspection>(`/api/inspections/${encodeURIComponent(id)}`, body),
};

export const subsidies = {
  categories: (all = false, opts?: RequestOptions) =>
    api.get<{ items: BenefitCategory[] }>(`/api/subsidies/categories${queryString({ all: all ? 'true' : '' })}`, opts),
  create: (body: BenefitCategoryBody) => api.post<BenefitCategory>('/api/subsidies/categories', body),
  update: (id: string, body: BenefitCategoryPatch) =>
    api.patch<BenefitCategory>(`/api/subsidies/categories/${encodeURIComponent(id)}`, body),
  recipients: (id: string, month?: string, opts?: RequestOptions) =>
    api.get<SubsidyRecipients>(
      `/api/subsidies/categories/${encodeURIComponent(id)}/recipients${queryString({ month })}`,
      opts,
    ),
  totals: (month?: string, opts?: RequestOptions) =>
    api.get<SubsidyTotals>(`/api/subsidies/totals${queryString({ month })}`, opts),
  entitlements: (residentId: string, opts?: RequestOptions) =>
    api.get<ResidentEntitlements>(`/api/residents/${encodeURIComponent(residentId)}/entitlements`, opts),
};

export const leftBehind = {
  list: (query: { regionId?: string; overdue?: 'true'; all?: 'true' } = {}, opts?: RequestOptions) =>
    api.get<LeftBehindList>(`/api/left-behind${queryString(query)}`, opts),
  register: (body: LeftBehindBody) => api.post<LeftBehindElder>('/api/left-behind', body),
  update: (residentId: string, body: LeftBehindPatch) =>
    api.patch<LeftBehindElder>(`/api/left-behind/${encodeURIComponent(residentId)}`, body),
};

export const waitingList = {
  list: (query: { institutionId?: string; status?: 'waiting' | 'all' } = {}, opts?: RequestOptions) =>
    api.get<WaitingList>(`/api/waiting-list${queryString(query)}`, opts),
  create: (body: ApplicationBody) => api.post<Application>('/api/waiting-list', body),
  update: (id: string, body: ApplicationPatch) =>
    api.patch<Application>(`/api/waiting-list/${encodeURIComponent(id)}`, body),
  admit: (id: string, body: AdmitBody) =>
    api.post<Application>(`/api/waiting-list/${encodeURIComponent(id)}/admit`, body),
  withdraw: (id: string, reason: string) =>
    api.post<Application>(`/api/waiting-list/${encodeURIComponent(id)}/withdraw`, { reason }),
};
