// A mistake in how the bot was set up or called (a folder, a file, a port, an argument): one line saying what is
// wrong and which setting, one line saying what to do. The command line prints it and exits 1, never a stack.
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export class SetupError extends Error {
  constructor(
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${problem}\n  ${fix}`);
    this.name = 'SetupError';
  }
}

interface SystemError {
  code?: string;
  message?: string;
}
const codeOf = (error: unknown) => (error as SystemError | undefined)?.code;

/** The nearest folder of `path` that exists, and whether this user may create files in it. */
function nearestFolder(path: string): { folder: string; writable: boolean; isFile: boolean } {
  let folder = dirname(resolve(path));
  for (;;) {
    const stat = statSync(folder, { throwIfNoEntry: false });
    if (stat) {
      if (!stat.isDirectory()) return { folder, writable: false, isFile: true };
      try {
        accessSync(folder, constants.W_OK | constants.X_OK);
        return { folder, writable: true, isFile: false };
      } catch {
        return { folder, writable: false, isFile: false };
      }
    }
    if (folder === dirname(folder)) return { folder, writable: false, isFile: false };
    folder = dirname(folder);
  }
}

/** Why the database at `path` (named by `setting`) could not be
 *  opened, or undefined when the error is not ours to explain. */
export function databaseProblem(error: unknown, path: string, setting = 'DATABASE_PATH'): SetupError | undefined {
  const at = `${setting}=${path}`;
  const code = codeOf(error);
  const elsewhere = `or set ${setting} to a file in a folder this user can write`;
  if (code === 'SQLITE_NOTADB') {
    return new SetupError(
      `${at}: the file is not a SQLite database.`,
      `Point ${setting} at the bot's database (or a new file name), and move that file away if it is not yours.`,
    );
  }
  if (code === 'SQLITE_CORRUPT') {
    return new SetupError(
      `${at}: the database file is damaged.`,
      'Restore it from a backup (see Backups in README.md), or move it away to start afresh.',
    );
  }
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    return new SetupError(
      `${at}: that is a folder, not a database file.`,
      `Give ${setting} a file name inside it, e.g. ${path.replace(/\/$/, '')}/roadmap-coach.db.`,
    );
  }
  const where = nearestFolder(path);
  if (where.isFile || code === 'ENOTDIR' || code === 'EEXIST') {
    return new SetupError(
      `${at}: ${where.folder} is a file, so no folder can be made there for the database.`,
      `Choose another path for ${setting}.`,
    );
  }
  const denied = [
    'EACCES',
    'EPERM',
    'EROFS',
    'SQLITE_CANTOPEN',
    'SQLITE_READONLY',
    'SQLITE_READONLY_DBMOVED',
    'SQLITE_IOERR_WRITE',
  ];
  if (denied.includes(code ?? '') || !where.writable) {
    const uid = process.getuid?.();
    return new SetupError(
      `${at}: this user${uid === undefined ? '' : ` (uid ${uid})`} ` +
        `cannot write there (${code ?? 'not writable'}; nearest folder ${where.folder}).`,
      `Make that folder writable for this user (in Docker, a volume mounted at /data must belong to the image's ` +
        `"node" user, uid 1000), ${elsewhere}.`,
    );
  }
  return undefined;
}

/** Why the content folder could not be read. */
export function contentDirProblem(error: unknown, dir: string): SetupError | undefined {
  const code = codeOf(error);
  const fix =
    "Point CONTENT_DIR at the folder of roadmap markdown files (the repository's content/), or unset it to use " +
    './content.';
  if (code === 'ENOENT')
    return new SetupError(`CONTENT_DIR=${dir}: there is no such folder (looked in ${resolve(dir)}).`, fix);
  if (code === 'ENOTDIR') return new SetupError(`CONTENT_DIR=${dir}: that is a file, not a folder.`, fix);
  if (code === 'EACCES' || code === 'EPERM')
    return new SetupError(`CONTENT_DIR=${dir}: this user may not read that folder.`, fix);
  return undefined;
}

/** Why the HTTP server could not listen on `port`. */
export function portProblem(error: unknown, port: number): SetupError | undefined {
  const code = codeOf(error);
  if (code === 'EADDRINUSE') {
    return new SetupError(
      `PORT=${port}: another program is already listening on that port.`,
      'Stop that program (or the other copy of the bot), or set PORT to a free port.',
    );
  }
  if (code === 'EACCES') {
    return new SetupError(
      `PORT=${port}: this user may not listen on ports below 1024.`,
      'Set PORT to 1024 or above (the default is 3000) and map it in front, e.g. docker run -p 80:3000.',
    );
  }
  return undefined;
}
