// `npm run bench [name…]`: runs every benchmark (or the named ones) and prints figures against the issues' targets.
import { runCoreBench } from './core.ts';
import { runDashboardBench } from './dashboard.ts';
import { runDiscordBench } from './discord.ts';
import { runScheduleBench } from './schedule.ts';
import { runSlackBench } from './slack.ts';
import { runTeamBench } from './team.ts';

const BENCHES: Record<string, () => Promise<void>> = {
  core: () => runCoreBench(),
  team: () => runTeamBench(),
  dashboard: () => runDashboardBench(),
  schedule: () => runScheduleBench().then(() => undefined),
  slack: () => runSlackBench(),
  discord: () => runDiscordBench().then(() => undefined),
};

const wanted = process.argv.slice(2);
for (const name of wanted.length ? wanted : Object.keys(BENCHES)) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`No benchmark "${name}". Choose from: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n# ${name}`);
  await bench();
}
