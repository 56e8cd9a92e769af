// WAL checkpoints in a thread of their own (docs/decisions/024). SQLite's automatic checkpoint runs inside the commit
// that takes the WAL past 1,000 pages, on the connection's thread — the event loop: it copies about 4 MB into the
// database file and waits for two fsyncs. In the tick's 100,000-row fan-out that was a quarter of the enqueue's time
// and the event loop's longest stalls. Here a worker thread with a connection of its own checkpoints every
// EVERY_MS (PASSIVE: it never waits for, nor blocks, the bot's reads and writes) and the bot's connection no longer
// checkpoints on commit. Should the worker fail, the connection takes its checkpoints back at once.
//
// A PASSIVE checkpoint alone lets the WAL grow without end under sustained writes: SQLite starts the WAL file over only
// when a write transaction begins with every frame already copied, and a writer that never pauses always has frames
// the last checkpoint has not reached (20,000 back-to-back `done`s, 12 s, wrote a 2 GB WAL, and every commit paid the
// file system for fresh blocks). So once the WAL passes RESTART_PAGES the worker raises a flag in shared memory; the
// bot's next transaction, in its turn on the connection (no transaction of the bot's open), hands the worker the turn
// and awaits a RESTART checkpoint: it copies the few frames since the last pass and syncs, and the bot's next write
// starts the file over. The flag, not a message, because a bot busy with back-to-back transactions may not return to
// its event loop for a long while; the turn, because a RESTART takes the write lock, and beside an open transaction
// it made that transaction's first write fail with SQLITE_BUSY. The bot awaits it asynchronously, the event loop free.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';

/** How often the worker checkpoints. With nothing new in the WAL a checkpoint only reads its index: microseconds. */
export const EVERY_MS = 100;
/** WAL length (frames, a page each) past which the worker asks for a restart: about 256 MiB. A restart makes the bot's
 *  transactions wait 20-70 ms here (syncing what the passes copied: a partial pass never syncs the database file), so
 *  it comes rarely: every ~20 s of the sender at full rate, and never in an ordinary day, when the WAL starts over by
 *  itself whenever the bot pauses. */
export const RESTART_PAGES = 65_536;
/** The WAL file is cut back to this size when it starts over (PRAGMA journal_size_limit), so a burst leaves no larger
 *  file; twice the WAL at RESTART_PAGES, so the steady state reuses its blocks instead of allocating new ones. */
export const WAL_SIZE_LIMIT_BYTES = 2 * RESTART_PAGES * 4096;
/** How long a RESTART waits for another process's reader (a backup, the command line) before giving up until the
 *  next pass: the bot's commands wait that long at most. */
const RESTART_WAIT_MS = 200;
/** SQLite's own default, restored when the worker fails. */
const AUTOCHECKPOINT_PAGES = 1000;

// CommonJS, run as the worker's script: better-sqlite3 is loaded by the path the bot itself resolved (it is native and
// stays outside the bundle, scripts/build.ts).
const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true, timeout: workerData.restartWaitMs });
db.pragma('synchronous = NORMAL'); // as the bot's connection: the checkpoint syncs the WAL, then the database file
const wanted = new Int32Array(workerData.wanted); // 1: a restart is wanted
const checkpoint = () => {
  const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)');
  // Withdrawn when the WAL started over by itself (the bot paused long enough for a pass to copy every frame).
  Atomics.store(wanted, 0, log > workerData.restartPages ? 1 : 0);
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message === 'turn') {
    db.pragma('wal_checkpoint(RESTART)');
    Atomics.store(wanted, 0, 0);
    parentPort.postMessage('restarted');
    return;
  }
  clearInterval(timer); // 'stop'
  checkpoint(); // what the last commits wrote, so the bot's close has little left to copy
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Whether the WAL has grown past RESTART_PAGES: the caller should give the worker a turn (`restart`). */
  restartWanted(): boolean;
  /** Starts the WAL file over. Call only while no transaction is open on the connection, and begin none until this
   *  settles. */
  restart(): Promise<void>;
  /** Stops the worker after a last checkpoint; its connection is closed when this resolves. */
  stop(): Promise<void>;
}

export interface CheckpointerOptions {
  everyMs?: number;
  restartPages?: number;
}

/** Takes the WAL checkpoints of `sqlite` (a file in WAL mode) off its thread. */
export function startCheckpointer(
  sqlite: BetterSqlite3.Database,
  { everyMs = EVERY_MS, restartPages = RESTART_PAGES }: CheckpointerOptions = {},
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  sqlite.pragma('wal_autocheckpoint = 0');
  sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  const wanted = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(SCRIPT, {
    eval: true,
    workerData: {
      driver,
      file: sqlite.name,
      everyMs,
      restartPages,
      restartWaitMs: RESTART_WAIT_MS,
      wanted: wanted.buffer,
    },
  });
  worker.unref(); // it alone never keeps the process up
  let stopping = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let restarted: (() => void) | undefined;
  worker.on('message', () => restarted?.()); // 'restarted', the only message it sends
  const takeBack = () => {
    Atomics.store(wanted, 0, 0); // nobody is left to restart the WAL: the commits' own checkpoints restart it
    if (!stopping && sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };
  worker.once('error', takeBack); // an 'exit' follows
  worker.once('exit', takeBack);
  return {
    restartWanted: () => !stopping && Atomics.load(wanted, 0) === 1,
    restart: () =>
      // Settles when the worker says so, or exits: a worker that died mid-restart must not hold the bot's turns.
      Promise.race([
        new Promise<void>((resolve) => {
          restarted = resolve;
          worker.postMessage('turn');
        }),
        exited,
      ]),
    async stop() {
      stopping = true;
      worker.ref(); // awaited now: without it, a process with nothing else to do would exit before the worker does
      worker.postMessage('stop');
      await exited;
    },
  };
}
