// A second process for the claim test: once told to go (a line on stdin), claims a platform's due rows one at a
// time until none are left, and prints the ids it got. argv: dbFile owner.
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { createStore } from '../../src/store/index.ts';
import { openMigratedSqlite } from './open-test-database.ts';

const [dbFile, owner] = process.argv.slice(2) as [string, string];
const store = createStore(await openMigratedSqlite(dbFile));
process.stdout.write('ready\n');
await once(process.stdin, 'data'); // both processes start claiming together
const ids: number[] = [];
for (;;) {
  const batch = await store.transaction(
    (tx) => tx.deliveries.claim({ platform: 'discord', owner, now: Date.parse('2026-11-26T09:00:00Z'), limit: 1 }),
    { immediate: true },
  );
  if (!batch.length) break;
  ids.push(...batch.map((d) => d.id));
  // A breath between claims, as a sender has between sends: on a loaded machine one process could otherwise take
  // all 600 rows before the other is scheduled at all, and the test would prove nothing about contention.
  await sleep(1);
}
process.stdout.write(`${JSON.stringify(ids)}\n`);
process.exit(0);
