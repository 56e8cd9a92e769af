-- Custom migration (drizzle-kit generate --custom): triggers keep workspace_counts in step with
-- workspace_member_stats, inside the writing transaction (docs/decisions/023-period-boards-from-utc-buckets.md). Each
-- change adds the row's new flags and takes away its old ones: visible (hidden = 0), a visible scorer (and
-- done_count > 0), a hidden scorer (hidden = 1 and done_count > 0).
-- What is already there, before the triggers.
INSERT INTO workspace_counts (workspace_id, visible, visible_scorers, hidden_scorers)
  SELECT workspace_id, sum(hidden = 0), sum(hidden = 0 AND done_count > 0), sum(hidden = 1 AND done_count > 0)
  FROM workspace_member_stats GROUP BY workspace_id;
--> statement-breakpoint
CREATE TRIGGER `workspace_counts_added` AFTER INSERT ON `workspace_member_stats` BEGIN
  INSERT INTO workspace_counts (workspace_id, visible, visible_scorers, hidden_scorers)
    VALUES (new.workspace_id, new.hidden = 0, new.hidden = 0 AND new.done_count > 0,
      new.hidden = 1 AND new.done_count > 0)
    ON CONFLICT (workspace_id) DO UPDATE SET visible = visible + excluded.visible,
      visible_scorers = visible_scorers + excluded.visible_scorers,
      hidden_scorers = hidden_scorers + excluded.hidden_scorers;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_counts_removed` AFTER DELETE ON `workspace_member_stats` BEGIN
  UPDATE workspace_counts SET visible = visible - (old.hidden = 0),
      visible_scorers = visible_scorers - (old.hidden = 0 AND old.done_count > 0),
      hidden_scorers = hidden_scorers - (old.hidden = 1 AND old.done_count > 0)
    WHERE workspace_id = old.workspace_id;
END;
--> statement-breakpoint
-- Only when a flag changes: most writes change done_count without crossing zero, and leave the counts alone.
CREATE TRIGGER `workspace_counts_changed` AFTER UPDATE OF hidden, done_count ON `workspace_member_stats`
  WHEN old.hidden <> new.hidden OR (old.done_count > 0) <> (new.done_count > 0) BEGIN
  UPDATE workspace_counts SET visible = visible + (new.hidden = 0) - (old.hidden = 0),
      visible_scorers = visible_scorers + (new.hidden = 0 AND new.done_count > 0)
        - (old.hidden = 0 AND old.done_count > 0),
      hidden_scorers = hidden_scorers + (new.hidden = 1 AND new.done_count > 0)
        - (old.hidden = 1 AND old.done_count > 0)
    WHERE workspace_id = new.workspace_id;
END;
