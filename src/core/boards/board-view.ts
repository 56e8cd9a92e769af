// A leaderboard as plain data: the period, the ranked rows, how many more scored, and the asker's own standing. Built
// once, then rendered for the asker, for a channel (a post or a digest), and later for a web page alike.
import type { CommandStore, MemberRow, WorkspaceRow } from '../../store/port.ts';
import type { Privacy } from '../model/wording.ts';
import { offsetSegments, type PeriodKind, periodOf } from '../time/periods.ts';

const SHOWN = 10; // ranks on the board; ties at the edge may add a few rows

/** How a member appears on a board or a team view: their name, or "a teammate" when they chose to be anonymous. */
export interface MemberDisplay {
  name: string;
  privacy: Exclude<Privacy, 'hide'>; // hidden members are never in a view
}

/**
 * The one privacy rule of boards, team views and the dashboard: a hidden member appears to nobody, an anonymous one
 * as "a teammate", the rest by name; and a member always sees themselves by name (`self`).
 */
export function displayOf(m: { name: string; privacy: Privacy }, self = false): MemberDisplay | undefined {
  if (self) return { name: m.name, privacy: 'show' };
  if (m.privacy === 'hide') return undefined;
  return { name: m.name, privacy: m.privacy === 'show' ? 'show' : 'anonymous' };
}

export interface Standing {
  rank: number; // shared by ties: 1, 1, 3
  points: number; // topics finished in the period (still done)
  activeDays: number; // local days with progress in the period: they break ties
}

export interface BoardView {
  period: { kind: PeriodKind; label: string }; // label: "Week of Mon 23 Nov, Europe/Berlin"
  rows: (Standing & { member: MemberDisplay })[];
  others: number; // visible members with points beyond the rows
  hiddenScorers: number; // members with points who hide from boards: neither named nor counted
  /** The asker: their privacy, and their standing (would-be rank when hidden); no standing without points. */
  you: { privacy: Privacy; standing?: Standing };
}

export async function buildBoardView(
  deps: { store: CommandStore; workspace: WorkspaceRow; member: MemberRow; now: number },
  kind: PeriodKind,
): Promise<BoardView> {
  const { store, workspace, member, now } = deps;
  const zone = workspace.timeZone;
  const period = periodOf(kind, now, zone);
  const board = await store.boards.leaderboard({
    workspaceId: workspace.id,
    from: period.from,
    to: period.to,
    memberId: member.id,
    limit: SHOWN,
    // Local days need the zone's offsets up to now; the all-time board ranks by kept totals and needs none.
    segments: kind === 'all' ? [] : offsetSegments(zone, period.from, Math.min(period.to, now + 1)),
  });
  const standing = (row: Standing): Standing => ({ rank: row.rank, points: row.points, activeDays: row.activeDays });
  return {
    period: { kind, label: period.label },
    rows: board.top.map((row) => ({
      ...standing(row),
      member: displayOf(row)!, // the board's rows leave hidden members out
    })),
    others: board.scorers - board.top.length,
    hiddenScorers: board.hiddenScorers,
    you: { privacy: member.privacy, ...(board.me ? { standing: standing(board.me) } : {}) },
  };
}
