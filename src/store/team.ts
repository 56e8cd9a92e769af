// The team view's aggregates: who is furthest along, how many are visible, who has not moved lately. SQL, not loops,
// over member_stats (kept by triggers), so the view reads per-member totals instead of recounting progress.
import type { Db } from './db.ts';

export interface TeamMember {
  memberId: number;
  name: string;
  privacy: 'show' | 'anonymous';
}

// Hidden members are left out here, in SQL, so nothing about them reaches the view.
const VISIBLE = `m.privacy <> 'hide'`;
const NAME = `(select display_name from identities n where n.member_id = m.id and n.workspace_id = @ws order by n.id
  limit 1)`;
const IN_WORKSPACE = `exists (select 1 from identities i where i.member_id = m.id and i.workspace_id = @ws)`;
// Joined before `since` and no progress event since then (a member with none at all has not moved either).
const IDLE = `i.created_at < @since and coalesce(s.last_progress_at, 0) < @since`;

export function createTeamStore(db: Db) {
  const sqlite = db.$client;
  // Walks member_stats_done from the top, so it stops after `limit` members of this workspace.
  const leaders = sqlite.prepare(`
    select m.id member_id, ${NAME} name, m.privacy, s.done_count done from member_stats s
      join members m on m.id = s.member_id
    where s.done_count > 0 and ${VISIBLE} and ${IN_WORKSPACE} order by s.done_count desc, s.member_id limit @limit`);
  const headcount = sqlite.prepare(`
    select count(distinct case when ${VISIBLE} then m.id end) visible, count(distinct case when ${VISIBLE}
      and ${IDLE} then m.id end) idle,
      count(distinct case when not ${VISIBLE} and s.done_count > 0 then m.id end) hiddenDone
    from identities i join members m on m.id = i.member_id left join member_stats s on s.member_id = m.id
    where i.workspace_id = @ws`);
  const idle = sqlite.prepare(`
    select distinct m.id member_id, ${NAME} name, m.privacy
    from identities i join members m on m.id = i.member_id left join member_stats s on s.member_id = m.id
    where i.workspace_id = @ws and ${VISIBLE} and ${IDLE} order by m.id limit @limit`);

  return {
    /** Visible members of the workspace with the most topics done, most first (ties: longest-standing first). */
    furthestAlong(workspaceId: number, limit: number): (TeamMember & { done: number })[] {
      const rows = leaders.all({ ws: workspaceId, limit }) as Row[];
      return rows.map((r) => ({ memberId: r.member_id, name: r.name, privacy: r.privacy, done: r.done }));
    },
    /**
     * Visible members of the workspace, how many of them joined before `since` and have not moved since, and how many
     * hidden members have finished something (counted, never named: so the view does not claim nobody has).
     */
    headcount(workspaceId: number, since: number): { visible: number; idle: number; hiddenDone: number } {
      return headcount.get({ ws: workspaceId, since }) as { visible: number; idle: number; hiddenDone: number };
    },
    /** The first `limit` of those idle members, longest-standing first. */
    idleSince(workspaceId: number, since: number, limit: number): TeamMember[] {
      const rows = idle.all({ ws: workspaceId, since, limit }) as Row[];
      return rows.map((r) => ({ memberId: r.member_id, name: r.name, privacy: r.privacy }));
    },
  };
}

interface Row {
  member_id: number;
  name: string;
  privacy: TeamMember['privacy'];
  done: number;
}
