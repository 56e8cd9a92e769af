// The team view's aggregates: who is furthest along, how many are visible, who has not moved lately. SQL, not loops,
// over member_stats (kept by triggers), so the view reads per-member totals instead of recounting progress.
import type { TeamMember, TeamQueries } from '../port.ts';
import type { Runner } from '../sql/database.ts';

// Hidden members are left out here, in SQL, so nothing about them reaches the view.
const VISIBLE = `m.privacy <> 'hide'`;
const NAME = `(select display_name from identities n where n.member_id = m.id and n.workspace_id = @ws order by n.id
  limit 1)`;
const IN_WORKSPACE = `exists (select 1 from identities i where i.member_id = m.id and i.workspace_id = @ws)`;
// Joined before `since` and no progress event since then (a member with none at all has not moved either).
const IDLE = `i.created_at < @since and coalesce(s.last_progress_at, 0) < @since`;

// Walks member_stats_done from the top, so it stops after `limit` members of this workspace.
const LEADERS = `
  select m.id as "memberId", ${NAME} as "name", m.privacy as "privacy", s.done_count as "done" from member_stats s
    join members m on m.id = s.member_id
  where s.done_count > 0 and ${VISIBLE} and ${IN_WORKSPACE} order by s.done_count desc, s.member_id limit @limit`;
const HEADCOUNT = `
  select count(distinct case when ${VISIBLE} then m.id end) as "visible", count(distinct case when ${VISIBLE}
    and ${IDLE} then m.id end) as "idle",
    count(distinct case when not ${VISIBLE} and s.done_count > 0 then m.id end) as "hiddenDone"
  from identities i join members m on m.id = i.member_id left join member_stats s on s.member_id = m.id
  where i.workspace_id = @ws`;
const IDLE_MEMBERS = `
  select distinct m.id as "memberId", ${NAME} as "name", m.privacy as "privacy"
  from identities i join members m on m.id = i.member_id left join member_stats s on s.member_id = m.id
  where i.workspace_id = @ws and ${VISIBLE} and ${IDLE} order by m.id limit @limit`;

export function teamQueries(r: Runner): TeamQueries {
  return {
    furthestAlong: (workspaceId, limit) => r.all<TeamMember & { done: number }>(LEADERS, { ws: workspaceId, limit }),
    async headcount(workspaceId, since) {
      return (await r.get<{ visible: number; idle: number; hiddenDone: number }>(HEADCOUNT, {
        ws: workspaceId,
        since,
      }))!;
    },
    idleSince: (workspaceId, since, limit) => r.all<TeamMember>(IDLE_MEMBERS, { ws: workspaceId, since, limit }),
  };
}
