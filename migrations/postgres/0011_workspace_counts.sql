CREATE TABLE "workspace_counts" (
	"workspace_id" integer PRIMARY KEY NOT NULL,
	"visible" integer DEFAULT 0 NOT NULL,
	"visible_scorers" integer DEFAULT 0 NOT NULL,
	"hidden_scorers" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workspace_counts" ADD CONSTRAINT "workspace_counts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;