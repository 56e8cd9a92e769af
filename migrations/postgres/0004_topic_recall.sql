ALTER TABLE "topics" ADD COLUMN "recall" text DEFAULT '[]' NOT NULL;--> statement-breakpoint
-- Loaded roadmaps get their recall questions on the next content sync, which skips a file whose hash it has seen.
UPDATE "roadmaps" SET "source_hash" = '';