CREATE TABLE "workspace_member_days" (
	"workspace_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"day" integer NOT NULL,
	CONSTRAINT "workspace_member_days_workspace_id_member_id_day_pk" PRIMARY KEY("workspace_id","member_id","day")
);
--> statement-breakpoint
CREATE TABLE "zone_offsets" (
	"zone" text NOT NULL,
	"from_at" bigint NOT NULL,
	"offset_ms" integer NOT NULL,
	CONSTRAINT "zone_offsets_zone_from_at_pk" PRIMARY KEY("zone","from_at")
);
--> statement-breakpoint
DROP INDEX "workspace_period_points_rank";--> statement-breakpoint
ALTER TABLE "workspace_period_points" ADD COLUMN "days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "days_zone" text;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "days_from" bigint;--> statement-breakpoint
ALTER TABLE "workspace_member_days" ADD CONSTRAINT "workspace_member_days_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_member_days" ADD CONSTRAINT "workspace_member_days_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workspace_period_points_rank" ON "workspace_period_points" USING btree ("workspace_id","kind","start_day","hidden","points" DESC NULLS LAST,"member_id","days");