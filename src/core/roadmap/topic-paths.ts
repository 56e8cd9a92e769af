// Topics by path: the full path, the path without the roadmap's name, or a unique ending ("jwt/token-structure"),
// and the shortest such ending for a topic, which buttons that carry text use to leave that text room.
import type { RoadmapView, TopicRow } from '../../store/port.ts';

/** A full path, the path without the roadmap, or (with a "/") the unique path ending: "jwt/token-structure". */
export function byPath(roadmap: RoadmapView, q: string): TopicRow | undefined {
  const exact = roadmap.topics.find((t) => t.path === q || t.path === `${roadmap.id}/${q}`);
  if (exact || !q.includes('/')) return exact;
  const ending = roadmap.topics.filter((t) => t.path.endsWith(`/${q}`));
  return ending.length === 1 ? ending[0] : undefined;
}

/**
 * The shortest path ending that names only this topic ("jwt/token-structure"): buttons that carry text along
 * (a note) leave it the room Discord's 100-character button ids allow.
 */
export function refOf(roadmap: RoadmapView, topic: TopicRow): string {
  const parts = topic.path.split('/');
  for (let n = 2; n < parts.length; n++) {
    const ending = parts.slice(-n).join('/');
    if (byPath(roadmap, ending) === topic) return ending;
  }
  return topic.path;
}
