// The team as plain data: how far each visible teammate is (overall and per section), who leads, and who has not
// moved lately. Built once, then rendered for the asker, for a channel (a post or a digest), and later a web page.
import type { CommandStore, MemberRow, RoadmapView, WorkspaceRow } from '../../store/port.ts';
import type { Privacy } from '../model/wording.ts';
import { type TeamRecall, teamRecall } from '../review/team-recall.ts';
import { sectionsOf } from '../roadmap/plan.ts';
import { tally } from '../roadmap/suggest.ts';
import { displayOf, type MemberDisplay } from './board-view.ts';

const SHOWN = 25; // members listed; the rest are counted
const IDLE_SHOWN = 10;
export const IDLE_DAYS = 7;

/** A member's progress, as `progress` counts it: pick-one sections by their chosen track. */
export interface MemberProgress {
  percent: number; // overall, rounded down
  // noTrack: a pick-one section not chosen yet
  sections: { title: string; done: number; total: number; noTrack: boolean }[];
}

export interface TeamView {
  visible: number; // members who appear in team views
  members: { member: MemberDisplay; done: number; progress: MemberProgress }[]; // furthest along first
  others: number; // visible members beyond those listed
  // everyone sharing the lead; none before anyone finished a topic
  furthest?: { members: MemberDisplay[]; done: number };
  hiddenDone: number; // members hidden from views who have finished something
  idle: { days: number; count: number; named: MemberDisplay[] }; // no progress in `days`; the first few named
  you: { privacy: Privacy };
  leaderboardEnabled: boolean;
  recall?: TeamRecall; // FSRS's estimate over the visible members who have reviewed
}

export async function buildTeamView(deps: {
  store: CommandStore;
  workspace: WorkspaceRow;
  member: MemberRow;
  roadmap: RoadmapView;
  now: number;
}): Promise<TeamView> {
  const { store, workspace, member, roadmap, now } = deps;
  const ws = workspace.id;
  const leaders = await store.team.furthestAlong(ws, SHOWN);
  const since = now - IDLE_DAYS * 86_400_000;
  const { visible, idle, hiddenDone } = await store.team.headcount(ws, since);
  const recall = await teamRecall(deps, visible);
  const display = (m: { name: string; privacy: Privacy }): MemberDisplay => displayOf(m)!; // hidden: left out in SQL
  const lead = leaders[0]?.done;
  return {
    visible,
    members: await Promise.all(
      leaders.map(async (l) => ({
        member: display(l),
        done: l.done,
        progress: await progressOf(store, roadmap, l.memberId),
      })),
    ),
    others: Math.max(0, visible - leaders.length),
    ...(lead !== undefined
      ? { furthest: { members: leaders.filter((l) => l.done === lead).map(display), done: lead } }
      : {}),
    hiddenDone,
    // Only looked up when someone is idle.
    idle: {
      days: IDLE_DAYS,
      count: idle,
      named: idle > 0 ? (await store.team.idleSince(ws, since, IDLE_SHOWN)).map(display) : [],
    },
    you: { privacy: member.privacy },
    leaderboardEnabled: workspace.leaderboardEnabled,
    ...(recall ? { recall } : {}),
  };
}

/** From the same plan and tally as `progress`. */
export async function progressOf(store: CommandStore, roadmap: RoadmapView, memberId: number): Promise<MemberProgress> {
  const mine = await store.progress.forMember(memberId);
  const sections = sectionsOf(roadmap, await store.progress.tracks(memberId, roadmap.id));
  const overall = tally(
    sections.flatMap((s) => s.studied),
    mine,
  );
  return {
    percent: overall.total ? Math.floor((overall.done / overall.total) * 100) : 0,
    sections: sections.map((s) => {
      const { done, total } = tally(s.studied, mine);
      return { title: s.title, done, total, noTrack: s.pickOne && !s.chosen };
    }),
  };
}
