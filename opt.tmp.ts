import Database from 'better-sqlite3';
import { seededStore } from './bench/core.ts';
import { tempDir } from './test/helpers.ts';

const tmp = tempDir();
const { store } = await seededStore(tmp);
await store.close();
const file = `${tmp.dir}/bench.db`;
for (let i = 0; i < 3; i++) {
  const s = new Database(file);
  let t = performance.now();
  const r = s.pragma('optimize=0x10003') as any[];
  if (i === 0) console.log(r);
  if (process.argv[2]) s.pragma(`analysis_limit=${process.argv[2]}`);
  const d1 = performance.now() - t;
  t = performance.now();
  s.pragma('optimize=0x10002');
  const d2 = performance.now() - t;
  t = performance.now();
  s.pragma('optimize');
  const d3 = performance.now() - t;
  console.log({
    would: r.length,
    open0x10002ms: d2.toFixed(1),
    plainMs: d3.toFixed(1),
    stat1: (s.prepare('select count(*) n from sqlite_stat1').get() as any).n,
  });
  s.close();
}
tmp.cleanup();
