// A reply's files (e.g. `export`) in the terminal: written next to the database, readable by this user only.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../clock.ts';

/** save(file) writes it and returns its path, to be printed. */
export function createFileSaver(deps: { filesDir: string; clock: Clock }) {
  return (file: { name: string; content: string }): string => {
    mkdirSync(deps.filesDir, { recursive: true });
    // A timestamp keeps earlier exports; the name is ours (the core's), never typed by a user.
    const path = join(deps.filesDir, `${deps.clock.now().toISOString().replace(/[:.]/g, '-')}-${file.name}`);
    writeFileSync(path, file.content, { mode: 0o600 }); // personal data: readable by this user only
    return path;
  };
}
