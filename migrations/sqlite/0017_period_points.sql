CREATE TABLE `workspace_period_points` (
	`workspace_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`kind` text NOT NULL,
	`start_day` integer NOT NULL,
	`hidden` integer DEFAULT 0 NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`workspace_id`, `kind`, `start_day`, `member_id`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `workspace_period_points_rank` ON `workspace_period_points` (`workspace_id`,`kind`,`start_day`,`hidden`,"points" desc,`member_id`);--> statement-breakpoint
CREATE INDEX `workspace_period_points_member` ON `workspace_period_points` (`member_id`,`kind`,`start_day`);