CREATE TABLE `member_stats` (
	`member_id` integer PRIMARY KEY NOT NULL,
	`done_count` integer DEFAULT 0 NOT NULL,
	`last_progress_at` integer,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `member_stats_done` ON `member_stats` ("done_count" desc,`member_id`);--> statement-breakpoint
DROP INDEX `progress_done_member`;