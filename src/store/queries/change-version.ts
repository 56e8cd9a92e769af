// The caches a process keeps across transactions (roadmaps, workspace rows) ask one question: has another connection
// committed since I last looked? SQLite answers it with data_version; PostgreSQL has no such counter, so there the
// caches read every time.
import type { Runner } from '../sql/database.ts';
import { changeCounter } from '../sql/fragments.ts';

/** The engine's change version for this transaction, or undefined when the engine has none. */
export type ChangeVersion = () => Promise<number | undefined>;

/** Reads the version once per transaction, at its first use: the caches of one command share a single read, and a
 *  version read at the transaction's start never claims more than the transaction sees. */
export function changeVersionOf(r: Runner): ChangeVersion {
  const sql = changeCounter(r.dialect);
  let read: Promise<number | undefined> | undefined;
  return () => (read ??= sql ? r.get<{ v: number }>(sql).then((row) => row!.v) : Promise.resolve(undefined));
}
