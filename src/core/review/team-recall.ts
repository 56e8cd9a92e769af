// The team's estimated recall for `team` and the digest: FSRS's retrievability averaged per visible member over their
// reviewed topics, then over members, in one query (src/store/queries/reviews.ts). A large team is sampled: reading
// every card of 10,000 members (300,000 rows) takes about half a second on SQLite, where `team` has 25 ms; about
// SAMPLE members estimate the mean within a point, a few at worst (docs/decisions/018).
import type { CommandStore, RoadmapView, WorkspaceRow } from '../../store/port.ts';
import { FORGETTING_CURVE } from './fsrs.ts';

/** Members read at most (about): every member of a team this size or smaller. */
export const SAMPLE = 200;

export interface TeamRecall {
  recall: number; // 0…1
  members: number; // members it averages
  sampled: boolean; // a sample of a larger team
}

export async function teamRecall(
  deps: { store: CommandStore; workspace: WorkspaceRow; roadmap: RoadmapView; now: number },
  visible: number, // the team's visible members
): Promise<TeamRecall | undefined> {
  const { store, workspace, roadmap, now } = deps;
  const stride = Math.max(1, Math.ceil(visible / SAMPLE));
  const found = await store.reviews.teamRecall({
    workspaceId: workspace.id,
    roadmapId: roadmap.id,
    now,
    curve: FORGETTING_CURVE,
    stride,
  });
  return found && { ...found, sampled: stride > 1 };
}
