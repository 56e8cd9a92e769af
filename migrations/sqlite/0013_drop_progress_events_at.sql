-- progress_events_at_member (at, member_id) serves every lookup by time, min(at) included: the index on at alone
-- only cost a write per event and 15% of the benchmark's file (docs/decisions/020).
DROP INDEX `progress_events_at`;
