import { copyFileSync } from 'node:fs';
import { seededStore } from './bench/core.ts';
import { createCore } from './src/core/index.ts';
import { createStoreSource } from './src/dashboard-source.ts';
import { createLog } from './src/log.ts';
import { tempDir } from './test/helpers.ts';

const tmp = tempDir();
const { db, store, clock } = await seededStore(tmp);
const seen = new Map<string, unknown>();
const prepare = db.sqlite.prepare.bind(db.sqlite);
(db.sqlite as any).prepare = (sql: string) => {
  const s = prepare(sql);
  if (!/progress_events/.test(sql)) return s;
  for (const m of ['all', 'get', 'run'] as const) {
    const f = (s as any)[m].bind(s);
    (s as any)[m] = (...a: unknown[]) => {
      if (!seen.has(sql)) seen.set(sql, a[0]);
      return f(...a);
    };
  }
  return s;
};
db.sqlite.exec("update workspaces set time_zone = 'Europe/Berlin'");
const core = createCore({ store, clock, log: createLog('error'), defaultRoadmap: 'backend' });
const ask = (text: string, u = 'u7') =>
  core.handle({
    platform: 'bench',
    workspace: { id: 'bench' },
    user: { id: u, displayName: u },
    place: { direct: true },
    text,
  });
for (const t of [
  'next',
  'progress',
  'team',
  'leaderboard',
  'leaderboard week',
  'leaderboard month',
  'leaderboard all',
  'done redis',
  'reset redis',
  'streak',
  'export',
  'reviews',
])
  await ask(t);
const source = createStoreSource(store, () => clock.now());
await source.team('1', { memberId: '8' } as any, { by: 'activity', dir: 'desc' }, 1);
await source.member('1', '8', { memberId: '8' } as any);
await store.transaction((tx) => tx.boards.firstEventAt());
const plan = (sql: string, p: unknown) => {
  try {
    return db.sqlite
      .prepare(`explain query plan ${sql}`)
      .all(...(p === undefined ? [] : [p]))
      .map((r: any) => r.detail)
      .filter((d: string) => /progress_events|\be\b|USING/.test(d))
      .join(' | ');
  } catch (e) {
    return `ERR ${(e as Error).message} in ${sql.slice(0, 80)}`;
  }
};
const keys0 = [...seen].filter(([s]) => !s.startsWith('explain'));
const before = keys0.map(([sql, p]) => plan(sql, p));
const withStats = process.argv[2] === 'analyze';
if (withStats) db.sqlite.exec('analyze');
const mid = keys0.map(([sql, p]) => plan(sql, p));
db.sqlite.exec('drop index progress_events_at');
const after = keys0.map(([sql, p]) => plan(sql, p));
let i = 0;
for (const [sql] of [...seen].filter(([s]) => !s.startsWith('explain'))) {
  const changed = mid[i] !== after[i];
  console.log(`--- ${changed ? 'CHANGED' : 'same'}: ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
  if (changed || /at >=|min\(at\)/.test(sql)) console.log(`  with index:    ${mid[i]}\n  without index: ${after[i]}`);
  i++;
}
await store.close();
tmp.cleanup();
