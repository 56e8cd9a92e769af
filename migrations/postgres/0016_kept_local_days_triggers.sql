-- Custom migration (drizzle-kit generate --custom): plpgsql triggers keep workspace_member_days and
-- workspace_period_points.days in step with progress_events and workspace_member_stats, exactly as SQLite's
-- (migrations/sqlite, 0025) do (docs/decisions/032-boards-tie-break-on-kept-local-days.md). The offsets come from
-- zone_offsets, written by the store from the runtime's zone data, not from PostgreSQL's own: both engines then cut
-- days where the bot's periods are cut. Nothing is backfilled here; the store recounts each workspace when it opens.
INSERT INTO zone_offsets (zone, from_at, offset_ms) VALUES ('UTC', 0, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- An instant's local day in a zone, in days since 1970-01-01; null for a zone with no offsets yet.
CREATE FUNCTION local_day(zone text, at bigint) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT ((at + z.offset_ms) / 86400000)::integer FROM zone_offsets z WHERE z.zone = local_day.zone
    AND z.from_at <= local_day.at ORDER BY z.from_at DESC LIMIT 1
$$;
--> statement-breakpoint
CREATE FUNCTION progress_event_workspace_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO workspace_member_days (workspace_id, member_id, day)
    SELECT x.workspace_id, new.member_id, x.day FROM (
      SELECT w.workspace_id, local_day(s.time_zone, new.at) AS day
      FROM workspace_member_stats w JOIN workspaces s ON s.id = w.workspace_id WHERE w.member_id = new.member_id) x
    WHERE x.day IS NOT NULL
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER progress_event_workspace_day AFTER INSERT ON progress_events
  FOR EACH ROW EXECUTE FUNCTION progress_event_workspace_days();
--> statement-breakpoint
CREATE TRIGGER progress_event_workspace_day_moved AFTER UPDATE OF member_id ON progress_events
  FOR EACH ROW WHEN (old.member_id <> new.member_id) EXECUTE FUNCTION progress_event_workspace_days();
--> statement-breakpoint
CREATE FUNCTION workspace_member_day_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO workspace_period_points (workspace_id, member_id, kind, start_day, hidden, points, days)
      SELECT new.workspace_id, new.member_id, k.kind, period_start_day(k.kind, new.day::bigint * 86400000), w.hidden,
        0, 1
      FROM workspace_member_stats w CROSS JOIN (VALUES ('week'), ('month')) k(kind)
      WHERE w.workspace_id = new.workspace_id AND w.member_id = new.member_id
      ON CONFLICT (workspace_id, kind, start_day, member_id) DO UPDATE SET days = workspace_period_points.days + 1;
  ELSE
    UPDATE workspace_period_points SET days = days - 1
      WHERE member_id = old.member_id AND workspace_id = old.workspace_id AND (
        (kind = 'week' AND start_day = period_start_day('week', old.day::bigint * 86400000))
        OR (kind = 'month' AND start_day = period_start_day('month', old.day::bigint * 86400000)));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER workspace_member_day_added AFTER INSERT ON workspace_member_days
  FOR EACH ROW EXECUTE FUNCTION workspace_member_day_counted();
--> statement-breakpoint
CREATE TRIGGER workspace_member_day_removed AFTER DELETE ON workspace_member_days
  FOR EACH ROW EXECUTE FUNCTION workspace_member_day_counted();
--> statement-breakpoint
-- A member arriving in a workspace brings their buckets there (0010) and, after them, their local days there.
CREATE OR REPLACE FUNCTION workspace_member_periods() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM workspace_member_days WHERE workspace_id = new.workspace_id AND member_id = new.member_id;
  DELETE FROM workspace_period_points WHERE member_id = new.member_id AND workspace_id = new.workspace_id;
  INSERT INTO workspace_period_points (workspace_id, member_id, kind, start_day, hidden, points)
    SELECT new.workspace_id, new.member_id, k.kind, period_start_day(k.kind, p.updated_at), new.hidden, count(*)
    FROM progress p CROSS JOIN (VALUES ('week'), ('month')) k(kind)
    WHERE p.member_id = new.member_id AND p.state = 'done'
    GROUP BY 3, 4;
  INSERT INTO workspace_member_days (workspace_id, member_id, day)
    SELECT DISTINCT new.workspace_id, new.member_id, x.day FROM (
      SELECT local_day((SELECT time_zone FROM workspaces WHERE id = new.workspace_id), e.at) AS day
      FROM progress_events e WHERE e.member_id = new.member_id) x
    WHERE x.day IS NOT NULL
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION identity_moved_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM workspace_member_days WHERE member_id = old.member_id AND workspace_id = old.workspace_id
    AND NOT EXISTS (SELECT 1 FROM identities WHERE workspace_id = old.workspace_id AND member_id = old.member_id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER identity_moved_days AFTER UPDATE OF workspace_id, member_id ON identities
  FOR EACH ROW EXECUTE FUNCTION identity_moved_days();
