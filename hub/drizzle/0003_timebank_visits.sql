CREATE TABLE "tb_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"owner_id" uuid,
	"name" text NOT NULL,
	"floor_minutes" integer,
	"balance_minutes" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tb_accounts_floor_ck" CHECK (floor_minutes is null or balance_minutes >= floor_minutes)
);
--> statement-breakpoint
CREATE TABLE "tb_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"transfer_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"amount_minutes" integer NOT NULL,
	CONSTRAINT "tb_entries_nonzero_ck" CHECK (amount_minutes <> 0)
);
--> statement-breakpoint
CREATE TABLE "tb_organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tb_programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tb_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"requested_by" uuid,
	"volunteer_id" uuid,
	"organisation_id" uuid,
	"dispatched_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"check_in_at" timestamp with time zone,
	"check_out_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"auto_confirmed" boolean DEFAULT false NOT NULL,
	"rating" smallint,
	"comment" text DEFAULT '' NOT NULL,
	"minutes" integer,
	"dispute_reason" text DEFAULT '' NOT NULL,
	"resolution" text DEFAULT '' NOT NULL,
	"transfer_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tb_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"memo" text DEFAULT '' NOT NULL,
	"reverses_id" uuid,
	"reason" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"request_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tb_volunteers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"user_id" uuid,
	"organisation_id" uuid,
	"name" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"birth_date" date NOT NULL,
	"family_resident_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_plans" (
	"resident_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"override_days" integer,
	"visitor_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "welfare_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"source_id" text,
	"method" text NOT NULL,
	"state" text,
	"note" text DEFAULT '' NOT NULL,
	"concern" boolean DEFAULT false NOT NULL,
	"alert_id" uuid,
	"visitor_id" uuid,
	"visitor_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tb_accounts" ADD CONSTRAINT "tb_accounts_program_id_tb_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."tb_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tb_entries" ADD CONSTRAINT "tb_entries_transfer_id_tb_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."tb_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tb_entries" ADD CONSTRAINT "tb_entries_account_id_tb_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."tb_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tb_organisations" ADD CONSTRAINT "tb_organisations_program_id_tb_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."tb_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tb_programs" ADD CONSTRAINT "tb_programs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tb_requests" ADD CONSTRAINT "tb_requests_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tb_requests" ADD CONSTRAINT "tb_requests_program_id_tb_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."tb_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tb_requests" ADD CONSTRAINT "tb_requests_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tb_requests" ADD CONSTRAINT "tb_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tb_requests" ADD CONSTRAINT "tb_requests_volunteer_id_tb_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."tb_volunteers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tb_requests" ADD CONSTRAINT "tb_requests_organisation_id_tb_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."tb_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tb_requests" ADD CONSTRAINT "tb_requests_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tb_requests" ADD CONSTRAINT "tb_requests_transfer_id_tb_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."tb_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tb_transfers" ADD CONSTRAINT "tb_transfers_program_id_tb_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."tb_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tb_transfers" ADD CONSTRAINT "tb_transfers_reverses_id_tb_transfers_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."tb_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tb_transfers" ADD CONSTRAINT "tb_transfers_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tb_volunteers" ADD CONSTRAINT "tb_volunteers_program_id_tb_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."tb_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tb_volunteers" ADD CONSTRAINT "tb_volunteers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tb_volunteers" ADD CONSTRAINT "tb_volunteers_organisation_id_tb_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."tb_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_visitor_id_tb_volunteers_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."tb_volunteers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_settings" ADD CONSTRAINT "visit_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welfare_contacts" ADD CONSTRAINT "welfare_contacts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welfare_contacts" ADD CONSTRAINT "welfare_contacts_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welfare_contacts" ADD CONSTRAINT "welfare_contacts_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welfare_contacts" ADD CONSTRAINT "welfare_contacts_visitor_id_users_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tb_accounts_owner_uq" ON "tb_accounts" USING btree ("program_id","kind","owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tb_accounts_system_uq" ON "tb_accounts" USING btree ("program_id","kind") WHERE owner_id is null;--> statement-breakpoint
CREATE INDEX "tb_entries_transfer_idx" ON "tb_entries" USING btree ("transfer_id");--> statement-breakpoint
CREATE INDEX "tb_entries_account_idx" ON "tb_entries" USING btree ("account_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "tb_organisations_name_uq" ON "tb_organisations" USING btree ("program_id","name");--> statement-breakpoint
CREATE INDEX "tb_programs_tenant_idx" ON "tb_programs" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "tb_requests_tenant_status_idx" ON "tb_requests" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "tb_requests_volunteer_idx" ON "tb_requests" USING btree ("volunteer_id");--> statement-breakpoint
CREATE INDEX "tb_requests_resident_idx" ON "tb_requests" USING btree ("resident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tb_transfers_idempotency_uq" ON "tb_transfers" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "tb_transfers_reverses_uq" ON "tb_transfers" USING btree ("reverses_id") WHERE reverses_id is not null;--> statement-breakpoint
CREATE INDEX "tb_transfers_program_idx" ON "tb_transfers" USING btree ("program_id","created_at");--> statement-breakpoint
CREATE INDEX "tb_volunteers_program_idx" ON "tb_volunteers" USING btree ("program_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tb_volunteers_user_uq" ON "tb_volunteers" USING btree ("program_id","user_id") WHERE user_id is not null;--> statement-breakpoint
CREATE INDEX "welfare_contacts_resident_at_idx" ON "welfare_contacts" USING btree ("resident_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "welfare_contacts_tenant_at_idx" ON "welfare_contacts" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "welfare_contacts_source_uq" ON "welfare_contacts" USING btree ("source","source_id") WHERE source_id is not null;