/**
 * Database schema (drizzle). Ordinary tables for the registry, users and transactional data;
 * time-series tables (readings, device_status, device_events) become TimescaleDB hypertables in
 * timeseries.ts when the extension is available.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  type AnyPgColumn,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => tstz('created_at').notNull().defaultNow();

export const tenants = pgTable('tenants', {
  id: id(),
  name: text('name').notNull(),
  timezone: text('timezone').notNull().default('Asia/Shanghai'),
  /** Per-tenant overrides of alert rules (issue: alert engine). */
  settings: jsonb('settings').notNull().default({}),
  createdAt: createdAt(),
});

/**
 * The district's administrative hierarchy: district → township/street → community/village. A
 * community's name is what residents' `community` text carries (kept for old data and reports).
 */
export const regions = pgTable(
  'regions',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => regions.id),
    /** district | township | community */
    level: text('level').notNull(),
    name: text('name').notNull(),
    /** Administrative division code (统计用区划代码), optional. */
    code: text('code').notNull().default(''),
    /** Rural (village) or urban (community); rural left-behind elders are counted in villages. */
    rural: boolean('rural').notNull().default(false),
    createdAt: createdAt(),
    retiredAt: tstz('retired_at'),
  },
  (t) => [
    index('regions_tenant_idx').on(t.tenantId),
    uniqueIndex('regions_parent_name_uq').on(
      t.tenantId,
      sql`coalesce(${t.parentId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.name,
    ),
  ],
);

export const institutions = pgTable(
  'institutions',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    kind: text('kind').notNull().default('nursing_home'),
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    /** The township or community the institution is in. */
    regionId: uuid('region_id').references(() => regions.id),
    /** public (公办, with an admission waiting list) | private */
    ownership: text('ownership').notNull().default('private'),
    createdAt: createdAt(),
    /** Retired: out of lists and new placements, kept for the incidents and visits that refer to it. */
    retiredAt: tstz('retired_at'),
  },
  (t) => [index('institutions_tenant_idx').on(t.tenantId)],
);

export const rooms = pgTable(
  'rooms',
  {
    id: id(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    floor: integer('floor').notNull().default(1),
    dementiaZone: boolean('dementia_zone').notNull().default(false),
    retiredAt: tstz('retired_at'),
  },
  (t) => [uniqueIndex('rooms_institution_name_uq').on(t.institutionId, t.name)],
);

export const beds = pgTable(
  'beds',
  {
    id: id(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    /** nursing (护理型床位) | ordinary | dementia (认知症照护专区) */
    kind: text('kind').notNull().default('ordinary'),
    retiredAt: tstz('retired_at'),
  },
  (t) => [uniqueIndex('beds_room_label_uq').on(t.roomId, t.label)],
);

export const residents = pgTable(
  'residents',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    institutionId: uuid('institution_id').references(() => institutions.id),
    bedId: uuid('bed_id').references(() => beds.id),
    name: text('name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: text('sex').notNull(),
    address: text('address').notNull().default(''),
    community: text('community').notNull().default(''),
    /** The community/village (a region) the elder lives in; `community` keeps its name. */
    regionId: uuid('region_id').references(() => regions.id),
    phone: text('phone').notNull().default(''),
    riskCategories: text('risk_categories')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    careLevel: text('care_level').notNull().default('self_care'),
    /** Grade of the latest capability assessment (GB/T 42195-2022), null before the first. */
    capabilityGrade: text('capability_grade'),
    /** Economic and entitlement statuses (特困, 低保, 低收入, 计划生育特殊家庭, 优抚对象) for subsidy rules. */
    economicStatus: text('economic_status')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    conditions: text('conditions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    medicationNotes: text('medication_notes').notNull().default(''),
    keySafe: text('key_safe').notNull().default(''),
    contacts: jsonb('contacts').notNull().default([]),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    thresholds: jsonb('thresholds').notNull().default({}),
    /** National ID number (searchable by dispatch). */
    idNumber: text('id_number').notNull().default(''),
    /** The elder's own instructions for every alarm, first on the incident checklist. */
    planInstructions: text('plan_instructions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [
    index('residents_tenant_idx').on(t.tenantId),
    index('residents_institution_idx').on(t.institutionId),
    uniqueIndex('residents_bed_uq')
      .on(t.bedId)
      .where(sql`bed_id is not null`),
  ],
);

export const devices = pgTable(
  'devices',
  {
    id: text('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    type: text('type').notNull(),
    label: text('label').notNull().default(''),
    residentId: uuid('resident_id').references(() => residents.id),
    institutionId: uuid('institution_id').references(() => institutions.id),
    roomId: uuid('room_id').references(() => rooms.id),
    /** Mosquitto-compatible PBKDF2-SHA512 hash (`$7$…`) of the device's MQTT password. */
    secretHash: text('secret_hash').notNull(),
    online: boolean('online').notNull().default(false),
    battery: smallint('battery'),
    signal: smallint('signal'),
    firmware: text('firmware'),
    lastSeen: tstz('last_seen'),
    /** Since when the device has been reporting without a break (null while offline or never heard). */
    reportingSince: tstz('reporting_since'),
    createdAt: createdAt(),
    /** Retired: its MQTT login is refused; its readings, events and incidents stay. */
    retiredAt: tstz('retired_at'),
  },
  (t) => [index('devices_tenant_idx').on(t.tenantId), index('devices_resident_idx').on(t.residentId)],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    institutionId: uuid('institution_id').references(() => institutions.id),
    residentId: uuid('resident_id').references(() => residents.id),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: tstz('locked_until'),
    createdAt: createdAt(),
    /** Disabled: cannot log in, sessions ended; kept for the actions and ledger entries it made. */
    disabledAt: tstz('disabled_at'),
  },
  (t) => [uniqueIndex('users_email_uq').on(sql`lower(${t.email})`)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the session token; the token itself is never stored. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: tstz('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const deadLetters = pgTable(
  'dead_letters',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    receivedAt: tstz('received_at').notNull().defaultNow(),
    topic: text('topic').notNull(),
    deviceId: text('device_id'),
    reason: text('reason').notNull(),
    /** The payload as received (truncated to 4 KiB), for diagnosis. */
    payload: text('payload').notNull(),
  },
  (t) => [index('dead_letters_received_idx').on(t.receivedAt)],
);

// ---- time series (hypertables where TimescaleDB is present) -------------------------------------

export const readings = pgTable(
  'readings',
  {
    ts: tstz('ts').notNull(),
    deviceId: text('device_id').notNull(),
    residentId: uuid('resident_id'),
    metric: text('metric').notNull(),
    value: doublePrecision('value').notNull(),
  },
  (t) => [
    index('readings_resident_ts_idx').on(t.residentId, t.metric, t.ts.desc()),
    index('readings_device_ts_idx').on(t.deviceId, t.ts.desc()),
  ],
);

export const deviceStatus = pgTable(
  'device_status',
  {
    ts: tstz('ts').notNull(),
    deviceId: text('device_id').notNull(),
    online: boolean('online').notNull(),
    battery: smallint('battery'),
    signal: smallint('signal'),
    firmware: text('firmware'),
  },
  (t) => [index('device_status_device_ts_idx').on(t.deviceId, t.ts.desc())],
);

export const deviceEvents = pgTable(
  'device_events',
  {
    ts: tstz('ts').notNull(),
    receivedAt: tstz('received_at').notNull().defaultNow(),
    deviceId: text('device_id').notNull(),
    residentId: uuid('resident_id'),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    body: jsonb('body').notNull(),
  },
  (t) => [
    // The partition column (ts) must be part of every unique index of a hypertable.
    uniqueIndex('device_events_device_event_uq').on(t.deviceId, t.eventId, t.ts),
    index('device_events_resident_ts_idx').on(t.residentId, t.ts.desc()),
  ],
);

/** Exactly-once ledger of processed device events: (device, eventId) seen before means a redelivery. */
export const processedEvents = pgTable(
  'processed_events',
  {
    deviceId: text('device_id').notNull(),
    eventId: text('event_id').notNull(),
    receivedAt: tstz('received_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('processed_events_pk').on(t.deviceId, t.eventId)],
);

// ---- alerts (incidents) -----------------------------------------------------------------------

/** Every change of an alert takes the next number, so a client can ask for "everything after N". */
export const alertSeq = pgSequence('alert_seq');

export const alerts = pgTable(
  'alerts',
  {
    id: id(),
    seq: bigint('seq', { mode: 'number' })
      .notNull()
      .default(sql`nextval('alert_seq')`),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    residentId: uuid('resident_id').references(() => residents.id),
    institutionId: uuid('institution_id').references(() => institutions.id),
    deviceId: text('device_id'),
    /** What the incident is correlated by: the resident, else the device. */
    subjectKey: text('subject_key').notNull(),
    queue: text('queue').notNull(),
    kind: text('kind').notNull(),
    /** Every kind of signal it holds, in order of arrival. */
    kinds: text('kinds')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    severity: text('severity').notNull(),
    priority: integer('priority').notNull(),
    status: text('status').notNull(),
    title: text('title').notNull().default(''),
    signalCount: integer('signal_count').notNull().default(1),
    escalationLevel: integer('escalation_level').notNull().default(0),
    flagged: boolean('flagged').notNull().default(false),
    /** When the next timed step is due: end of a cancel window, or the next escalation. */
    dueAt: tstz('due_at'),
    /** When the hub received the first signal (hub clock). */
    createdAt: createdAt(),
    /** When the first signal happened by the device's clock (data only). */
    occurredAt: tstz('occurred_at'),
    openedAt: tstz('opened_at'),
    acknowledgedAt: tstz('acknowledged_at'),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    contactAt: tstz('contact_at'),
    dispatchedAt: tstz('dispatched_at'),
    acceptedAt: tstz('accepted_at'),
    onSceneAt: tstz('on_scene_at'),
    closedAt: tstz('closed_at'),
    outcome: text('outcome'),
    responder: jsonb('responder'),
    /** Responders to try in order: `{ tiers: Responder[], index }`; the next tier is tried when one does not accept in time. */
    responderLadder: jsonb('responder_ladder'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    /** Institution, floor, room, bed and residents of a room/bed/shared device's alarm (shared AlertPlace). */
    place: jsonb('place'),
    /** device, phone (a call taken by a dispatcher) or system (raised by the hub itself). */
    source: text('source').notNull().default('device'),
    /** A phone-in incident's caller: `{ phone, name, address }`. */
    caller: jsonb('caller'),
    /** The checklist copied onto the incident when it is claimed: `[{ id, key?, text, source }]`. */
    checklist: jsonb('checklist'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('alerts_tenant_active_idx')
      .on(t.tenantId, t.status)
      .where(sql`closed_at is null`),
    index('alerts_seq_idx').on(t.seq),
    index('alerts_due_idx')
      .on(t.dueAt)
      .where(sql`due_at is not null`),
    index('alerts_created_idx').on(t.tenantId, t.createdAt),
    // At most one active incident per subject and queue: concurrent signals fold into it.
    uniqueIndex('alerts_one_active_per_subject_uq')
      .on(t.tenantId, t.subjectKey, t.queue)
      .where(sql`closed_at is null`),
  ],
);

export const alertSignals = pgTable(
  'alert_signals',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id),
    ts: tstz('ts').notNull(),
    /** When the hub received it (ts is the device's own time). */
    receivedAt: tstz('received_at'),
    deviceId: text('device_id'),
    eventId: text('event_id'),
    type: text('type').notNull(),
    detail: jsonb('detail').notNull().default({}),
  },
  (t) => [
    index('alert_signals_alert_idx').on(t.alertId, t.ts),
    uniqueIndex('alert_signals_event_uq')
      .on(t.deviceId, t.eventId)
      .where(sql`event_id is not null`),
  ],
);

/** Append-only audit log of every action on an alert (a trigger refuses UPDATE and DELETE). */
export const alertActions = pgTable(
  'alert_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id),
    at: tstz('at').notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id),
    action: text('action').notNull(),
    note: text('note').notNull().default(''),
    data: jsonb('data').notNull().default({}),
  },
  (t) => [index('alert_actions_alert_idx').on(t.alertId, t.id)],
);

/**
 * Append-only audit log of every change to the register (a trigger refuses UPDATE, DELETE and
 * TRUNCATE): who (user and role), when (hub clock), from where (client address), what changed
 * (field-level before/after; secrets are never recorded).
 */
export const registerAudit = pgTable(
  'register_audit',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    at: tstz('at').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    actorRole: text('actor_role').notNull(),
    clientAddress: text('client_address').notNull().default(''),
    requestId: text('request_id').notNull().default(''),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    /** `[{ field, before, after }]`, field paths dotted for nested settings. */
    changes: jsonb('changes').notNull().default([]),
  },
  (t) => [
    index('register_audit_tenant_at_idx').on(t.tenantId, t.at, t.id),
    index('register_audit_entity_idx').on(t.tenantId, t.entity, t.entityId),
    index('register_audit_actor_idx').on(t.tenantId, t.actorId),
  ],
);

// ---- time bank (时间银行) ----------------------------------------------------------------------

/** A time-bank program of a tenant, with its policy (shared programPolicySchema). */
export const tbPrograms = pgTable(
  'tb_programs',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    policy: jsonb('policy').notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('tb_programs_tenant_idx').on(t.tenantId)],
);

export const tbOrganisations = pgTable(
  'tb_organisations',
  {
    id: id(),
    programId: uuid('program_id')
      .notNull()
      .references(() => tbPrograms.id),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('tb_organisations_name_uq').on(t.programId, t.name)],
);

/** Volunteer profile: the birth date drives the age policy; a login is optional. */
export const tbVolunteers = pgTable(
  'tb_volunteers',
  {
    id: id(),
    programId: uuid('program_id')
      .notNull()
      .references(() => tbPrograms.id),
    userId: uuid('user_id').references(() => users.id),
    organisationId: uuid('organisation_id').references(() => tbOrganisations.id),
    name: text('name').notNull(),
    phone: text('phone').notNull().default(''),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    familyResidentIds: uuid('family_resident_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdAt: createdAt(),
  },
  (t) => [
    index('tb_volunteers_program_idx').on(t.programId),
    uniqueIndex('tb_volunteers_user_uq')
      .on(t.programId, t.userId)
      .where(sql`user_id is not null`),
  ],
);

/**
 * Ledger accounts. The balance is a cache of the sum of the account's entries, changed only in the
 * posting transaction under a row lock; the CHECK keeps it at or above the floor.
 */
export const tbAccounts = pgTable(
  'tb_accounts',
  {
    id: id(),
    programId: uuid('program_id')
      .notNull()
      .references(() => tbPrograms.id),
    kind: text('kind').notNull(),
    /** Volunteer, resident, family user or organisation id; null for the fund and issuance accounts. */
    ownerId: uuid('owner_id'),
    name: text('name').notNull(),
    floorMinutes: integer('floor_minutes'),
    balanceMinutes: integer('balance_minutes').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('tb_accounts_owner_uq').on(t.programId, t.kind, t.ownerId),
    uniqueIndex('tb_accounts_system_uq')
      .on(t.programId, t.kind)
      .where(sql`owner_id is null`),
    check('tb_accounts_floor_ck', sql`floor_minutes is null or balance_minutes >= floor_minutes`),
  ],
);

/** A transfer: ≥2 entries summing to zero (enforced by a deferred constraint trigger); append-only. */
export const tbTransfers = pgTable(
  'tb_transfers',
  {
    id: id(),
    programId: uuid('program_id')
      .notNull()
      .references(() => tbPrograms.id),
    kind: text('kind').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    memo: text('memo').notNull().default(''),
    /** The transfer this one reverses (kind correction); each transfer is reversed at most once. */
    reversesId: uuid('reverses_id').references((): AnyPgColumn => tbTransfers.id),
    reason: text('reason').notNull().default(''),
    actorId: uuid('actor_id').references(() => users.id),
    requestId: uuid('request_id'),
    createdAt: tstz('created_at').notNull(),
    postedAt: tstz('posted_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tb_transfers_idempotency_uq').on(t.idempotencyKey),
    uniqueIndex('tb_transfers_reverses_uq')
      .on(t.reversesId)
      .where(sql`reverses_id is not null`),
    index('tb_transfers_program_idx').on(t.programId, t.createdAt),
  ],
);

export const tbEntries = pgTable(
  'tb_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    transferId: uuid('transfer_id')
      .notNull()
      .references(() => tbTransfers.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => tbAccounts.id),
    amountMinutes: integer('amount_minutes').notNull(),
  },
  (t) => [
    index('tb_entries_transfer_idx').on(t.transferId),
    index('tb_entries_account_idx').on(t.accountId, t.id),
    check('tb_entries_nonzero_ck', sql`amount_minutes <> 0`),
  ],
);

/** Service requests, "four orders": ordered, dispatched, accepted, rated. */
export const tbRequests = pgTable(
  'tb_requests',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    programId: uuid('program_id')
      .notNull()
      .references(() => tbPrograms.id),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id),
    type: text('type').notNull(),
    status: text('status').notNull().default('requested'),
    scheduledAt: tstz('scheduled_at').notNull(),
    place: text('place').notNull().default(''),
    notes: text('notes').notNull().default(''),
    requestedBy: uuid('requested_by').references(() => users.id),
    volunteerId: uuid('volunteer_id').references(() => tbVolunteers.id),
    organisationId: uuid('organisation_id').references(() => tbOrganisations.id),
    dispatchedAt: tstz('dispatched_at'),
    acceptedAt: tstz('accepted_at'),
    checkInAt: tstz('check_in_at'),
    checkOutAt: tstz('check_out_at'),
    confirmedAt: tstz('confirmed_at'),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    autoConfirmed: boolean('auto_confirmed').notNull().default(false),
    rating: smallint('rating'),
    comment: text('comment').notNull().default(''),
    minutes: integer('minutes'),
    disputeReason: text('dispute_reason').notNull().default(''),
    resolution: text('resolution').notNull().default(''),
    transferId: uuid('transfer_id').references(() => tbTransfers.id),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('tb_requests_tenant_status_idx').on(t.tenantId, t.status),
    index('tb_requests_volunteer_idx').on(t.volunteerId),
    index('tb_requests_resident_idx').on(t.residentId),
  ],
);

// ---- welfare visits (探访) --------------------------------------------------------------------

/** Per-tenant visit intervals by tier and the visit-rate targets (shared visitSettingsSchema). */
export const visitSettings = pgTable('visit_settings', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  settings: jsonb('settings').notNull().default({}),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

/** A resident's plan: only where it differs from the tier default (interval override, assigned visitor). */
export const visitPlans = pgTable('visit_plans', {
  residentId: uuid('resident_id')
    .primaryKey()
    .references(() => residents.id),
  tenantId: uuid('tenant_id')
    .notNull()
    .references(() => tenants.id),
  overrideDays: integer('override_days'),
  visitorId: uuid('visitor_id').references(() => tbVolunteers.id),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

/** Every real contact with an elder: a welfare visit, a completed service, a meal handed over. */
export const welfareContacts = pgTable(
  'welfare_contacts',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id),
    at: tstz('at').notNull(),
    source: text('source').notNull(),
    /** Id of the service request or meal delivery it came from: recording it twice changes nothing. */
    sourceId: text('source_id'),
    method: text('method').notNull(),
    state: text('state'),
    note: text('note').notNull().default(''),
    concern: boolean('concern').notNull().default(false),
    alertId: uuid('alert_id').references(() => alerts.id),
    visitorId: uuid('visitor_id').references(() => users.id),
    visitorName: text('visitor_name').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('welfare_contacts_resident_at_idx').on(t.residentId, t.at.desc()),
    index('welfare_contacts_tenant_at_idx').on(t.tenantId, t.at),
    uniqueIndex('welfare_contacts_source_uq')
      .on(t.source, t.sourceId)
      .where(sql`source_id is not null`),
  ],
);

// ---- meal assistance (助餐) ---------------------------------------------------------------------

/** Central kitchens, community canteens and meal points, with their service area and opening rules. */
export const mealKitchens = pgTable(
  'meal_kitchens',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    communities: text('communities')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    supplierId: uuid('supplier_id').references((): AnyPgColumn => mealKitchens.id),
    meals: text('meals')
      .array()
      .notNull()
      .default(sql`'{lunch}'::text[]`),
    openWeekdays: smallint('open_weekdays')
      .array()
      .notNull()
      .default(sql`'{1,2,3,4,5,6,7}'::smallint[]`),
    closedDates: date('closed_dates', { mode: 'string' })
      .array()
      .notNull()
      .default(sql`'{}'::date[]`),
    /** Full price per meal in fen: `{ breakfast, lunch, dinner }`. */
    prices: jsonb('prices').notNull(),
    /** Local time pick-up ends per meal: `{ breakfast: 'HH:MM', … }`. */
    pickupUntil: jsonb('pickup_until').notNull(),
    createdAt: createdAt(),
    retiredAt: tstz('retired_at'),
  },
  (t) => [index('meal_kitchens_tenant_idx').on(t.tenantId)],
);

export const mealMenus = pgTable(
  'meal_menus',
  {
    kitchenId: uuid('kitchen_id')
      .notNull()
      .references(() => mealKitchens.id),
    date: date('date', { mode: 'string' }).notNull(),
    meal: text('meal').notNull(),
    items: text('items')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    dietNotes: text('diet_notes').notNull().default(''),
  },
  (t) => [uniqueIndex('meal_menus_pk').on(t.kitchenId, t.date, t.meal)],
);

/** Delivery routes of a kitchen; the runner keeps their elders, the stops keep their order. */
export const mealRoutes = pgTable(
  'meal_routes',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    kitchenId: uuid('kitchen_id')
      .notNull()
      .references(() => mealKitchens.id),
    name: text('name').notNull(),
    runnerUserId: uuid('runner_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('meal_routes_tenant_idx').on(t.tenantId)],
);

/** The stable stop order of a route: a new elder is appended, reordering is explicit. */
export const mealRouteStops = pgTable(
  'meal_route_stops',
  {
    routeId: uuid('route_id')
      .notNull()
      .references(() => mealRoutes.id),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id),
    seq: integer('seq').notNull(),
  },
  (t) => [uniqueIndex('meal_route_stops_pk').on(t.routeId, t.residentId)],
);

export const mealPlans = pgTable(
  'meal_plans',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id),
    kitchenId: uuid('kitchen_id')
      .notNull()
      .references(() => mealKitchens.id),
    weekdays: smallint('weekdays').array().notNull(),
    meals: text('meals').array().notNull(),
    mode: text('mode').notNull(),
    routeId: uuid('route_id').references(() => mealRoutes.id),
    diets: text('diets')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    allergies: text('allergies')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    doorNote: text('door_note').notNull().default(''),
    subsidyCategory: text('subsidy_category').notNull().default('none'),
    elderPriceCents: integer('elder_price_cents').notNull(),
    pickupCode: text('pickup_code').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    /** Paused on [paused_from, resume_on): meals resume by themselves on resume_on. */
    pausedFrom: date('paused_from', { mode: 'string' }),
    resumeOn: date('resume_on', { mode: 'string' }),
    pauseReason: text('pause_reason').notNull().default(''),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('meal_plans_tenant_idx').on(t.tenantId),
    index('meal_plans_resident_idx').on(t.residentId),
    uniqueIndex('meal_plans_code_uq').on(t.tenantId, t.pickupCode),
  ],
);

/** One day's run of a route for one meal, assigned to a volunteer or staff member. */
export const mealRuns = pgTable(
  'meal_runs',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    routeId: uuid('route_id')
      .notNull()
      .references(() => mealRoutes.id),
    date: date('date', { mode: 'string' }).notNull(),
    meal: text('meal').notNull(),
    runnerUserId: uuid('runner_user_id').references(() => users.id),
    status: text('status').notNull().default('planned'),
    startedAt: tstz('started_at'),
    completedAt: tstz('completed_at'),
    minutes: integer('minutes'),
    transferId: uuid('transfer_id').references(() => tbTransfers.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('meal_runs_route_day_uq').on(t.routeId, t.date, t.meal),
    index('meal_runs_runner_idx').on(t.runnerUserId, t.date),
  ],
);

/** The day's orders, generated from the plans: at most one per plan, day and meal. */
export const mealOrders = pgTable(
  'meal_orders',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => mealPlans.id),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id),
    kitchenId: uuid('kitchen_id')
      .notNull()
      .references(() => mealKitchens.id),
    date: date('date', { mode: 'string' }).notNull(),
    meal: text('meal').notNull(),
    mode: text('mode').notNull(),
    diets: text('diets')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    allergies: text('allergies')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    doorNote: text('door_note').notNull().default(''),
    subsidyCategory: text('subsidy_category').notNull(),
    fullPriceCents: integer('full_price_cents').notNull(),
    elderPriceCents: integer('elder_price_cents').notNull(),
    routeId: uuid('route_id').references(() => mealRoutes.id),
    runId: uuid('run_id').references(() => mealRuns.id),
    status: text('status').notNull().default('planned'),
    outcomeAt: tstz('outcome_at'),
    outcomeBy: uuid('outcome_by').references(() => users.id),
    note: text('note').notNull().default(''),
    concern: boolean('concern').notNull().default(false),
    alertId: uuid('alert_id').references(() => alerts.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('meal_orders_plan_day_meal_uq').on(t.planId, t.date, t.meal),
    index('meal_orders_tenant_date_idx').on(t.tenantId, t.date),
    index('meal_orders_run_idx').on(t.runId),
    check('meal_orders_price_ck', sql`elder_price_cents >= 0 and elder_price_cents <= full_price_cents`),
  ],
);

/** Care staff on shift at an institution: one row per shift, `ended_at` null while it runs. */
export const staffShifts = pgTable(
  'staff_shifts',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    startedAt: tstz('started_at').notNull().defaultNow(),
    endedAt: tstz('ended_at'),
    /** Who started it: the staff member themselves, or a coordinator/supervisor/admin for them. */
    startedBy: uuid('started_by')
      .notNull()
      .references(() => users.id),
    endedBy: uuid('ended_by').references(() => users.id),
  },
  (t) => [
    // One open shift per person, whatever the institution.
    uniqueIndex('staff_shifts_one_open_per_user_uq')
      .on(t.userId)
      .where(sql`ended_at is null`),
    index('staff_shifts_open_idx')
      .on(t.institutionId)
      .where(sql`ended_at is null`),
    index('staff_shifts_institution_started_idx').on(t.institutionId, t.startedAt),
    check('staff_shifts_end_after_start_ck', sql`ended_at is null or ended_at >= started_at`),
  ],
);

/**
 * The hub processes sharing this database (scale-out). Each heartbeats here; when one stops
 * heartbeating, a live peer takes over its MQTT session (`taken_over_by`) so that alarms the broker
 * queued for the dead hub are processed without waiting for it to return.
 */
export const hubInstances = pgTable('hub_instances', {
  hubId: text('hub_id').primaryKey(),
  startedAt: tstz('started_at').notNull(),
  heartbeatAt: tstz('heartbeat_at').notNull(),
  takenOverBy: text('taken_over_by'),
  takenOverAt: tstz('taken_over_at'),
});

/** SIA DC-09 accounts (modules/dc09): which registered device a panel's receiver/line/account speaks for. */
export const dc09Accounts = pgTable(
  'dc09_accounts',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    deviceId: text('device_id')
      .notNull()
      .references(() => devices.id),
    /** Receiver number (hex); null = any receiver (or none sent). */
    receiver: text('receiver'),
    line: text('line').notNull(),
    account: text('account').notNull(),
    /** Code-table profile: `standard` or a file in modules/dc09/codes/vendors/. */
    vendor: text('vendor').notNull().default('standard'),
    /** The AES key, encrypted at rest with the hub's DC-09 key secret (AES-256-GCM); null = plain messages. */
    keyEnc: text('key_enc'),
    /** Longest silence (any message, NULL polls included) before the device is reported offline. */
    supervisionSeconds: integer('supervision_seconds'),
    lastMessageAt: tstz('last_message_at'),
    supervisionLost: boolean('supervision_lost').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('dc09_accounts_route_idx').on(sql`coalesce(${t.receiver}, '')`, t.line, t.account),
    index('dc09_accounts_device_idx').on(t.deviceId),
    check(
      'dc09_accounts_supervision_check',
      sql`${t.supervisionSeconds} IS NULL OR ${t.supervisionSeconds} BETWEEN 10 AND 604800`,
    ),
  ],
);

/**
 * Dispatch shift handovers: the outgoing dispatcher's note with a snapshot of the incidents open at
 * handover and a summary of the shift, acknowledged (with time, hub clock) by the incoming one.
 */
export const shiftHandovers = pgTable(
  'shift_handovers',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    fromUserId: uuid('from_user_id')
      .notNull()
      .references(() => users.id),
    /** The dispatcher expected to take over (null: anyone of the dispatch team). */
    toUserId: uuid('to_user_id').references(() => users.id),
    createdAt: tstz('created_at').notNull(),
    note: text('note').notNull(),
    /** Shared HandoverIncident[] open at handover. */
    openIncidents: jsonb('open_incidents').notNull().default([]),
    /** Shared ShiftSummary of the shift being handed over. */
    summary: jsonb('summary').notNull(),
    acknowledgedAt: tstz('acknowledged_at'),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    acknowledgeNote: text('acknowledge_note').notNull().default(''),
  },
  (t) => [
    index('shift_handovers_tenant_created_idx').on(t.tenantId, t.createdAt),
    check(
      'shift_handovers_ack_ck',
      sql`(acknowledged_at IS NULL) = (acknowledged_by IS NULL) AND (acknowledged_at IS NULL OR acknowledged_at >= created_at)`,
    ),
  ],
);

/** Capability assessments (老年人能力评估, GB/T 42195-2022): one row per assessment, kept as history. */
export const assessments = pgTable(
  'assessments',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    /** Points per second-level item, by item key of the scale (shared/src/assessment-scale.ts). */
    scores: jsonb('scores').notNull(),
    /** Facts that raise the grade: dementia/mental-disorder diagnosis, care-risk events in 30 days. */
    adjustments: jsonb('adjustments').notNull(),
    total: smallint('total').notNull(),
    preliminaryGrade: text('preliminary_grade').notNull(),
    grade: text('grade').notNull(),
    careLevel: text('care_level').notNull(),
    assessorId: uuid('assessor_id')
      .notNull()
      .references(() => users.id),
    assessorName: text('assessor_name').notNull(),
    nextDueOn: date('next_due_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('assessments_resident_idx').on(t.residentId, t.assessedOn.desc())],
);

/** Supervision of institutions: inspections with findings and rectification deadlines. */
export const inspections = pgTable(
  'inspections',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    inspectedOn: date('inspected_on', { mode: 'string' }).notNull(),
    /** fire_safety | hazard | star_rating | general */
    kind: text('kind').notNull(),
    inspector: text('inspector').notNull(),
    findings: text('findings').notNull().default(''),
    /** Star rating given (1–5) by a star-rating inspection. */
    starRating: smallint('star_rating'),
    /** Rectification deadline; null when nothing needs rectifying. */
    rectifyBy: date('rectify_by', { mode: 'string' }),
    rectifiedOn: date('rectified_on', { mode: 'string' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('inspections_institution_idx').on(t.institutionId, t.inspectedOn.desc())],
);

/** Subsidy categories the district defines, with their eligibility rules (shared/src/subsidies.ts). */
export const subsidyCategories = pgTable(
  'subsidy_categories',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** What an entitled elder receives per month, in fen. */
    monthlyCents: integer('monthly_cents').notNull(),
    /** The meal subsidy category (meal plans and orders) this category pays for; null: none. */
    mealCategory: text('meal_category'),
    /** SubsidyRule[]: any one matching makes an elder entitled. */
    rules: jsonb('rules').notNull().default([]),
    createdAt: createdAt(),
    retiredAt: tstz('retired_at'),
  },
  (t) => [
    uniqueIndex('subsidy_categories_code_uq').on(t.tenantId, t.code),
    uniqueIndex('subsidy_categories_meal_uq')
      .on(t.tenantId, t.mealCategory)
      .where(sql`meal_category IS NOT NULL AND retired_at IS NULL`),
  ],
);

/** The register of rural left-behind elders (留守老年人) with their care contacts. */
export const leftBehindElders = pgTable(
  'left_behind_elders',
  {
    residentId: uuid('resident_id')
      .primaryKey()
      .references(() => residents.id),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    /** LeftBehindContact[]: family away from home and local helpers (relatives, village cadres, volunteers). */
    careContacts: jsonb('care_contacts').notNull().default([]),
    createdAt: createdAt(),
    /** Out of the register (family back, moved away); registering again reinstates the entry. */
    retiredAt: tstz('retired_at'),
  },
  (t) => [index('left_behind_elders_tenant_idx').on(t.tenantId)],
);

/** Applications for admission to a public institution (轮候); the order is computed (shared/src/waiting-list.ts). */
export const admissionApplications = pgTable(
  'admission_applications',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id),
    appliedOn: date('applied_on', { mode: 'string' }).notNull(),
    /** waiting | admitted | withdrawn */
    status: text('status').notNull().default('waiting'),
    note: text('note').notNull().default(''),
    /** Admitted: the bed given; the reason when someone ahead in the order was passed over. */
    bedId: uuid('bed_id').references(() => beds.id),
    decisionReason: text('decision_reason').notNull().default(''),
    decidedAt: tstz('decided_at'),
    decidedBy: uuid('decided_by').references(() => users.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('admission_applications_institution_idx').on(t.institutionId, t.status),
    uniqueIndex('admission_applications_waiting_uq')
      .on(t.institutionId, t.residentId)
      .where(sql`status = 'waiting'`),
    check('admission_applications_status_ck', sql`status IN ('waiting','admitted','withdrawn')`),
  ],
);
