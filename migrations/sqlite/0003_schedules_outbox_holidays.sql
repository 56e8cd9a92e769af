CREATE TABLE `deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`schedule_id` integer,
	`platform` text NOT NULL,
	`target` text NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`nonce` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`possible_duplicate` integer DEFAULT false NOT NULL,
	`due_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`schedule_id`) REFERENCES `schedules`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_key` ON `deliveries` (`key`);--> statement-breakpoint
CREATE INDEX `deliveries_status_next` ON `deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `holidays` (
	`workspace_id` integer NOT NULL,
	`date` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `date`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `schedules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`workspace_id` integer NOT NULL,
	`member_id` integer,
	`identity_id` integer,
	`channel_id` text,
	`local_time` text NOT NULL,
	`time_zone` text NOT NULL,
	`days` integer NOT NULL,
	`paused_until` integer,
	`paused_reason` text,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`next_due_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`identity_id`) REFERENCES `identities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `schedules_next_due` ON `schedules` (`next_due_at`);--> statement-breakpoint
CREATE INDEX `schedules_member` ON `schedules` (`member_id`);--> statement-breakpoint
CREATE INDEX `schedules_workspace` ON `schedules` (`workspace_id`);