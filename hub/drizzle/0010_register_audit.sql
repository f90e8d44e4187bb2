CREATE TABLE "register_audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"client_address" text DEFAULT '' NOT NULL,
	"request_id" text DEFAULT '' NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "beds" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meal_kitchens" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "register_audit" ADD CONSTRAINT "register_audit_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_audit" ADD CONSTRAINT "register_audit_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "register_audit_tenant_at_idx" ON "register_audit" USING btree ("tenant_id","at","id");--> statement-breakpoint
CREATE INDEX "register_audit_entity_idx" ON "register_audit" USING btree ("tenant_id","entity","entity_id");--> statement-breakpoint
CREATE INDEX "register_audit_actor_idx" ON "register_audit" USING btree ("tenant_id","actor_id");--> statement-breakpoint
-- The register's audit log is append-only like the alert audit: the same trigger function, now naming the table.
CREATE OR REPLACE FUNCTION refuse_audit_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER register_audit_append_only BEFORE UPDATE OR DELETE ON register_audit
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
--> statement-breakpoint
CREATE TRIGGER register_audit_no_truncate BEFORE TRUNCATE ON register_audit
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
