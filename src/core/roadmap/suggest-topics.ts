// Topics as a member types a name (Discord's autocomplete): ranked by the forgiving matcher every lookup uses, a path
// first; with nothing typed yet, the roadmap's first topics in order.
import type { RoadmapView, TopicRow } from '../../store/port.ts';
import { topicCandidates } from './lookup.ts';
import { rankAll } from './match.ts';
import { byPath } from './topic-paths.ts';

export interface TopicSuggestion {
  title: string;
  path: string; // what the chosen suggestion fills in: a path names exactly one topic
}

export function suggestTopics(roadmap: RoadmapView, typed: string, limit: number): TopicSuggestion[] {
  const q = typed.trim();
  let topics: readonly TopicRow[] = roadmap.topics;
  if (q) {
    const exact = byPath(roadmap, q);
    // A group's candidate stands for its topics: "jwt" suggests each of them.
    topics = [...new Set([...(exact ? [exact] : []), ...rankAll(q, topicCandidates(roadmap)).flat()])];
  }
  return topics.slice(0, limit).map((t) => ({ title: t.title, path: t.path }));
}
