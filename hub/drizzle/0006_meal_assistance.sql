CREATE TABLE "meal_kitchens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"communities" text[] DEFAULT '{}'::text[] NOT NULL,
	"supplier_id" uuid,
	"meals" text[] DEFAULT '{lunch}'::text[] NOT NULL,
	"open_weekdays" smallint[] DEFAULT '{1,2,3,4,5,6,7}'::smallint[] NOT NULL,
	"closed_dates" date[] DEFAULT '{}'::date[] NOT NULL,
	"prices" jsonb NOT NULL,
	"pickup_until" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meal_menus" (
	"kitchen_id" uuid NOT NULL,
	"date" date NOT NULL,
	"meal" text NOT NULL,
	"items" text[] DEFAULT '{}'::text[] NOT NULL,
	"diet_notes" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meal_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"kitchen_id" uuid NOT NULL,
	"date" date NOT NULL,
	"meal" text NOT NULL,
	"mode" text NOT NULL,
	"diets" text[] DEFAULT '{}'::text[] NOT NULL,
	"allergies" text[] DEFAULT '{}'::text[] NOT NULL,
	"door_note" text DEFAULT '' NOT NULL,
	"subsidy_category" text NOT NULL,
	"full_price_cents" integer NOT NULL,
	"elder_price_cents" integer NOT NULL,
	"route_id" uuid,
	"run_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"outcome_at" timestamp with time zone,
	"outcome_by" uuid,
	"note" text DEFAULT '' NOT NULL,
	"concern" boolean DEFAULT false NOT NULL,
	"alert_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meal_orders_price_ck" CHECK (elder_price_cents >= 0 and elder_price_cents <= full_price_cents)
);
--> statement-breakpoint
CREATE TABLE "meal_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"kitchen_id" uuid NOT NULL,
	"weekdays" smallint[] NOT NULL,
	"meals" text[] NOT NULL,
	"mode" text NOT NULL,
	"route_id" uuid,
	"diets" text[] DEFAULT '{}'::text[] NOT NULL,
	"allergies" text[] DEFAULT '{}'::text[] NOT NULL,
	"door_note" text DEFAULT '' NOT NULL,
	"subsidy_category" text DEFAULT 'none' NOT NULL,
	"elder_price_cents" integer NOT NULL,
	"pickup_code" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"paused_from" date,
	"resume_on" date,
	"pause_reason" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meal_route_stops" (
	"route_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"seq" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meal_routes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kitchen_id" uuid NOT NULL,
	"name" text NOT NULL,
	"runner_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meal_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"route_id" uuid NOT NULL,
	"date" date NOT NULL,
	"meal" text NOT NULL,
	"runner_user_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"minutes" integer,
	"transfer_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meal_kitchens" ADD CONSTRAINT "meal_kitchens_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_kitchens" ADD CONSTRAINT "meal_kitchens_supplier_id_meal_kitchens_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."meal_kitchens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_menus" ADD CONSTRAINT "meal_menus_kitchen_id_meal_kitchens_id_fk" FOREIGN KEY ("kitchen_id") REFERENCES "public"."meal_kitchens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_orders" ADD CONSTRAINT "meal_orders_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_orders" ADD CONSTRAINT "meal_orders_plan_id_meal_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."meal_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_orders" ADD CONSTRAINT "meal_orders_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_orders" ADD CONSTRAINT "meal_orders_kitchen_id_meal_kitchens_id_fk" FOREIGN KEY ("kitchen_id") REFERENCES "public"."meal_kitchens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_orders" ADD CONSTRAINT "meal_orders_route_id_meal_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."meal_routes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_orders" ADD CONSTRAINT "meal_orders_run_id_meal_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."meal_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_orders" ADD CONSTRAINT "meal_orders_outcome_by_users_id_fk" FOREIGN KEY ("outcome_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_orders" ADD CONSTRAINT "meal_orders_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_plans" ADD CONSTRAINT "meal_plans_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_plans" ADD CONSTRAINT "meal_plans_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_plans" ADD CONSTRAINT "meal_plans_kitchen_id_meal_kitchens_id_fk" FOREIGN KEY ("kitchen_id") REFERENCES "public"."meal_kitchens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_plans" ADD CONSTRAINT "meal_plans_route_id_meal_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."meal_routes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_route_stops" ADD CONSTRAINT "meal_route_stops_route_id_meal_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."meal_routes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_route_stops" ADD CONSTRAINT "meal_route_stops_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_routes" ADD CONSTRAINT "meal_routes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_routes" ADD CONSTRAINT "meal_routes_kitchen_id_meal_kitchens_id_fk" FOREIGN KEY ("kitchen_id") REFERENCES "public"."meal_kitchens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_routes" ADD CONSTRAINT "meal_routes_runner_user_id_users_id_fk" FOREIGN KEY ("runner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_runs" ADD CONSTRAINT "meal_runs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_runs" ADD CONSTRAINT "meal_runs_route_id_meal_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."meal_routes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_runs" ADD CONSTRAINT "meal_runs_runner_user_id_users_id_fk" FOREIGN KEY ("runner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_runs" ADD CONSTRAINT "meal_runs_transfer_id_tb_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."tb_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meal_kitchens_tenant_idx" ON "meal_kitchens" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meal_menus_pk" ON "meal_menus" USING btree ("kitchen_id","date","meal");--> statement-breakpoint
CREATE UNIQUE INDEX "meal_orders_plan_day_meal_uq" ON "meal_orders" USING btree ("plan_id","date","meal");--> statement-breakpoint
CREATE INDEX "meal_orders_tenant_date_idx" ON "meal_orders" USING btree ("tenant_id","date");--> statement-breakpoint
CREATE INDEX "meal_orders_run_idx" ON "meal_orders" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "meal_plans_tenant_idx" ON "meal_plans" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "meal_plans_resident_idx" ON "meal_plans" USING btree ("resident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meal_plans_code_uq" ON "meal_plans" USING btree ("tenant_id","pickup_code");--> statement-breakpoint
CREATE UNIQUE INDEX "meal_route_stops_pk" ON "meal_route_stops" USING btree ("route_id","resident_id");--> statement-breakpoint
CREATE INDEX "meal_routes_tenant_idx" ON "meal_routes" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meal_runs_route_day_uq" ON "meal_runs" USING btree ("route_id","date","meal");--> statement-breakpoint
CREATE INDEX "meal_runs_runner_idx" ON "meal_runs" USING btree ("runner_user_id","date");