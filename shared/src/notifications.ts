/**
 * Notifications: how an alarm reaches people off-screen (web push, webhooks, email, SMS, voice,
 * the elder's device), what each person chooses to receive, responder replies, and the delivery
 * timeline of an incident. The hub's API and the dashboard share these schemas (docs/notifications.md).
 */
import { z } from 'zod';
import { alertKindSchema, alertStatusSchema, responderSchema, severitySchema } from './alerts.js';
import { roleSchema } from './domain.js';

/** Delivery channels. `device`: the `commands` topic of the elder's own device ("help is coming"). */
export const CHANNELS = ['web_push', 'email', 'sms', 'voice', 'webhook', 'dingtalk', 'wecom', 'device'] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;
/** Channels a person can choose for themselves (the others are configured per district). */
export const PERSONAL_CHANNELS = ['web_push', 'email', 'sms', 'voice'] as const;
export const personalChannelSchema = z.enum(PERSONAL_CHANNELS);
export type PersonalChannel = z.infer<typeof personalChannelSchema>;

/** Why a message is sent. */
export const PURPOSES = [
  /** A critical alarm nobody acknowledged past the escalation time (to supervisors). */
  'alarm_unacknowledged',
  /** "Nobody is watching": no dispatcher connected while emergencies are open (to supervisors). */
  'watchdog',
  /** A responder is asked to go (with elder, address, key-safe code, note; accept/decline). */
  'dispatch',
  /** Family: "your mother pressed her alarm — the centre is handling it". */
  'family_raised',
  /** Family: "help has arrived". */
  'family_on_scene',
  /** Family: "closed: <outcome>". */
  'family_closed',
  /** A device-health item (low battery, offline, missed self-test) to those who chose such kinds. */
  'device_health',
  /** To the elder's device: help is coming / help has arrived / alarm closed (tenant's language). */
  'device_command',
  /** A test message the person or coordinator asked for from the settings screen. */
  'test',
] as const;
export const purposeSchema = z.enum(PURPOSES);
export type Purpose = z.infer<typeof purposeSchema>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM (24 h)');
/** Quiet hours in the district's time zone (start may be after end: over midnight). Never silences a critical alarm. */
export const quietHoursSchema = z.strictObject({ start: hhmm, end: hhmm });
export type QuietHours = z.infer<typeof quietHoursSchema>;

/** What reaches a person, and how. */
export const notificationPreferencesSchema = z.strictObject({
  /** Channels to use, all of them (the unavailable ones are skipped). */
  channels: z.array(personalChannelSchema).max(PERSONAL_CHANNELS.length),
  /** Purposes this person wants (those their role gets; e.g. a supervisor may drop device_health). */
  purposes: z.array(purposeSchema).max(PURPOSES.length),
  /** Alert kinds that reach them; empty = every kind. */
  kinds: z.array(alertKindSchema).max(50),
  /** Lowest severity that reaches them (critical always does). */
  minSeverity: severitySchema,
  /** Held back during these hours and sent when they end — except critical alarms, sent at once. */
  quietHours: quietHoursSchema.nullable(),
  /** Where email and SMS/voice go (empty: not by that channel). */
  email: z.union([z.email().max(200), z.literal('')]),
  phone: z.string().trim().max(40),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;
/** PATCH body: changes only what it was sent. */
export const notificationPreferencesPatchSchema = notificationPreferencesSchema.partial();
export type NotificationPreferencesPatch = z.infer<typeof notificationPreferencesPatchSchema>;

/** GET /api/notifications/preferences: the person's own settings, and whether they are still the role default. */
export const myNotificationSettingsSchema = z.object({
  preferences: notificationPreferencesSchema,
  /** True while the person has not changed anything (they follow their role's defaults). */
  usingRoleDefaults: z.boolean(),
  role: roleSchema,
});
export type MyNotificationSettings = z.infer<typeof myNotificationSettingsSchema>;

/** Role defaults, set by coordinators (a PUT replaces one role's defaults; email/phone are personal and ignored). */
export const roleDefaultsSchema = z.object({
  role: roleSchema,
  preferences: notificationPreferencesSchema.omit({ email: true, phone: true }),
});
export type RoleDefaults = z.infer<typeof roleDefaultsSchema>;
export const roleDefaultsBodySchema = notificationPreferencesSchema.omit({ email: true, phone: true });

/** A channel and whether the hub can send by it (configured), and why not. */
export const channelStatusSchema = z.object({
  channel: channelSchema,
  available: z.boolean(),
  /** Provider name when available (e.g. "aliyun", "tencent", "smtp"); why not, when unavailable. */
  provider: z.string().nullable(),
  reason: z.string().nullable(),
});
export type ChannelStatus = z.infer<typeof channelStatusSchema>;
export const channelsResponseSchema = z.object({
  channels: z.array(channelStatusSchema),
  /** VAPID public key (base64url) for PushManager.subscribe({ applicationServerKey }). */
  vapidPublicKey: z.string(),
});
export type ChannelsResponse = z.infer<typeof channelsResponseSchema>;

/** A browser's push subscription (PushSubscription.toJSON()). */
export const pushSubscriptionBodySchema = z.object({
  endpoint: z.url().max(2000),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({ p256dh: z.string().min(20).max(200), auth: z.string().min(8).max(100) }),
  /** A name the person recognises ("Pixel 7 Chrome"). */
  label: z.string().trim().max(100).optional(),
});
export type PushSubscriptionBody = z.infer<typeof pushSubscriptionBodySchema>;
export const pushSubscriptionSchema = z.object({
  id: z.uuid(),
  endpoint: z.string(),
  label: z.string(),
  createdAt: z.string(),
  /** Set when the push service said the subscription is gone (404/410); it is no longer used. */
  goneAt: z.string().nullable(),
});
export type PushSubscriptionInfo = z.infer<typeof pushSubscriptionSchema>;

/** District webhooks (duty group chats, third-party systems). */
export const WEBHOOK_FORMATS = ['standard', 'dingtalk', 'wecom'] as const;
export const webhookFormatSchema = z.enum(WEBHOOK_FORMATS);
export const webhookBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  format: webhookFormatSchema,
  /** standard: any https/http URL; dingtalk: the robot's .../robot/send?access_token=…; wecom: .../webhook/send?key=…. */
  url: z.url().max(2000),
  /**
   * standard: the Standard Webhooks secret (`whsec_` + base64; generated when omitted);
   * dingtalk: the robot's signing secret (`SEC…`, optional); wecom: not used.
   */
  secret: z.string().max(200).optional(),
  purposes: z.array(purposeSchema).min(1).max(PURPOSES.length),
  kinds: z.array(alertKindSchema).max(50).default([]),
  minSeverity: severitySchema.default('low'),
  enabled: z.boolean().default(true),
});
export type WebhookBody = z.input<typeof webhookBodySchema>;
export const webhookPatchSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  url: z.url().max(2000).optional(),
  secret: z.string().max(200).optional(),
  purposes: z.array(purposeSchema).min(1).max(PURPOSES.length).optional(),
  kinds: z.array(alertKindSchema).max(50).optional(),
  minSeverity: severitySchema.optional(),
  enabled: z.boolean().optional(),
});
export const webhookSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  format: webhookFormatSchema,
  url: z.string(),
  /** Shown once, in the answer to the POST that created it; afterwards null. */
  secret: z.string().nullable(),
  hasSecret: z.boolean(),
  purposes: z.array(purposeSchema),
  kinds: z.array(alertKindSchema),
  minSeverity: severitySchema,
  enabled: z.boolean(),
  createdAt: z.string(),
});
export type Webhook = z.infer<typeof webhookSchema>;

/** Where a message is on its way. `held`: waiting for the end of quiet hours. `dead`: gave up after N tries. */
export const DELIVERY_STATUSES = ['pending', 'held', 'sending', 'sent', 'failed', 'dead'] as const;
export const deliveryStatusSchema = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const REPLY_ANSWERS = ['accept', 'decline'] as const;
export const replyAnswerSchema = z.enum(REPLY_ANSWERS);

/** One message on an incident's timeline. */
export const notificationSchema = z.object({
  id: z.uuid(),
  alertId: z.uuid().nullable(),
  purpose: purposeSchema,
  channel: channelSchema,
  /** Who it is for: a user, a responder (by name), a webhook, or the device. */
  recipientName: z.string(),
  recipientUserId: z.uuid().nullable(),
  status: deliveryStatusSchema,
  attempts: z.number(),
  maxAttempts: z.number(),
  /** Last error (for a failed or dead message): what the receiving end or provider said. */
  error: z.string().nullable(),
  createdAt: z.string(),
  /** Held back (quiet hours) until then. */
  notBefore: z.string().nullable(),
  /** When the receiving end accepted it (HTTP 2xx, SMTP 250, provider OK, MQTT publish). */
  sentAt: z.string().nullable(),
  failedAt: z.string().nullable(),
  /** The responder's answer, when this message asked for one. */
  reply: z.object({ answer: replyAnswerSchema, at: z.string(), via: z.string() }).nullable(),
});
export type NotificationInfo = z.infer<typeof notificationSchema>;

// ---- responders -----------------------------------------------------------------------------

export const OFFER_STATUSES = ['asked', 'accepted', 'declined', 'timed_out', 'withdrawn'] as const;
export const offerStatusSchema = z.enum(OFFER_STATUSES);
export const RESPONDER_STEPS = ['on_my_way', 'on_scene', 'done'] as const;
export const responderStepSchema = z.enum(RESPONDER_STEPS);
export type ResponderStep = z.infer<typeof responderStepSchema>;

/** Someone the dispatcher may send to an incident, with where they come from. */
export const responderCandidateSchema = z.object({
  responder: responderSchema,
  /** contact: on the elder's call list; family: a family member's account; volunteer; staff: of the elder's institution. */
  source: z.enum(['contact', 'family', 'volunteer', 'staff']),
  /** The contact's relation, or the account's role, in the data's own words. */
  detail: z.string(),
  /** Has an account: told in the app (web push and their own channels) and answers there; otherwise by SMS/voice/email. */
  hasAccount: z.boolean(),
});
export type ResponderCandidate = z.infer<typeof responderCandidateSchema>;

/** A dispatch as the responder sees it (responder page; by signed link or, logged in, by offer id). */
export const responderDispatchSchema = z.object({
  offerId: z.uuid(),
  alertId: z.uuid(),
  status: offerStatusSchema,
  /** Last step the responder reported after accepting (null before). */
  step: responderStepSchema.nullable(),
  incidentStatus: alertStatusSchema,
  kind: alertKindSchema,
  severity: severitySchema,
  title: z.string(),
  responderName: z.string(),
  elder: z.object({
    name: z.string().nullable(),
    address: z.string(),
    phone: z.string(),
    /** Key-safe code: only while the offer is asked or accepted; null after. */
    keySafe: z.string().nullable(),
    location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  }),
  /** Institution, room, bed for an alarm in an institution. */
  place: z.string().nullable(),
  dispatcherNote: z.string(),
  askedAt: z.string(),
  answeredAt: z.string().nullable(),
  /** Other responders asked at once (first to accept wins). */
  askAllAtOnce: z.boolean(),
});
export type ResponderDispatch = z.infer<typeof responderDispatchSchema>;

export const replyBodySchema = z.strictObject({ answer: replyAnswerSchema, note: z.string().max(2000).default('') });
export const stepBodySchema = z.strictObject({ step: responderStepSchema, note: z.string().max(2000).default('') });

// ---- family -----------------------------------------------------------------------------------

/** The family page: their elder's current state. */
export const familyStatusSchema = z.object({
  resident: z.object({ id: z.uuid(), name: z.string() }),
  /** The open incident, if any, as the family may see it. */
  incident: z
    .object({
      id: z.uuid(),
      kind: alertKindSchema,
      title: z.string(),
      status: alertStatusSchema,
      openedAt: z.string().nullable(),
      acknowledgedAt: z.string().nullable(),
      dispatchedAt: z.string().nullable(),
      acceptedAt: z.string().nullable(),
      onSceneAt: z.string().nullable(),
      responderName: z.string().nullable(),
    })
    .nullable(),
  /** Last closed incident (its outcome). */
  lastClosed: z
    .object({ id: z.uuid(), kind: alertKindSchema, closedAt: z.string(), outcome: z.string().nullable() })
    .nullable(),
  /** The elder's devices: online, battery, last seen. */
  devices: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      online: z.boolean(),
      battery: z.number().nullable(),
      lastSeen: z.string().nullable(),
    }),
  ),
  /** Last activity the hub received (any device event of the elder). */
  lastActivityAt: z.string().nullable(),
});
export type FamilyStatus = z.infer<typeof familyStatusSchema>;

// ---- socket events (added to ServerToClientEvents in alerts.ts) ---------------------------------

/** A message changed state (queued, sent, failed, dead, replied): to the dispatch screens. */
export type NotificationEvent = NotificationInfo;
/** A message gave up after N tries: a human must phone instead. */
export interface NotificationDeadNotice {
  notification: NotificationInfo;
  /** Human-readable: "SMS to 张伟 failed: …". */
  message: string;
}
