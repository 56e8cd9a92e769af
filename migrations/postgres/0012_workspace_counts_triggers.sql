-- Custom migration (drizzle-kit generate --custom): a plpgsql trigger keeps workspace_counts in step with
-- workspace_member_stats, exactly as SQLite's (migrations/sqlite, 0020) do
-- (docs/decisions/023-period-boards-from-utc-buckets.md). Each change adds the row's new flags and takes away its old
-- ones: visible (hidden = 0), a visible scorer (and done_count > 0), a hidden scorer (hidden = 1 and done_count > 0).
-- What is already there, before the trigger.
INSERT INTO workspace_counts (workspace_id, visible, visible_scorers, hidden_scorers)
  SELECT workspace_id, count(*) FILTER (WHERE hidden = 0), count(*) FILTER (WHERE hidden = 0 AND done_count > 0),
    count(*) FILTER (WHERE hidden = 1 AND done_count > 0)
  FROM workspace_member_stats GROUP BY workspace_id;
--> statement-breakpoint
CREATE FUNCTION workspace_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ws integer := CASE WHEN TG_OP = 'DELETE' THEN old.workspace_id ELSE new.workspace_id END;
  dv integer := 0;
  dvs integer := 0;
  dhs integer := 0;
BEGIN
  IF TG_OP <> 'DELETE' THEN
    dv := (new.hidden = 0)::integer;
    dvs := (new.hidden = 0 AND new.done_count > 0)::integer;
    dhs := (new.hidden = 1 AND new.done_count > 0)::integer;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    dv := dv - (old.hidden = 0)::integer;
    dvs := dvs - (old.hidden = 0 AND old.done_count > 0)::integer;
    dhs := dhs - (old.hidden = 1 AND old.done_count > 0)::integer;
  END IF;
  -- Inserts upsert; the rest only update, so a workspace's rows going with it cannot bring its counts back.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO workspace_counts (workspace_id, visible, visible_scorers, hidden_scorers) VALUES (ws, dv, dvs, dhs)
      ON CONFLICT (workspace_id) DO UPDATE SET visible = workspace_counts.visible + excluded.visible,
        visible_scorers = workspace_counts.visible_scorers + excluded.visible_scorers,
        hidden_scorers = workspace_counts.hidden_scorers + excluded.hidden_scorers;
  ELSE
    UPDATE workspace_counts SET visible = visible + dv, visible_scorers = visible_scorers + dvs,
      hidden_scorers = hidden_scorers + dhs WHERE workspace_id = ws;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER workspace_counts_added AFTER INSERT ON workspace_member_stats
  FOR EACH ROW EXECUTE FUNCTION workspace_counts_changed();
--> statement-breakpoint
CREATE TRIGGER workspace_counts_removed AFTER DELETE ON workspace_member_stats
  FOR EACH ROW EXECUTE FUNCTION workspace_counts_changed();
--> statement-breakpoint
-- Only when a flag changes: most writes change done_count without crossing zero, and leave the counts alone.
CREATE TRIGGER workspace_counts_changed AFTER UPDATE OF hidden, done_count ON workspace_member_stats
  FOR EACH ROW WHEN (old.hidden <> new.hidden OR (old.done_count > 0) <> (new.done_count > 0))
  EXECUTE FUNCTION workspace_counts_changed();
