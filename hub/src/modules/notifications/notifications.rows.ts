/** The rows of notifications as the repositories return them (and a new message as the fan-out writes it). */

export interface NotificationRow {
  id: string;
  tenant_id: string;
  alert_id: string | null;
  event_id: number | null;
  offer_id: string | null;
  purpose: string;
  channel: string;
  recipient_key: string;
  recipient_user_id: string | null;
  recipient_name: string;
  address: Record<string, unknown>;
  payload: Record<string, unknown>;
  idempotency_key: string;
  critical: boolean;
  status: string;
  attempts: number;
  max_attempts: number;
  next_attempt_at: Date;
  not_before: Date | null;
  error: string | null;
  created_at: Date;
  sent_at: Date | null;
  failed_at: Date | null;
  reply: { answer: 'accept' | 'decline'; at: string; via: string } | null;
}

export interface NewNotification {
  tenantId: string;
  alertId: string | null;
  eventId: number | null;
  offerId: string | null;
  purpose: string;
  channel: string;
  recipientKey: string;
  recipientUserId: string | null;
  recipientName: string;
  address: Record<string, unknown>;
  payload: Record<string, unknown>;
  idempotencyKey: string;
  critical: boolean;
  maxAttempts: number;
  createdAt: Date;
  notBefore: Date | null;
}

export interface EventRow {
  id: number;
  tenant_id: string;
  alert_id: string | null;
  purpose: string;
  data: Record<string, unknown>;
  created_at: Date;
}

export interface AlertFacts {
  id: string;
  tenant_id: string;
  kind: string;
  title: string;
  severity: string;
  status: string;
  queue: string;
  resident_id: string | null;
  resident_name: string | null;
  address: string;
  key_safe: string;
  phone: string;
  lat: number | null;
  lon: number | null;
  place: { institutionName?: string; roomName?: string | null; bedLabel?: string | null } | null;
  opened_at: Date | null;
  created_at: Date;
  outcome: string | null;
  responder: { name?: string } | null;
}

export interface UserTarget {
  id: string;
  name: string;
  role: string;
  resident_id: string | null;
  prefs: Record<string, unknown> | null;
  role_prefs: Record<string, unknown> | null;
}

export interface OfferRow {
  id: string;
  tenant_id: string;
  alert_id: string;
  position: number;
  responder: { kind: string; name: string; phone?: string; userId?: string; email?: string };
  user_id: string | null;
  ask_all: boolean;
  status: string;
  step: string | null;
  dispatcher_note: string;
  asked_at: Date;
  answered_at: Date | null;
}

export interface WebhookRow {
  id: string;
  tenant_id: string;
  name: string;
  format: 'standard' | 'dingtalk' | 'wecom';
  url: string;
  secret: string | null;
  purposes: string[];
  kinds: string[];
  min_severity: string;
  enabled: boolean;
  created_at: Date;
}
