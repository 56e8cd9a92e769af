-- Custom migration (drizzle-kit generate --custom): member_stats reaches workspace_member_stats one column at a time
-- (docs/decisions/026). The trigger of 0015 copied all three totals on any update of member_stats, so a progress event
-- (which moves only last_progress_at) also rewrote the entries of the rank index (done_count, active_days), and a
-- done (only done_count) those of the idle index (last_progress_at): index pages every write paid for and committed.
-- PostgreSQL keeps its trigger: an update there writes a whole new row version whichever columns change.
DROP TRIGGER `member_stats_changed`;
--> statement-breakpoint
CREATE TRIGGER `member_stats_done_changed` AFTER UPDATE OF done_count ON `member_stats`
  WHEN old.done_count <> new.done_count BEGIN
  UPDATE workspace_member_stats SET done_count = new.done_count WHERE member_id = new.member_id;
END;
--> statement-breakpoint
CREATE TRIGGER `member_stats_days_changed` AFTER UPDATE OF active_days ON `member_stats`
  WHEN old.active_days <> new.active_days BEGIN
  UPDATE workspace_member_stats SET active_days = new.active_days WHERE member_id = new.member_id;
END;
--> statement-breakpoint
CREATE TRIGGER `member_stats_last_changed` AFTER UPDATE OF last_progress_at ON `member_stats`
  WHEN old.last_progress_at IS NOT new.last_progress_at BEGIN
  UPDATE workspace_member_stats SET last_progress_at = new.last_progress_at WHERE member_id = new.member_id;
END;
