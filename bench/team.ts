// Team benchmark (issue 3): `leaderboard week` and `team` through the core over 10,000 members in one workspace and
// 1,000,000 progress events. Target: p99 under 25 ms each. Month and all-time boards are printed for information.
import { createCore } from '../src/core/index.ts';
import { createLog } from '../src/log.ts';
import { tempDir } from '../test/helpers.ts';
import { seededStore } from './core.ts';
import { report, timeEach } from './stats.ts';

const RUNS = 300;
const YEAR_START = 1767225600000; // 2026-01-01, where the seeded events start

export async function runTeamBench(print: (line: string) => void = console.log): Promise<void> {
  const tmp = tempDir();
  try {
    const { db, store, clock, seeded } = await seededStore(tmp);
    // The shared seed stamps every topic state at 0; spread them over the year so each week has completions to rank.
    db.sqlite
      .prepare('update progress set updated_at = ? + ((member_id * 7919 + topic_id * 104729) % 30000000) * 1000')
      .run(YEAR_START);
    db.sqlite.exec("update workspaces set time_zone = 'Europe/Berlin'; analyze;");
    print(
      `team: seeded ${seeded.members} members, ${seeded.events} progress events, ${seeded.progress} progress rows in ` +
        `${seeded.ms.toFixed(0)} ms`,
    );

    const core = createCore({ store, clock, log: createLog('error'), defaultRoadmap: 'backend' });
    const ask = (text: string, i: number) =>
      core.handle({
        platform: 'bench',
        workspace: { id: 'bench' },
        user: { id: `u${(i * 7919) % 10_000}`, displayName: `Member ${(i * 7919) % 10_000}` },
        place: { direct: true },
        text,
      });
    await timeEach(30, (i) => ask('team', i)); // warm caches and the JIT
    await timeEach(30, (i) => ask('leaderboard', i));
    print(report('leaderboard week', await timeEach(RUNS, (i) => ask('leaderboard week', i)), 25));
    print(report('team', await timeEach(RUNS, (i) => ask('team', i)), 25));
    print(report('leaderboard month', await timeEach(50, (i) => ask('leaderboard month', i))));
    print(report('leaderboard all', await timeEach(10, (i) => ask('leaderboard all', i))));
    await store.close();
  } finally {
    tmp.cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runTeamBench();
