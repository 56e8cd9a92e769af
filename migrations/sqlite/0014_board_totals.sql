CREATE TABLE `member_days` (
	`member_id` integer NOT NULL,
	`day` integer NOT NULL,
	PRIMARY KEY(`member_id`, `day`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `workspace_member_stats` (
	`workspace_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`hidden` integer DEFAULT 0 NOT NULL,
	`done_count` integer DEFAULT 0 NOT NULL,
	`active_days` integer DEFAULT 0 NOT NULL,
	`last_progress_at` integer,
	`joined_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `member_id`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `workspace_member_stats_rank` ON `workspace_member_stats` (`workspace_id`,`hidden`,"done_count" desc,"active_days" desc,`member_id`);--> statement-breakpoint
CREATE INDEX `workspace_member_stats_idle` ON `workspace_member_stats` (`workspace_id`,`hidden`,`last_progress_at`,`joined_at`);--> statement-breakpoint
CREATE INDEX `workspace_member_stats_member` ON `workspace_member_stats` (`member_id`);--> statement-breakpoint
ALTER TABLE `member_stats` ADD `active_days` integer DEFAULT 0 NOT NULL;