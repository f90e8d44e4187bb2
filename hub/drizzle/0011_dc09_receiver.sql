CREATE TABLE "dc09_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"device_id" text NOT NULL,
	"receiver" text,
	"line" text NOT NULL,
	"account" text NOT NULL,
	"vendor" text DEFAULT 'standard' NOT NULL,
	"key_enc" text,
	"supervision_seconds" integer,
	"last_message_at" timestamp with time zone,
	"supervision_lost" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dc09_accounts_supervision_check" CHECK ("dc09_accounts"."supervision_seconds" IS NULL OR "dc09_accounts"."supervision_seconds" BETWEEN 10 AND 604800)
);
--> statement-breakpoint
ALTER TABLE "dc09_accounts" ADD CONSTRAINT "dc09_accounts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dc09_accounts" ADD CONSTRAINT "dc09_accounts_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dc09_accounts_route_idx" ON "dc09_accounts" USING btree (coalesce("receiver", ''),"line","account");--> statement-breakpoint
CREATE INDEX "dc09_accounts_device_idx" ON "dc09_accounts" USING btree ("device_id");