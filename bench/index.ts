// `npm run bench [name…] [-- --quick]`: runs every benchmark (or the named ones) and prints figures against the
// issues' targets. --quick: a short run (smaller scales, fewer samples, a shorter send window).
import { runCoreBench } from './core.ts';
import { runDashboardBench } from './dashboard.ts';
import { runDeploymentRateBench } from './deployment-rate.ts';
import { DIALECTS_URL, runDialectsBench, SKIPPED_LINE } from './dialects.ts';
import { runDiscordBench } from './discord.ts';
import { runLeaderHandoverBench } from './leader-handover.ts';
import { runReviewsBench } from './reviews.ts';
import { runScheduleBench } from './schedule.ts';
import { runSlackBench } from './slack.ts';
import { runStartupBench } from './startup.ts';
import { judged, summaryLines } from './stats.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const BENCHES: Record<string, () => Promise<void>> = {
  core: () => runCoreBench(console.log, { quick }),
  dashboard: () => runDashboardBench(),
  schedule: () => runScheduleBench(console.log, { quick }).then(() => undefined),
  slack: () => runSlackBench(console.log, { quick }),
  discord: () => runDiscordBench().then(() => undefined),
  dialects: () => runDialectsBench(),
  reviews: () => runReviewsBench(),
  startup: () => runStartupBench(),
  handover: () => runLeaderHandoverBench().then(() => undefined),
  'replicas-rate': () => runDeploymentRateBench(),
};

// The full run measures both dialects only when a PostgreSQL server is named; asked for by name, SQLite's column runs
// alone and the same line says how to add PostgreSQL's.
const skippedUnlessNamed: Record<string, () => boolean> = { dialects: () => !DIALECTS_URL };

const wanted = args.filter((a) => !a.startsWith('--'));
for (const name of wanted.length ? wanted : Object.keys(BENCHES)) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`No benchmark "${name}". Choose from: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n# ${name}`);
  if (!wanted.length && skippedUnlessNamed[name]?.()) console.log(SKIPPED_LINE);
  else await bench();
}

if (judged.length) {
  console.log(`\n# summary: ${judged.filter((j) => j.ok).length} of ${judged.length} figures meet their targets`);
  for (const line of summaryLines()) console.log(line);
}
