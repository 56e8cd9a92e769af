CREATE TABLE `slack_installations` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text,
	`enterprise_id` text,
	`is_enterprise_install` integer DEFAULT false NOT NULL,
	`bot_user_id` text,
	`sealed` text NOT NULL,
	`installed_at` integer NOT NULL
);
