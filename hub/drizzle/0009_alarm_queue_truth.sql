ALTER TABLE "alert_signals" ADD COLUMN "received_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "kinds" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "occurred_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "place" jsonb;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "reporting_since" timestamp with time zone;--> statement-breakpoint
UPDATE "alerts" SET "kinds" = ARRAY["kind"] WHERE "kinds" = '{}'::text[];--> statement-breakpoint
UPDATE "alerts" SET "occurred_at" = "created_at" WHERE "occurred_at" IS NULL;--> statement-breakpoint
UPDATE "alert_signals" SET "received_at" = "ts" WHERE "received_at" IS NULL;--> statement-breakpoint
UPDATE "devices" SET "reporting_since" = "last_seen" WHERE "online" AND "last_seen" IS NOT NULL;
