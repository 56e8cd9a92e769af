// A consistent online copy of the database with SQLite's backup API, safe while the bot keeps writing.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { databaseProblem, SetupError } from '../setup-error.ts';

/** On PostgreSQL the server's own tools make the copy: this command copies SQLite files only. */
export function postgresBackupRefusal(where: string): SetupError {
  return new SetupError(
    `backup: the database is PostgreSQL (DATABASE_URL, ${where}); this command copies SQLite files only.`,
    'Use pg_dump: pg_dump --format=custom --file=coach.dump "$DATABASE_URL" (see Backups in README.md).',
  );
}

/** Checks both ends first, so a mistake in the call is one clear line (SetupError) rather than a driver error. */
export async function backupDatabase(source: string, destination: string): Promise<{ pages: number }> {
  if (!existsSync(source)) {
    throw new SetupError(
      `DATABASE_PATH=${source}: there is no database there yet, so there is nothing to back up.`,
      'Start the bot once (or run `migrate`) to create it, or set DATABASE_PATH to the database you mean.',
    );
  }
  if (existsSync(destination)) {
    throw new SetupError(
      `backup ${destination}: that file exists already.`,
      'Give a new file name: a backup never overwrites a file.',
    );
  }
  const folder = dirname(resolve(destination));
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new SetupError(
      `backup ${destination}: the folder ${folder} does not exist.`,
      'Create it first, or give a file name in a folder that exists.',
    );
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new SetupError(
      `backup ${destination}: this user may not write in ${folder}.`,
      'Give a file name in a folder you can write to.',
    );
  }
  let db: Database.Database;
  try {
    db = new Database(source, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    db.pragma('schema_version'); // the first read: a file that is not a database fails here, not mid-copy
  } catch (error) {
    throw databaseProblem(error, source) ?? error;
  }
  try {
    // All pages in one step: one read transaction, so concurrent writes can neither tear nor restart the copy.
    const { totalPages } = await db.backup(destination, { progress: () => 1 << 30 });
    return { pages: totalPages };
  } finally {
    db.close();
  }
}
