-- Custom migration (drizzle-kit generate --custom): triggers keep workspace_member_days and
-- workspace_period_points.days in step with progress_events and workspace_member_stats, inside the writing transaction
-- (docs/decisions/032-boards-tie-break-on-kept-local-days.md). A local day is an event's time plus its workspace
-- zone's offset then (zone_offsets), in days since 1970-01-01; a zone with no rows yet counts nothing, and the store
-- recounts the workspace once it has written them (workspaces.days_zone). Nothing is backfilled here: SQL has no zone
-- database, so every existing workspace is recounted by the store when it next opens the file.
-- UTC, every new workspace's zone, needs no runtime to know its offsets.
INSERT INTO zone_offsets (zone, from_at, offset_ms) VALUES ('UTC', 0, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER `progress_event_workspace_day` AFTER INSERT ON `progress_events` BEGIN
  INSERT INTO workspace_member_days (workspace_id, member_id, day)
    SELECT x.workspace_id, new.member_id, x.day FROM (
      SELECT w.workspace_id, (new.at + (SELECT z.offset_ms FROM zone_offsets z WHERE z.zone = s.time_zone
          AND z.from_at <= new.at ORDER BY z.from_at DESC LIMIT 1)) / 86400000 AS day
      FROM workspace_member_stats w JOIN workspaces s ON s.id = w.workspace_id WHERE w.member_id = new.member_id) x
    WHERE x.day IS NOT NULL
    ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
-- A link moves a member's events to the surviving member: their days come along (the absorbed member's go with them).
CREATE TRIGGER `progress_event_workspace_day_moved` AFTER UPDATE OF member_id ON `progress_events`
  WHEN old.member_id <> new.member_id BEGIN
  INSERT INTO workspace_member_days (workspace_id, member_id, day)
    SELECT x.workspace_id, new.member_id, x.day FROM (
      SELECT w.workspace_id, (new.at + (SELECT z.offset_ms FROM zone_offsets z WHERE z.zone = s.time_zone
          AND z.from_at <= new.at ORDER BY z.from_at DESC LIMIT 1)) / 86400000 AS day
      FROM workspace_member_stats w JOIN workspaces s ON s.id = w.workspace_id WHERE w.member_id = new.member_id) x
    WHERE x.day IS NOT NULL
    ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
-- A new day counts once in its local week (from Monday) and once in its local month, on the row named by the period's
-- first day: the same number as the UTC bucket the board reads for that period (queries/period-buckets.ts).
CREATE TRIGGER `workspace_member_day_added` AFTER INSERT ON `workspace_member_days` BEGIN
  INSERT INTO workspace_period_points (workspace_id, member_id, kind, start_day, hidden, points, days)
    SELECT new.workspace_id, new.member_id, k.kind, CASE k.kind
        WHEN 'week' THEN new.day - (new.day + 3) % 7
        ELSE CAST(julianday(date(new.day * 86400, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER) END,
      w.hidden, 0, 1
    FROM workspace_member_stats w CROSS JOIN (SELECT 'week' AS kind UNION ALL SELECT 'month') k
    WHERE w.workspace_id = new.workspace_id AND w.member_id = new.member_id
    ON CONFLICT (workspace_id, kind, start_day, member_id) DO UPDATE SET days = days + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_member_day_removed` AFTER DELETE ON `workspace_member_days` BEGIN
  UPDATE workspace_period_points SET days = days - 1
    WHERE member_id = old.member_id AND workspace_id = old.workspace_id AND (
      (kind = 'week' AND start_day = old.day - (old.day + 3) % 7)
      OR (kind = 'month'
        AND start_day = CAST(julianday(date(old.day * 86400, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER)));
END;
--> statement-breakpoint
-- A member arriving in a workspace brings their buckets there (0018) and, after them, their local days there: in one
-- trigger, because the days land on the bucket rows the first part deletes and rebuilds.
DROP TRIGGER `workspace_member_periods_added`;
--> statement-breakpoint
CREATE TRIGGER `workspace_member_periods_added` AFTER INSERT ON `workspace_member_stats` BEGIN
  DELETE FROM workspace_member_days WHERE workspace_id = new.workspace_id AND member_id = new.member_id;
  DELETE FROM workspace_period_points WHERE member_id = new.member_id AND workspace_id = new.workspace_id;
  INSERT INTO workspace_period_points (workspace_id, member_id, kind, start_day, hidden, points)
    SELECT new.workspace_id, new.member_id, k.kind, CASE k.kind
        WHEN 'week' THEN p.updated_at / 86400000 - (p.updated_at / 86400000 + 3) % 7
        ELSE CAST(julianday(date(p.updated_at / 1000, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER) END,
      new.hidden, count(*)
    FROM progress p CROSS JOIN (SELECT 'week' AS kind UNION ALL SELECT 'month') k
    WHERE p.member_id = new.member_id AND p.state = 'done'
    GROUP BY 3, 4;
  INSERT INTO workspace_member_days (workspace_id, member_id, day)
    SELECT DISTINCT new.workspace_id, new.member_id, x.day FROM (
      SELECT (e.at + (SELECT z.offset_ms FROM zone_offsets z
          WHERE z.zone = (SELECT time_zone FROM workspaces WHERE id = new.workspace_id) AND z.from_at <= e.at
          ORDER BY z.from_at DESC LIMIT 1)) / 86400000 AS day
      FROM progress_events e WHERE e.member_id = new.member_id) x
    WHERE x.day IS NOT NULL
    ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
-- A link re-pointing a member's last identity in a workspace takes their days there away, as 0018 does their buckets.
CREATE TRIGGER `identity_moved_days` AFTER UPDATE OF workspace_id, member_id ON `identities` BEGIN
  DELETE FROM workspace_member_days WHERE member_id = old.member_id AND workspace_id = old.workspace_id
    AND NOT EXISTS (SELECT 1 FROM identities WHERE workspace_id = old.workspace_id AND member_id = old.member_id);
END;
