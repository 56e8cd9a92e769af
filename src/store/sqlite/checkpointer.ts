// WAL checkpoints in a thread of their own (docs/decisions/024). SQLite's automatic checkpoint runs inside the commit
// that takes the WAL past 1,000 pages, on the connection's thread — the event loop: it copies about 4 MB into the
// database file and waits for two fsyncs. In the tick's 100,000-row fan-out that was a quarter of the enqueue's time
// and the event loop's longest stalls. Here a worker thread with a connection of its own checkpoints every
// EVERY_MS (PASSIVE: it never waits for, nor blocks, the bot's reads and writes) and the bot's connection no longer
// checkpoints on commit. Should the worker fail, the connection takes its checkpoints back at once.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';

/** How often the worker checkpoints. With nothing new in the WAL a checkpoint only reads its index: microseconds. */
export const EVERY_MS = 100;
/** SQLite's own default, restored when the worker fails. */
const AUTOCHECKPOINT_PAGES = 1000;

// CommonJS, run as the worker's script: better-sqlite3 is loaded by the path the bot itself resolved (it is native and
// stays outside the bundle, scripts/build.ts).
const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = NORMAL'); // as the bot's connection: the checkpoint syncs the WAL, then the database file
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)');
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  checkpoint(); // what the last commits wrote, so the bot's close has little left to copy
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Stops the worker after a last checkpoint; its connection is closed when this resolves. */
  stop(): Promise<void>;
}

/** Takes the WAL checkpoints of `sqlite` (a file in WAL mode) off its thread. */
export function startCheckpointer(sqlite: BetterSqlite3.Database, everyMs = EVERY_MS): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  sqlite.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(SCRIPT, { eval: true, workerData: { driver, file: sqlite.name, everyMs } });
  worker.unref(); // it alone never keeps the process up
  let stopping = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const takeBack = () => {
    if (!stopping && sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };
  worker.once('error', takeBack); // an 'exit' follows
  worker.once('exit', takeBack);
  return {
    async stop() {
      stopping = true;
      worker.ref(); // awaited now: without it, a process with nothing else to do would exit before the worker does
      worker.postMessage('stop');
      await exited;
    },
  };
}
