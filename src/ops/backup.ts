// A consistent online copy of the database with SQLite's backup API, safe while the bot keeps writing.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

export async function backupDatabase(source: string, destination: string): Promise<{ pages: number }> {
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  if (existsSync(destination)) throw new Error(`${destination} exists already; choose a new file name`);
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // All pages in one step: one read transaction, so concurrent writes can neither tear nor restart the copy.
    const { totalPages } = await db.backup(destination, { progress: () => 1 << 30 });
    return { pages: totalPages };
  } finally {
    db.close();
  }
}
