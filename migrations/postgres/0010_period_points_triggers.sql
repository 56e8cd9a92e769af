-- Custom migration (drizzle-kit generate --custom): plpgsql triggers keep workspace_period_points in step with
-- progress and workspace_member_stats, exactly as SQLite's (migrations/sqlite, 0018) do
-- (docs/decisions/023-period-boards-from-utc-buckets.md). A bucket is a UTC week from Monday ('week') or a UTC calendar
-- month ('month'), named by its first day in days since 1970-01-01.
CREATE FUNCTION period_start_day(kind text, at bigint) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE kind WHEN 'week' THEN (at / 86400000 - (at / 86400000 + 3) % 7)::integer
    ELSE (date_trunc('month', to_timestamp(at / 1000.0) AT TIME ZONE 'UTC')::date - DATE '1970-01-01') END
$$;
--> statement-breakpoint
-- What is already there, before the triggers (so the backfill does not fire them row by row).
INSERT INTO workspace_period_points (workspace_id, member_id, kind, start_day, hidden, points)
  SELECT w.workspace_id, w.member_id, k.kind, period_start_day(k.kind, p.updated_at), w.hidden, count(*)
  FROM workspace_member_stats w JOIN progress p ON p.member_id = w.member_id AND p.state = 'done'
    CROSS JOIN (VALUES ('week'), ('month')) k(kind)
  GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
CREATE FUNCTION progress_period_points() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND old.state = 'done' THEN
    UPDATE workspace_period_points SET points = points - 1 WHERE member_id = old.member_id AND (
      (kind = 'week' AND start_day = period_start_day('week', old.updated_at))
      OR (kind = 'month' AND start_day = period_start_day('month', old.updated_at)));
  END IF;
  IF TG_OP <> 'DELETE' AND new.state = 'done' THEN
    INSERT INTO workspace_period_points (workspace_id, member_id, kind, start_day, hidden, points)
      SELECT w.workspace_id, w.member_id, k.kind, period_start_day(k.kind, new.updated_at), w.hidden, 1
      FROM workspace_member_stats w CROSS JOIN (VALUES ('week'), ('month')) k(kind)
      WHERE w.member_id = new.member_id
      ON CONFLICT (workspace_id, kind, start_day, member_id) DO UPDATE
      SET points = workspace_period_points.points + 1;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER progress_period_done_inserted AFTER INSERT ON progress
  FOR EACH ROW WHEN (new.state = 'done') EXECUTE FUNCTION progress_period_points();
--> statement-breakpoint
CREATE TRIGGER progress_period_done_deleted AFTER DELETE ON progress
  FOR EACH ROW WHEN (old.state = 'done') EXECUTE FUNCTION progress_period_points();
--> statement-breakpoint
-- A topic done again moves its point to the bucket of its new time; a link moves it to the surviving member.
CREATE TRIGGER progress_period_done_updated AFTER UPDATE OF state, member_id, updated_at ON progress
  FOR EACH ROW WHEN (old.state = 'done' OR new.state = 'done') EXECUTE FUNCTION progress_period_points();
--> statement-breakpoint
-- A member arriving in a workspace (a new identity, or a link's survivor) brings their buckets there, recounted.
CREATE FUNCTION workspace_member_periods() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM workspace_period_points WHERE member_id = new.member_id AND workspace_id = new.workspace_id;
  INSERT INTO workspace_period_points (workspace_id, member_id, kind, start_day, hidden, points)
    SELECT new.workspace_id, new.member_id, k.kind, period_start_day(k.kind, p.updated_at), new.hidden, count(*)
    FROM progress p CROSS JOIN (VALUES ('week'), ('month')) k(kind)
    WHERE p.member_id = new.member_id AND p.state = 'done'
    GROUP BY 3, 4;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER workspace_member_periods_added AFTER INSERT ON workspace_member_stats
  FOR EACH ROW EXECUTE FUNCTION workspace_member_periods();
--> statement-breakpoint
-- A link re-pointing a member's last identity in a workspace takes their buckets there away, as the identities trigger
-- of 0007 does their workspace_member_stats row. Not a trigger on deleting that row: `forget` deletes it too, and its
-- purge finds, deletes and reports every row itself.
CREATE FUNCTION identity_moved_periods() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM workspace_period_points WHERE member_id = old.member_id AND workspace_id = old.workspace_id
    AND NOT EXISTS (SELECT 1 FROM identities WHERE workspace_id = old.workspace_id AND member_id = old.member_id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER identity_moved_periods AFTER UPDATE OF workspace_id, member_id ON identities
  FOR EACH ROW EXECUTE FUNCTION identity_moved_periods();
--> statement-breakpoint
CREATE FUNCTION workspace_member_periods_hidden() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE workspace_period_points SET hidden = new.hidden
    WHERE member_id = new.member_id AND workspace_id = new.workspace_id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER workspace_member_periods_hidden AFTER UPDATE OF hidden ON workspace_member_stats
  FOR EACH ROW WHEN (old.hidden <> new.hidden) EXECUTE FUNCTION workspace_member_periods_hidden();
