CREATE TABLE "workspace_period_points" (
	"workspace_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"kind" text NOT NULL,
	"start_day" integer NOT NULL,
	"hidden" integer DEFAULT 0 NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "workspace_period_points_workspace_id_kind_start_day_member_id_pk" PRIMARY KEY("workspace_id","kind","start_day","member_id")
);
--> statement-breakpoint
ALTER TABLE "workspace_period_points" ADD CONSTRAINT "workspace_period_points_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_period_points" ADD CONSTRAINT "workspace_period_points_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workspace_period_points_rank" ON "workspace_period_points" USING btree ("workspace_id","kind","start_day","hidden","points" DESC NULLS LAST,"member_id");--> statement-breakpoint
CREATE INDEX "workspace_period_points_member" ON "workspace_period_points" USING btree ("member_id","kind","start_day");