CREATE TABLE "member_days" (
	"member_id" integer NOT NULL,
	"day" integer NOT NULL,
	CONSTRAINT "member_days_member_id_day_pk" PRIMARY KEY("member_id","day")
);
--> statement-breakpoint
CREATE TABLE "workspace_member_stats" (
	"workspace_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"hidden" integer DEFAULT 0 NOT NULL,
	"done_count" integer DEFAULT 0 NOT NULL,
	"active_days" integer DEFAULT 0 NOT NULL,
	"last_progress_at" bigint,
	"joined_at" bigint NOT NULL,
	CONSTRAINT "workspace_member_stats_workspace_id_member_id_pk" PRIMARY KEY("workspace_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "member_stats" ADD COLUMN "active_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "member_days" ADD CONSTRAINT "member_days_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_member_stats" ADD CONSTRAINT "workspace_member_stats_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_member_stats" ADD CONSTRAINT "workspace_member_stats_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workspace_member_stats_rank" ON "workspace_member_stats" USING btree ("workspace_id","hidden","done_count" DESC NULLS LAST,"active_days" DESC NULLS LAST,"member_id");--> statement-breakpoint
CREATE INDEX "workspace_member_stats_idle" ON "workspace_member_stats" USING btree ("workspace_id","hidden","last_progress_at","joined_at");--> statement-breakpoint
CREATE INDEX "workspace_member_stats_member" ON "workspace_member_stats" USING btree ("member_id");