CREATE TABLE `workspace_counts` (
	`workspace_id` integer PRIMARY KEY NOT NULL,
	`visible` integer DEFAULT 0 NOT NULL,
	`visible_scorers` integer DEFAULT 0 NOT NULL,
	`hidden_scorers` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
