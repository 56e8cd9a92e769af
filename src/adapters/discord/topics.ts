// topicsFor built on the store: the topics of the roadmap a guild follows (the default one before first contact).
import type { Store } from '../../store/index.ts';
import type { TopicsFor } from './autocomplete.ts';

export function createTopicsFor(deps: { store: Pick<Store, 'workspaces' | 'content'>; defaultRoadmap: string }): TopicsFor {
  return (guildId) => {
    const workspace = deps.store.workspaces.find('discord', guildId);
    return deps.store.content.roadmap(workspace?.roadmapId ?? deps.defaultRoadmap)?.topics ?? [];
  };
}
