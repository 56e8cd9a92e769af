CREATE TABLE `seen_interactions` (
	`key` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `seen_interactions_expires` ON `seen_interactions` (`expires_at`);