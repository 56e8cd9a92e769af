CREATE TABLE `outbox_owners` (
	`id` text PRIMARY KEY NOT NULL,
	`heartbeat_at` integer NOT NULL,
	`started_at` integer NOT NULL
);
--> statement-breakpoint
DROP INDEX `deliveries_status_next`;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `target_workspace` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `owner` text;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `sending_since` integer;--> statement-breakpoint
ALTER TABLE `deliveries` ADD `interrupted_at` integer;--> statement-breakpoint
CREATE INDEX `deliveries_pending_platform` ON `deliveries` (`platform`,`next_attempt_at`) WHERE "deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX `deliveries_pending_workspace` ON `deliveries` (`platform`,`target_workspace`,`next_attempt_at`) WHERE "deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX `deliveries_owner` ON `deliveries` (`owner`) WHERE "deliveries"."owner" is not null;--> statement-breakpoint
-- Hand-written: rows still to send learn their workspace (claims go by it); rows an older version left 'sending'
-- under its lease may have been mid-request, so they count as interrupted then (the claim time: lease start).
UPDATE `deliveries` SET `target_workspace` = coalesce(json_extract(`target`, '$.workspaceId'), '') WHERE `status` IN ('pending', 'sending');--> statement-breakpoint
UPDATE `deliveries` SET `status` = 'pending', `interrupted_at` = `next_attempt_at` - 300000 WHERE `status` = 'sending';
