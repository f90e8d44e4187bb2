CREATE TABLE "hub_instances" (
	"hub_id" text PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"heartbeat_at" timestamp with time zone NOT NULL,
	"taken_over_by" text,
	"taken_over_at" timestamp with time zone
);
