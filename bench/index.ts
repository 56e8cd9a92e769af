// `npm run bench [name…]`: runs every benchmark (or the named ones) and prints figures against the issues' targets.
import { runCoreBench } from './core.ts';
import { runDiscordBench } from './discord.ts';
import { runSlackBench } from './slack.ts';

const BENCHES: Record<string, () => Promise<void>> = {
  core: () => runCoreBench(),
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
