-- Custom migration (drizzle-kit generate --custom): triggers keep member_days, member_stats.active_days and
-- workspace_member_stats in step with progress_events, member_stats, identities and members, inside the writing
-- transaction (docs/decisions/021-boards-and-team-from-kept-totals.md). Like 0006: inserts upsert, deletes only update
-- or delete, so purging a member (`forget`) cannot bring a row back.
-- What is already there, before the triggers (so the backfill does not fire them row by row).
INSERT INTO member_days (member_id, day) SELECT DISTINCT member_id, at / 86400000 FROM progress_events WHERE true
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
UPDATE member_stats SET active_days = (SELECT count(*) FROM member_days d WHERE d.member_id = member_stats.member_id);
--> statement-breakpoint
INSERT INTO workspace_member_stats (workspace_id, member_id, hidden, done_count, active_days, last_progress_at,
    joined_at)
  SELECT i.workspace_id, m.id, m.privacy = 'hide', coalesce(s.done_count, 0), coalesce(s.active_days, 0),
    s.last_progress_at, min(i.created_at)
  FROM identities i JOIN members m ON m.id = i.member_id LEFT JOIN member_stats s ON s.member_id = m.id
  GROUP BY i.workspace_id, m.id;
--> statement-breakpoint
CREATE TRIGGER `progress_event_day` AFTER INSERT ON `progress_events` BEGIN
  INSERT INTO member_days (member_id, day) VALUES (new.member_id, new.at / 86400000) ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
CREATE TRIGGER `progress_event_day_moved` AFTER UPDATE OF member_id ON `progress_events`
  WHEN old.member_id <> new.member_id BEGIN
  INSERT INTO member_days (member_id, day) VALUES (new.member_id, new.at / 86400000) ON CONFLICT DO NOTHING;
END;
--> statement-breakpoint
CREATE TRIGGER `member_day_added` AFTER INSERT ON `member_days` BEGIN
  INSERT INTO member_stats (member_id, active_days) VALUES (new.member_id, 1)
    ON CONFLICT (member_id) DO UPDATE SET active_days = active_days + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `member_day_removed` AFTER DELETE ON `member_days` BEGIN
  UPDATE member_stats SET active_days = active_days - 1 WHERE member_id = old.member_id;
END;
--> statement-breakpoint
CREATE TRIGGER `member_stats_added` AFTER INSERT ON `member_stats` BEGIN
  UPDATE workspace_member_stats SET done_count = new.done_count, active_days = new.active_days,
    last_progress_at = new.last_progress_at WHERE member_id = new.member_id;
END;
--> statement-breakpoint
CREATE TRIGGER `member_stats_changed` AFTER UPDATE ON `member_stats` BEGIN
  UPDATE workspace_member_stats SET done_count = new.done_count, active_days = new.active_days,
    last_progress_at = new.last_progress_at WHERE member_id = new.member_id;
END;
--> statement-breakpoint
CREATE TRIGGER `identity_added` AFTER INSERT ON `identities` BEGIN
  INSERT INTO workspace_member_stats (workspace_id, member_id, hidden, done_count, active_days, last_progress_at,
      joined_at)
    SELECT new.workspace_id, m.id, m.privacy = 'hide', coalesce(s.done_count, 0), coalesce(s.active_days, 0),
      s.last_progress_at, new.created_at
    FROM members m LEFT JOIN member_stats s ON s.member_id = m.id WHERE m.id = new.member_id
    ON CONFLICT (workspace_id, member_id) DO UPDATE SET joined_at = min(joined_at, excluded.joined_at);
END;
--> statement-breakpoint
-- A link re-points identities at the surviving member: the old (workspace, member) row goes when it has no identity
-- left there, the new one comes as on an insert. An identity is never deleted but with its member (`forget`), whose
-- rows go by the cascade: no trigger on delete, so the purge finds and reports every row it removes.
CREATE TRIGGER `identity_moved` AFTER UPDATE OF workspace_id, member_id, created_at ON `identities` BEGIN
  DELETE FROM workspace_member_stats WHERE workspace_id = old.workspace_id AND member_id = old.member_id
    AND NOT EXISTS (SELECT 1 FROM identities WHERE workspace_id = old.workspace_id AND member_id = old.member_id);
  UPDATE workspace_member_stats SET joined_at = (SELECT min(created_at) FROM identities
      WHERE workspace_id = old.workspace_id AND member_id = old.member_id)
    WHERE workspace_id = old.workspace_id AND member_id = old.member_id;
  INSERT INTO workspace_member_stats (workspace_id, member_id, hidden, done_count, active_days, last_progress_at,
      joined_at)
    SELECT new.workspace_id, m.id, m.privacy = 'hide', coalesce(s.done_count, 0), coalesce(s.active_days, 0),
      s.last_progress_at, new.created_at
    FROM members m LEFT JOIN member_stats s ON s.member_id = m.id WHERE m.id = new.member_id
    ON CONFLICT (workspace_id, member_id) DO UPDATE SET joined_at = min(joined_at, excluded.joined_at);
END;
--> statement-breakpoint
CREATE TRIGGER `member_privacy_changed` AFTER UPDATE OF privacy ON `members` BEGIN
  UPDATE workspace_member_stats SET hidden = new.privacy = 'hide' WHERE member_id = new.id;
END;
