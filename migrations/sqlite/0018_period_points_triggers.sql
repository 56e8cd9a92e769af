-- Custom migration (drizzle-kit generate --custom): triggers keep workspace_period_points in step with progress and
-- workspace_member_stats, inside the writing transaction (docs/decisions/023-period-boards-from-utc-buckets.md).
-- A bucket is a UTC week from Monday (kind 'week') or a UTC calendar month ('month'), named by its first day in days
-- since 1970-01-01. Like 0006 and 0015: inserts upsert, deletes only update or delete, so purging a member (`forget`)
-- cannot bring a row back.
-- What is already there, before the triggers (so the backfill does not fire them row by row).
INSERT INTO workspace_period_points (workspace_id, member_id, kind, start_day, hidden, points)
  SELECT w.workspace_id, w.member_id, k.kind, CASE k.kind
      WHEN 'week' THEN p.updated_at / 86400000 - (p.updated_at / 86400000 + 3) % 7
      ELSE CAST(julianday(date(p.updated_at / 1000, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER) END,
    w.hidden, count(*)
  FROM workspace_member_stats w JOIN progress p ON p.member_id = w.member_id AND p.state = 'done'
    CROSS JOIN (SELECT 'week' AS kind UNION ALL SELECT 'month') k
  GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
CREATE TRIGGER `progress_period_done_inserted` AFTER INSERT ON `progress` WHEN new.state = 'done' BEGIN
  INSERT INTO workspace_period_points (workspace_id, member_id, kind, start_day, hidden, points)
    SELECT w.workspace_id, w.member_id, k.kind, CASE k.kind
        WHEN 'week' THEN new.updated_at / 86400000 - (new.updated_at / 86400000 + 3) % 7
        ELSE CAST(julianday(date(new.updated_at / 1000, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER) END,
      w.hidden, 1
    FROM workspace_member_stats w CROSS JOIN (SELECT 'week' AS kind UNION ALL SELECT 'month') k
    WHERE w.member_id = new.member_id
    ON CONFLICT (workspace_id, kind, start_day, member_id) DO UPDATE SET points = points + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `progress_period_done_deleted` AFTER DELETE ON `progress` WHEN old.state = 'done' BEGIN
  UPDATE workspace_period_points SET points = points - 1 WHERE member_id = old.member_id AND (
    (kind = 'week' AND start_day = old.updated_at / 86400000 - (old.updated_at / 86400000 + 3) % 7)
    OR (kind = 'month' AND start_day
      = CAST(julianday(date(old.updated_at / 1000, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER)));
END;
--> statement-breakpoint
-- A topic done again moves its point to the bucket of its new time; a link moves it to the surviving member.
CREATE TRIGGER `progress_period_done_updated` AFTER UPDATE OF state, member_id, updated_at ON `progress`
  WHEN old.state = 'done' OR new.state = 'done' BEGIN
  UPDATE workspace_period_points SET points = points - 1 WHERE old.state = 'done' AND member_id = old.member_id AND (
    (kind = 'week' AND start_day = old.updated_at / 86400000 - (old.updated_at / 86400000 + 3) % 7)
    OR (kind = 'month' AND start_day
      = CAST(julianday(date(old.updated_at / 1000, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER)));
  INSERT INTO workspace_period_points (workspace_id, member_id, kind, start_day, hidden, points)
    SELECT w.workspace_id, w.member_id, k.kind, CASE k.kind
        WHEN 'week' THEN new.updated_at / 86400000 - (new.updated_at / 86400000 + 3) % 7
        ELSE CAST(julianday(date(new.updated_at / 1000, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER) END,
      w.hidden, 1
    FROM workspace_member_stats w CROSS JOIN (SELECT 'week' AS kind UNION ALL SELECT 'month') k
    WHERE new.state = 'done' AND w.member_id = new.member_id
    ON CONFLICT (workspace_id, kind, start_day, member_id) DO UPDATE SET points = points + 1;
END;
--> statement-breakpoint
-- A member arriving in a workspace (a new identity, or a link's survivor) brings their buckets there, recounted.
CREATE TRIGGER `workspace_member_periods_added` AFTER INSERT ON `workspace_member_stats` BEGIN
  DELETE FROM workspace_period_points WHERE member_id = new.member_id AND workspace_id = new.workspace_id;
  INSERT INTO workspace_period_points (workspace_id, member_id, kind, start_day, hidden, points)
    SELECT new.workspace_id, new.member_id, k.kind, CASE k.kind
        WHEN 'week' THEN p.updated_at / 86400000 - (p.updated_at / 86400000 + 3) % 7
        ELSE CAST(julianday(date(p.updated_at / 1000, 'unixepoch', 'start of month')) - 2440587.5 AS INTEGER) END,
      new.hidden, count(*)
    FROM progress p CROSS JOIN (SELECT 'week' AS kind UNION ALL SELECT 'month') k
    WHERE p.member_id = new.member_id AND p.state = 'done'
    GROUP BY 3, 4;
END;
--> statement-breakpoint
-- A link re-pointing a member's last identity in a workspace takes their buckets there away, as identity_moved (0015)
-- does their workspace_member_stats row. Not a trigger on deleting that row: `forget` deletes it too, and its purge
-- finds, deletes and reports every row itself.
CREATE TRIGGER `identity_moved_periods` AFTER UPDATE OF workspace_id, member_id ON `identities` BEGIN
  DELETE FROM workspace_period_points WHERE member_id = old.member_id AND workspace_id = old.workspace_id
    AND NOT EXISTS (SELECT 1 FROM identities WHERE workspace_id = old.workspace_id AND member_id = old.member_id);
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_member_periods_hidden` AFTER UPDATE OF hidden ON `workspace_member_stats`
  WHEN old.hidden <> new.hidden BEGIN
  UPDATE workspace_period_points SET hidden = new.hidden
    WHERE member_id = new.member_id AND workspace_id = new.workspace_id;
END;
