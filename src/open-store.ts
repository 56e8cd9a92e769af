// The bot's data at start: the database opened and migrated, every roadmap file loaded, the default roadmap checked.
// A path, folder or roadmap the bot cannot use is a SetupError naming its setting.
import type { Config } from './config.ts';
import { consequence, type SyncReport, syncContent } from './content/sync.ts';
import type { Log } from './log.ts';
import { contentDirProblem, databaseProblem, SetupError } from './setup-error.ts';
import { type Db, openDb } from './store/db.ts';
import { createStore, type Store } from './store/index.ts';

/** The database at `path`, opened and migrated; a path the bot cannot use is a SetupError naming DATABASE_PATH. */
export function openDatabase(path: string): Db {
  try {
    return openDb(path);
  } catch (error) {
    throw databaseProblem(error, path) ?? error;
  }
}

/** Loads every roadmap file; a content folder that cannot be read is a SetupError naming CONTENT_DIR. */
export function loadContent(dir: string, store: Store, now: number): SyncReport {
  try {
    return syncContent(dir, store, now);
  } catch (error) {
    throw contentDirProblem(error, dir) ?? error;
  }
}

/** The store with the content loaded and the default roadmap present; the database is closed again on a mistake. */
export function openStore(config: Config, log: Log, now: number): { db: Db; store: Store } {
  const db = openDatabase(config.DATABASE_PATH);
  const store = createStore(db);
  try {
    const report = loadContent(config.CONTENT_DIR, store, now);
    for (const failure of report.failed) {
      // The roadmap keeps its last good version, if it had one; the operator sees exactly where the file is wrong.
      log.error(`content file rejected, ${consequence(failure)}: ${failure.message}`, {
        file: failure.file,
        line: failure.line,
      });
    }
    for (const loaded of report.loaded) log.info('content loaded', { ...loaded });
    if (!store.content.roadmap(config.DEFAULT_ROADMAP)) {
      throw new SetupError(
        `DEFAULT_ROADMAP=${config.DEFAULT_ROADMAP}: no such roadmap is loaded from ${config.CONTENT_DIR}.`,
        `Add ${config.CONTENT_DIR}/${config.DEFAULT_ROADMAP}.md, or set DEFAULT_ROADMAP to one of the files there ` +
          `(without .md).`,
      );
    }
    return { db, store };
  } catch (error) {
    db.$client.close();
    throw error;
  }
}
