// The bot's data at start: the database opened and migrated, every roadmap file loaded, the default roadmap checked.
// A path, folder or roadmap the bot cannot use is a SetupError naming its setting.
import type { Config } from './config.ts';
import { consequence, type SyncReport, syncContent } from './content/sync.ts';
import { catchUpLocalDays } from './core/boards/local-days.ts';
import type { Log } from './log.ts';
import { contentDirProblem, databaseProblem, SetupError } from './setup-error.ts';
import { createStore } from './store/index.ts';
import { openDatabaseFor } from './store/open-database.ts';
import type { Store } from './store/port.ts';
import type { Database } from './store/sql/database.ts';

/** The database the configuration names (PostgreSQL for DATABASE_URL, else the SQLite file), opened and migrated; one
 *  the bot cannot use is a SetupError naming its setting. `log` hears a pooled connection's failure while idle. */
export async function openDatabase(
  config: Pick<Config, 'DATABASE_PATH' | 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>,
  log?: Log,
): Promise<Database> {
  let database: Database | undefined;
  try {
    database = await openDatabaseFor(config, {
      onIdleError: (error) => log?.error('database connection lost while idle', { error: error.message }),
    });
    await database.migrate();
    return database;
  } catch (error) {
    await database?.close().catch(() => {}); // the first error is the one to report
    // PostgreSQL's engine names DATABASE_URL's host itself; a file's problems are told here.
    throw (config.DATABASE_URL ? undefined : databaseProblem(error, config.DATABASE_PATH)) ?? error;
  }
}

/** Loads every roadmap file; a content folder that cannot be read is a SetupError naming CONTENT_DIR. */
export async function loadContent(dir: string, store: Store, now: number): Promise<SyncReport> {
  try {
    return await syncContent(dir, store, now);
  } catch (error) {
    throw contentDirProblem(error, dir) ?? error;
  }
}

/** The store with the content loaded and the default roadmap present; the database is closed again on a mistake. */
export async function openStore(config: Config, log: Log, now: number): Promise<Store> {
  const store = createStore(await openDatabase(config, log));
  try {
    const report = await loadContent(config.CONTENT_DIR, store, now);
    for (const failure of report.failed) {
      // The roadmap keeps its last good version, if it had one; the operator sees exactly where the file is wrong.
      log.error(`content file rejected, ${consequence(failure)}: ${failure.message}`, {
        file: failure.file,
        line: failure.line,
      });
    }
    for (const loaded of report.loaded) log.info('content loaded', { ...loaded });
    if (!(await store.transaction((tx) => tx.content.roadmap(config.DEFAULT_ROADMAP)))) {
      throw new SetupError(
        `DEFAULT_ROADMAP=${config.DEFAULT_ROADMAP}: no such roadmap is loaded from ${config.CONTENT_DIR}.`,
        `Add ${config.CONTENT_DIR}/${config.DEFAULT_ROADMAP}.md, or set DEFAULT_ROADMAP to one of the files there ` +
          `(without .md).`,
      );
    }
    const started = performance.now();
    const recounted = await catchUpLocalDays(store, now);
    if (recounted > 0)
      log.info('boards: local days counted', { workspaces: recounted, ms: Math.round(performance.now() - started) });
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}
