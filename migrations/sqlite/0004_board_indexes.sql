CREATE INDEX `progress_done_member` ON `progress` (`member_id`) WHERE "progress"."state" = 'done';--> statement-breakpoint
CREATE INDEX `progress_state_updated` ON `progress` (`state`,`updated_at`,`member_id`);--> statement-breakpoint
CREATE INDEX `progress_events_at_member` ON `progress_events` (`at`,`member_id`);