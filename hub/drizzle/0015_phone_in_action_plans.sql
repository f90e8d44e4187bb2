ALTER TABLE "alerts" ADD COLUMN "source" text DEFAULT 'device' NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "caller" jsonb;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "checklist" jsonb;--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "id_number" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "plan_instructions" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
UPDATE "alerts" SET "source" = 'system' WHERE "device_id" IS NULL;
