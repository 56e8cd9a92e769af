CREATE TABLE "seen_interactions" (
	"key" text PRIMARY KEY NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "seen_interactions_expires" ON "seen_interactions" USING btree ("expires_at");