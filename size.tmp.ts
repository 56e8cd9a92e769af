import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { seededStore } from './bench/core.ts';
import { tempDir } from './test/helpers.ts';

const tmp = tempDir();
const { db, store } = await seededStore(tmp);
await store.close();
const file = `${tmp.dir}/bench.db`;
const sqlite = new Database(file);
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = NORMAL');
const idx = (name: string) =>
  (sqlite.prepare('select sum(pgsize) n from dbstat where name = ?').get(name) as { n: number }).n;
sqlite.exec('vacuum');
const total = statSync(file).size;
console.log({
  fileMB: (total / 2 ** 20).toFixed(1),
  at: (idx('progress_events_at') / 2 ** 20).toFixed(1),
  atMember: (idx('progress_events_at_member') / 2 ** 20).toFixed(1),
  table: (idx('progress_events') / 2 ** 20).toFixed(1),
});
const ins = sqlite.prepare(
  'insert into progress_events (member_id, topic_id, from_state, to_state, at) values (?, ?, null, ?, ?)',
);
const time = (label: string) => {
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) {
    const t = performance.now();
    for (let i = 0; i < 4000; i++)
      sqlite.transaction(() =>
        ins.run(((i * 7919) % 10000) + 1, (i % 39) + 1, 'done', 1790000000000 + round * 1e7 + i),
      )();
    samples.push(((performance.now() - t) / 4000) * 1000);
  }
  samples.sort((a, b) => a - b);
  console.log(label, 'µs per event insert (own transaction), median of 5×4000:', samples[2]!.toFixed(1));
};
time('with progress_events_at   ');
sqlite.exec('drop index progress_events_at');
time('without progress_events_at');
sqlite.exec('vacuum');
console.log({ fileMBafter: (statSync(file).size / 2 ** 20).toFixed(1) });
sqlite.close();
tmp.cleanup();
