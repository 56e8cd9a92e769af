// Loads every content/*.md into the store. Each file is all-or-nothing: a malformed one is reported with its
// file and line and leaves that roadmap as it was; the others still load.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { SaveResult, Store } from '../store/port.ts';
import { decodeUtf8 } from './decode.ts';
import { parseRoadmap } from './parse.ts';
import { ContentError } from './roadmap.ts';

/** A file that was refused; keptPrevious: an earlier version of its roadmap is loaded and stays in use. */
export interface Rejection {
  roadmap: string;
  file: string;
  line: number;
  message: string; // "file:line: reason"
  keptPrevious: boolean;
}

export interface SyncReport {
  loaded: (SaveResult & { roadmap: string; topics: number })[];
  failed: Rejection[];
}

export async function syncContent(dir: string, store: Store, now: number): Promise<SyncReport> {
  const report: SyncReport = { loaded: [], failed: [] };
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort();
  for (const file of files) {
    const id = basename(file, '.md');
    const path = join(dir, file);
    try {
      const source = decodeUtf8(readFileSync(path), path);
      const roadmap = parseRoadmap(id, source, path);
      const topics = roadmap.sections.flatMap((s) => s.groups.flatMap((g) => g.topics)).length;
      report.loaded.push({
        roadmap: id,
        topics,
        ...(await store.transaction((tx) => tx.content.save(roadmap, source, now))),
      });
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      const { file: where, line, message } = error;
      report.failed.push({
        roadmap: id,
        file: where,
        line,
        message,
        keptPrevious: (await store.transaction((tx) => tx.content.roadmap(id))) !== undefined,
      });
    }
  }
  return report;
}

/** What a rejection means for the bot, said the same way in the log and by `load-content`. */
export function consequence(rejection: Rejection): string {
  return rejection.keptPrevious
    ? `its previous version stays loaded`
    : `roadmap "${rejection.roadmap}" is not loaded (no earlier version of it was)`;
}
