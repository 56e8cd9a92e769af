// The team view's aggregates: who is furthest along, how many are visible, who has not moved lately. SQL, not loops,
// over per-member totals kept by triggers, so the view never recounts progress or walks the workspace.
import type { TeamMember, TeamQueries } from '../port.ts';
import type { Runner } from '../sql/database.ts';

// Read from workspace_member_stats (kept by triggers, decision 021): each member of the workspace once, with their
// visibility, so every figure is a range of one of its indexes rather than a walk over the workspace's identities; the
// visible and hidden-scorer counts are kept outright in workspace_counts (decision 023).
// Hidden members are left out here, in SQL, so nothing about them reaches the view.
const NAME = `(select display_name from identities n where n.member_id = w.member_id and n.workspace_id = @ws
  order by n.id limit 1)`;
const VISIBLE = 'w.workspace_id = @ws and w.hidden = 0';
// Joined before `since` and no progress event since then (a member with none at all has not moved either): two
// ranges of the idle index, since null sorts apart from the times.
const IDLE = 'w.joined_at < @since and (w.last_progress_at < @since or w.last_progress_at is null)';

// Furthest along first; level members by active days, as boards break ties, so the rank index is walked without a sort.
const LEADERS = `
  select w.member_id as "memberId", ${NAME} as "name", m.privacy as "privacy", w.done_count as "done"
  from workspace_member_stats w join members m on m.id = w.member_id
  where ${VISIBLE} and w.done_count > 0 order by w.done_count desc, w.active_days desc, w.member_id limit @limit`;
const HEADCOUNT = `
  select coalesce((select visible from workspace_counts where workspace_id = @ws), 0) as "visible",
    (select count(*) from workspace_member_stats w where ${VISIBLE} and w.joined_at < @since
      and w.last_progress_at < @since)
    + (select count(*) from workspace_member_stats w where ${VISIBLE} and w.joined_at < @since
      and w.last_progress_at is null) as "idle",
    coalesce((select hidden_scorers from workspace_counts where workspace_id = @ws), 0) as "hiddenDone"`;
const IDLE_MEMBERS = `
  select w.member_id as "memberId", ${NAME} as "name", m.privacy as "privacy"
  from workspace_member_stats w join members m on m.id = w.member_id
  where ${VISIBLE} and ${IDLE} order by w.member_id limit @limit`;

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
