CREATE TABLE `channel_posts` (
	`workspace_id` integer NOT NULL,
	`channel_id` text NOT NULL,
	`posted_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `channel_id`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `workspaces` ADD `board_posts` text DEFAULT 'admins' NOT NULL;