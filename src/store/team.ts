// The team view's aggregates: who is furthest along, how many are visible, who has not moved lately. SQL, not loops.
import type { Db } from './db.ts';

export interface TeamMember {
  memberId: number;
  name: string;
  privacy: 'show' | 'anonymous';
}

const CANDIDATES = 500; // see furthestAlong

// Hidden members are left out here, in SQL, so nothing about them reaches the view.
const VISIBLE = `m.privacy <> 'hide'`;
const NAME = `(select display_name from identities n where n.member_id = m.id and n.workspace_id = @ws order by n.id limit 1)`;
const IN_WORKSPACE = `exists (select 1 from identities i where i.member_id = m.id and i.workspace_id = @ws)`;
const RECENT = `(select member_id from progress_events where at >= @since and at <= @now)`; // a small index range

export function createTeamStore(db: Db) {
  const sqlite = db.$client;
  const ranked = (counted: string) => sqlite.prepare(`
    select m.id member_id, ${NAME} name, m.privacy, d.n done from (${counted}) d join members m on m.id = d.member_id
    where ${VISIBLE} and ${IN_WORKSPACE} order by d.n desc, d.member_id limit @limit`);
  // Topics done per member, counted over the partial index of done rows alone. Named, because the planner otherwise
  // prefers progress(state, updated_at, …), which is sorted by time and needs a temporary b-tree to group members.
  const doneCounts = `select member_id, count(*) n from progress indexed by progress_done_member where state = 'done' group by member_id`;
  const fromCandidates = ranked(`${doneCounts} order by n desc, member_id limit ${CANDIDATES}`);
  const fromEveryone = ranked(doneCounts);
  const headcount = sqlite.prepare(`
    select count(distinct m.id) visible, count(distinct case when i.created_at < @since and m.id not in ${RECENT} then m.id end) idle
    from identities i join members m on m.id = i.member_id where i.workspace_id = @ws and ${VISIBLE}`);
  const idle = sqlite.prepare(`
    select m.id member_id, ${NAME} name, m.privacy from members m
    where ${VISIBLE} and m.id in (select member_id from identities where workspace_id = @ws and created_at < @since)
    and m.id not in ${RECENT} order by m.id limit @limit`);

  return {
    /** Visible members of the workspace with the most topics done, most first (ties: longest-standing first). */
    furthestAlong(workspaceId: number, limit: number): (TeamMember & { done: number })[] {
      // The first `limit` eligible members in the global order are the answer whenever that many are among the
      // global top candidates, which spares joining every member; the whole count is the fallback.
      const params = { ws: workspaceId, limit };
      let rows = fromCandidates.all(params) as Row[];
      if (rows.length < limit) rows = fromEveryone.all(params) as Row[];
      return rows.map((r) => ({ memberId: r.member_id, name: r.name, privacy: r.privacy, done: r.done }));
    },
    /** Visible members of the workspace, and how many of them joined before `since` and have not moved since. */
    headcount(workspaceId: number, since: number, now: number): { visible: number; idle: number } {
      return headcount.get({ ws: workspaceId, since, now }) as { visible: number; idle: number };
    },
    /** The first `limit` of those idle members, longest-standing first. */
    idleSince(workspaceId: number, since: number, now: number, limit: number): TeamMember[] {
      const rows = idle.all({ ws: workspaceId, since, now, limit }) as Row[];
      return rows.map((r) => ({ memberId: r.member_id, name: r.name, privacy: r.privacy }));
    },
  };
}

interface Row { member_id: number; name: string; privacy: TeamMember['privacy']; done: number }
