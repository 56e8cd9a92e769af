// Loads every content/*.md into the store. Each file is all-or-nothing: a malformed one is reported with its
// file and line and leaves that roadmap as it was; the others still load.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { SaveResult, Store } from '../store/index.ts';
import { parseRoadmap } from './parse.ts';
import { ContentError } from './roadmap.ts';

export interface SyncReport {
  loaded: (SaveResult & { roadmap: string; topics: number })[];
  failed: ContentError[];
}

export function syncContent(dir: string, store: Store, now: number): SyncReport {
  const report: SyncReport = { loaded: [], failed: [] };
  const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  for (const file of files) {
    const id = basename(file, '.md');
    const source = readFileSync(join(dir, file), 'utf8');
    try {
      const roadmap = parseRoadmap(id, source, join(dir, file));
      const topics = roadmap.sections.flatMap((s) => s.groups.flatMap((g) => g.topics)).length;
      report.loaded.push({ roadmap: id, topics, ...store.content.save(roadmap, source, now) });
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      report.failed.push(error);
    }
  }
  return report;
}
