-- Custom migration (drizzle-kit generate --custom): triggers keep member_stats in step with progress and
-- progress_events inside the writing transaction. Inserts upsert the row; deletes only update it, so purging a
-- member (`forget`) cannot bring a deleted row back.
CREATE TRIGGER `progress_done_inserted` AFTER INSERT ON `progress` WHEN new.state = 'done' BEGIN
  INSERT INTO member_stats (member_id, done_count) VALUES (new.member_id, 1)
    ON CONFLICT (member_id) DO UPDATE SET done_count = done_count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `progress_done_deleted` AFTER DELETE ON `progress` WHEN old.state = 'done' BEGIN
  UPDATE member_stats SET done_count = done_count - 1 WHERE member_id = old.member_id;
END;
--> statement-breakpoint
CREATE TRIGGER `progress_done_updated` AFTER UPDATE OF state, member_id ON `progress`
  WHEN (old.state = 'done') <> (new.state = 'done') OR (new.state = 'done' AND old.member_id <> new.member_id) BEGIN
  UPDATE member_stats SET done_count = done_count - 1 WHERE old.state = 'done' AND member_id = old.member_id;
  INSERT INTO member_stats (member_id, done_count) SELECT new.member_id, 1 WHERE new.state = 'done'
    ON CONFLICT (member_id) DO UPDATE SET done_count = done_count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `progress_event_inserted` AFTER INSERT ON `progress_events` BEGIN
  INSERT INTO member_stats (member_id, last_progress_at) VALUES (new.member_id, new.at)
    ON CONFLICT (member_id) DO UPDATE SET last_progress_at = max(coalesce(last_progress_at, excluded.last_progress_at), excluded.last_progress_at);
END;
--> statement-breakpoint
CREATE TRIGGER `progress_event_moved` AFTER UPDATE OF member_id ON `progress_events` WHEN old.member_id <> new.member_id BEGIN
  INSERT INTO member_stats (member_id, last_progress_at) VALUES (new.member_id, new.at)
    ON CONFLICT (member_id) DO UPDATE SET last_progress_at = max(coalesce(last_progress_at, excluded.last_progress_at), excluded.last_progress_at);
END;
--> statement-breakpoint
-- What is already there.
INSERT INTO member_stats (member_id, done_count, last_progress_at)
  SELECT m.id,
    (SELECT count(*) FROM progress p WHERE p.member_id = m.id AND p.state = 'done'),
    (SELECT max(at) FROM progress_events e WHERE e.member_id = m.id)
  FROM members m WHERE true
  ON CONFLICT (member_id) DO NOTHING;
