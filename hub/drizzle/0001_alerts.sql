CREATE SEQUENCE "public"."alert_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "alert_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"alert_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_signals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"alert_id" uuid NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"device_id" text,
	"event_id" text,
	"type" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint DEFAULT nextval('alert_seq') NOT NULL,
	"tenant_id" uuid NOT NULL,
	"resident_id" uuid,
	"institution_id" uuid,
	"device_id" text,
	"subject_key" text NOT NULL,
	"queue" text NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"priority" integer NOT NULL,
	"status" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"signal_count" integer DEFAULT 1 NOT NULL,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"flagged" boolean DEFAULT false NOT NULL,
	"due_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"contact_at" timestamp with time zone,
	"dispatched_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"on_scene_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"outcome" text,
	"responder" jsonb,
	"lat" double precision,
	"lon" double precision,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alert_actions" ADD CONSTRAINT "alert_actions_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_actions" ADD CONSTRAINT "alert_actions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_signals" ADD CONSTRAINT "alert_signals_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_actions_alert_idx" ON "alert_actions" USING btree ("alert_id","id");--> statement-breakpoint
CREATE INDEX "alert_signals_alert_idx" ON "alert_signals" USING btree ("alert_id","ts");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_signals_event_uq" ON "alert_signals" USING btree ("device_id","event_id") WHERE event_id is not null;--> statement-breakpoint
CREATE INDEX "alerts_tenant_active_idx" ON "alerts" USING btree ("tenant_id","status") WHERE closed_at is null;--> statement-breakpoint
CREATE INDEX "alerts_seq_idx" ON "alerts" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "alerts_due_idx" ON "alerts" USING btree ("due_at") WHERE due_at is not null;--> statement-breakpoint
CREATE INDEX "alerts_created_idx" ON "alerts" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_one_active_per_subject_uq" ON "alerts" USING btree ("tenant_id","subject_key","queue") WHERE closed_at is null;