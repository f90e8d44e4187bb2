CREATE TABLE "notification_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"prefs" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "notification_role_defaults" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"role" text NOT NULL,
	"prefs" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	PRIMARY KEY ("tenant_id", "role")
);--> statement-breakpoint
CREATE TABLE "push_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"endpoint" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"gone_at" timestamp with time zone
);--> statement-breakpoint
CREATE UNIQUE INDEX "push_subscriptions_endpoint_uq" ON "push_subscriptions" ("endpoint");--> statement-breakpoint
CREATE INDEX "push_subscriptions_user_idx" ON "push_subscriptions" ("user_id");--> statement-breakpoint
CREATE TABLE "notification_webhooks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"name" text NOT NULL,
	"format" text NOT NULL,
	"url" text NOT NULL,
	"secret" text,
	"purposes" text[] NOT NULL,
	"kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"min_severity" text DEFAULT 'low' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "responder_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"alert_id" uuid NOT NULL REFERENCES "alerts"("id"),
	"position" integer NOT NULL,
	"responder" jsonb NOT NULL,
	"user_id" uuid REFERENCES "users"("id"),
	"ask_all" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'asked' NOT NULL,
	"step" text,
	"dispatcher_note" text DEFAULT '' NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"answer_via" text,
	"answer_note" text
);--> statement-breakpoint
CREATE INDEX "responder_offers_alert_idx" ON "responder_offers" ("alert_id");--> statement-breakpoint
CREATE INDEX "responder_offers_user_idx" ON "responder_offers" ("user_id") WHERE "user_id" IS NOT NULL;--> statement-breakpoint
CREATE TABLE "notification_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"alert_id" uuid,
	"purpose" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expanded_at" timestamp with time zone
);--> statement-breakpoint
CREATE INDEX "notification_events_todo_idx" ON "notification_events" ("id") WHERE "expanded_at" IS NULL;--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"alert_id" uuid,
	"event_id" bigint,
	"offer_id" uuid,
	"purpose" text NOT NULL,
	"channel" text NOT NULL,
	"recipient_key" text NOT NULL,
	"recipient_user_id" uuid,
	"recipient_name" text NOT NULL,
	"address" jsonb NOT NULL,
	"payload" jsonb NOT NULL,
	"idempotency_key" text NOT NULL,
	"critical" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"not_before" timestamp with time zone,
	"lease_until" timestamp with time zone,
	"claimed_by" text,
	"error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"reply" jsonb
);--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_idempotency_uq" ON "notifications" ("idempotency_key");--> statement-breakpoint
CREATE INDEX "notifications_due_idx" ON "notifications" ("next_attempt_at") WHERE "status" IN ('pending', 'held', 'sending', 'failed');--> statement-breakpoint
CREATE INDEX "notifications_alert_idx" ON "notifications" ("alert_id", "created_at");
