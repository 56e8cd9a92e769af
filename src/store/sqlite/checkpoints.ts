// WAL checkpoints off the command path. SQLite's own (wal_autocheckpoint) runs inside whichever commit pushes the WAL
// past 1,000 pages, copying and syncing them before that commit returns: one `done` in every few dozen took 5-10 ms
// instead of 0.1 (decision 026). Here a worker thread with a connection of its own runs a PASSIVE checkpoint each
// second, which never blocks a reader or the writer, and the bot's connection never checkpoints while it runs.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export const CHECKPOINT_EVERY_MS = 1000;

// Plain JavaScript, run as the worker's code (no file to find beside the bundle); the driver is required by the path
// the parent resolved, whatever the working directory.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ failed: String(error) });
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
parentPort.postMessage({ started: true });
`;

export interface Checkpoints {
  /** Stops the worker after one last checkpoint; resolves once its connection is closed. */
  stop(): Promise<void>;
  /** Settles when the worker has exited, asked to or not (its connection failed): SQLite's own checkpoints must then
   *  come back. */
  exited: Promise<void>;
}

/** Starts checkpointing `file` every `everyMs`; resolves once the worker's connection is open. */
export async function startCheckpoints(
  file: string,
  options: { everyMs?: number; onFailure?: (message: string) => void } = {},
): Promise<Checkpoints> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { file, driver, everyMs: options.everyMs ?? CHECKPOINT_EVERY_MS },
  });
  worker.unref(); // a checkpoint never keeps the process alive
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (m: { started?: boolean; failed?: string }) => {
      if (m.started) resolve();
      if (m.failed) options.onFailure?.(m.failed);
    });
    void exited.then(() => reject(new Error('the checkpoint worker exited before it started')));
  });
  return {
    exited,
    async stop() {
      worker.ref(); // waited for now: the process stays up until the worker has closed its connection
      worker.postMessage('stop');
      await exited;
    },
  };
}
