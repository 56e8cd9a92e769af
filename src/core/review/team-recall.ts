// The team's estimated recall for `team` and the digest: FSRS's retrievability averaged per visible member over their
// reviewed topics, then over members. One query over the workspace's cards (src/store/queries/reviews.ts).
import type { CommandStore, RoadmapView, WorkspaceRow } from '../../store/port.ts';
import { FORGETTING_CURVE } from './fsrs.ts';

export function teamRecall(deps: {
  store: CommandStore;
  workspace: WorkspaceRow;
  roadmap: RoadmapView;
  now: number;
}): Promise<{ recall: number; members: number } | undefined> {
  const { store, workspace, roadmap, now } = deps;
  return store.reviews.teamRecall({ workspaceId: workspace.id, roadmapId: roadmap.id, now, curve: FORGETTING_CURVE });
}
