import { seededStore } from './bench/core.ts';
import { percentile, timeEach } from './bench/stats.ts';
import { createCore } from './src/core/index.ts';
import { createLog } from './src/log.ts';
import { tempDir } from './test/helpers.ts';

const tmp = tempDir();
const { db, store, clock } = await seededStore(tmp);
db.sqlite
  .prepare('update progress set updated_at = ? + ((member_id * 7919 + topic_id * 104729) % 30000000) * 1000')
  .run(1767225600000);
db.sqlite.exec("update workspaces set time_zone = 'Europe/Berlin'");
const core = createCore({ store, clock, log: createLog('error'), defaultRoadmap: 'backend' });
const ask = (text: string, i: number) =>
  core.handle({
    platform: 'bench',
    workspace: { id: 'bench' },
    user: { id: `u${(i * 7919) % 10_000}`, displayName: 'x' },
    place: { direct: true },
    text,
  });
const measure = async (label: string) => {
  for (const cmd of ['team', 'leaderboard week', 'leaderboard month']) {
    await timeEach(10, (i) => ask(cmd, i));
    const s = await timeEach(100, (i) => ask(cmd, i));
    console.log(
      label.padEnd(28),
      cmd.padEnd(18),
      'median',
      percentile(s, 50).toFixed(2),
      'p99',
      percentile(s, 99).toFixed(2),
    );
  }
};
await measure('no statistics');
let t = performance.now();
db.sqlite.pragma('analysis_limit=1000');
db.sqlite.pragma('optimize=0x10002');
console.log('optimize ms', (performance.now() - t).toFixed(0));
await measure('optimize, analysis_limit 1000');
t = performance.now();
db.sqlite.pragma('analysis_limit=0');
db.sqlite.exec('analyze');
console.log('full analyze ms', (performance.now() - t).toFixed(0));
await measure('full analyze');
await store.close();
tmp.cleanup();
