-- Custom migration (drizzle-kit generate --custom): plpgsql triggers keep member_stats in step with progress and
-- progress_events inside the writing transaction, exactly as SQLite's (migrations/sqlite, 0006) do, trigger for
-- trigger and under the same conditions (docs/decisions/013-member-stats-on-postgresql.md). Inserts upsert the row;
-- deletes only update it, so purging a member (`forget`) cannot bring a deleted row back. No backfill: on
-- PostgreSQL these triggers exist from the first migration on, before any row.
CREATE FUNCTION member_stats_done_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    IF old.state = 'done' THEN
      UPDATE member_stats SET done_count = done_count - 1 WHERE member_id = old.member_id;
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF new.state = 'done' THEN
      INSERT INTO member_stats (member_id, done_count) VALUES (new.member_id, 1)
        ON CONFLICT (member_id) DO UPDATE SET done_count = member_stats.done_count + 1;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER progress_done_inserted AFTER INSERT ON progress
  FOR EACH ROW WHEN (new.state = 'done') EXECUTE FUNCTION member_stats_done_changed();
--> statement-breakpoint
CREATE TRIGGER progress_done_deleted AFTER DELETE ON progress
  FOR EACH ROW WHEN (old.state = 'done') EXECUTE FUNCTION member_stats_done_changed();
--> statement-breakpoint
CREATE TRIGGER progress_done_updated AFTER UPDATE OF state, member_id ON progress
  FOR EACH ROW WHEN ((old.state = 'done') <> (new.state = 'done') OR (new.state = 'done' AND old.member_id <> new.member_id))
  EXECUTE FUNCTION member_stats_done_changed();
--> statement-breakpoint
-- greatest() skips nulls: max(coalesce(last_progress_at, new), new) in SQLite's words.
CREATE FUNCTION member_stats_event_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO member_stats (member_id, last_progress_at) VALUES (new.member_id, new.at)
    ON CONFLICT (member_id) DO UPDATE
    SET last_progress_at = greatest(member_stats.last_progress_at, excluded.last_progress_at);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER progress_event_inserted AFTER INSERT ON progress_events
  FOR EACH ROW EXECUTE FUNCTION member_stats_event_added();
--> statement-breakpoint
CREATE TRIGGER progress_event_moved AFTER UPDATE OF member_id ON progress_events
  FOR EACH ROW WHEN (old.member_id <> new.member_id) EXECUTE FUNCTION member_stats_event_added();
