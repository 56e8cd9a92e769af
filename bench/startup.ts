// Start-up benchmark (issue 19): from spawning the production command (the Docker image's CMD: the bundle built by
// scripts/build.ts) to the first 200 from /readyz, with Slack configured in HTTP mode against a local fake Web API,
// on a database file that does not exist yet (created, migrated, content loaded) and on a seeded one (10,000 members,
// 1,000,000 progress events). The process's resident memory and CPU time at that moment are read from /proc: on a
// machine shared with other work, the CPU time says what the start costs and the wall time adds the waits for a core.
// The development command (tsx compiling src/ at start, what the image ran before) is measured in the same rounds,
// alternating which goes first, since this shared machine's speed drifts. Target: median start to ready < 1 s for
// the production command.
import { execFileSync, spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { buildBundle, ROOT } from '../scripts/build.ts';
import { SIGNING_SECRET } from '../test/adapters/slack/requests.ts';
import { startFakeSlack } from '../test/fakes/slack-api.ts';
import { tempDir } from '../test/helpers.ts';
import { freePort, statusOf, usageOf } from './processes.ts';
import { seededStore } from './seed.ts';
import { judge, percentile } from './stats.ts';

const TARGET_MS = 1000;

/** The commands compared: the image's CMD with its compile cache (filled as the image build fills it), the same
 *  without one, and the development command (tsx compiling src/ at start, what the image ran before). */
const COMMANDS = {
  'production: node dist/main.js start (image)': { args: ['dist/main.js', 'start'], cache: true, target: true },
  'production without the compile cache': { args: ['dist/main.js', 'start'], cache: false, target: false },
  'development: node --import tsx src/main.ts start': {
    args: ['--import', 'tsx', 'src/main.ts', 'start'],
    cache: false,
    target: false,
  },
} as const;
type Command = (typeof COMMANDS)[keyof typeof COMMANDS];

interface Sample {
  ms: number;
  /** The process's own CPU time (user + system) at ready: what a loaded machine's wait for a core leaves out. */
  cpuMs: number;
  rssMb: number;
}

export async function runStartupBench(
  print: (line: string) => void = console.log,
  runs = Number(process.env.BENCH_STARTUP_RUNS ?? 10),
): Promise<void> {
  await buildBundle(); // never a stale dist/
  const tmp = tempDir();
  const cacheDir = join(tmp.dir, 'compile-cache');
  execFileSync('npm', ['run', '--silent', 'build:compile-cache'], {
    cwd: ROOT,
    env: { ...process.env, NODE_COMPILE_CACHE: cacheDir },
  });
  const fake = await startFakeSlack();
  try {
    const { store, seeded } = await seededStore(tmp);
    await store.close();
    print(`startup: Slack in HTTP mode; seeded database: ${seeded.members} members, ${seeded.events} progress events`);
    print(`load average before: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
    const databases = { empty: (i: number) => join(tmp.dir, `empty-${i}.db`), seeded: () => join(tmp.dir, 'bench.db') };
    const names = Object.keys(COMMANDS) as (keyof typeof COMMANDS)[];
    const start = (name: keyof typeof COMMANDS, file: string) =>
      startOnce(COMMANDS[name], { file, fakeOrigin: fake.origin, cacheDir });
    for (const [kind, file] of Object.entries(databases)) {
      const samples = new Map(names.map((name) => [name, [] as Sample[]]));
      for (const name of names) await start(name, file(-1 - names.indexOf(name))); // warm the OS's file cache
      let started = 0;
      for (let round = 0; round < runs; round++) {
        // Which command goes first alternates: a slow spell of this shared machine lands on each alike.
        for (const name of round % 2 ? [...names].reverse() : names)
          samples.get(name)!.push(await start(name, file(started++)));
      }
      for (const name of names) print(line(`${name}, ${kind} database`, samples.get(name)!, COMMANDS[name].target));
    }
    print(`load average after: ${loadavg()[0]!.toFixed(1)}`);
  } finally {
    await fake.close();
    tmp.cleanup();
  }
}

/** "… median 612 ms  p90 650 ms  CPU 480 ms  RSS 118 MB (10 runs) (target median < 1 s: ok)": medians at ready. */
function line(name: string, samples: Sample[], targeted: boolean): string {
  const ms = samples.map((s) => s.ms);
  const cpu = samples.map((s) => s.cpuMs);
  const rss = samples.map((s) => s.rssMb);
  const median = percentile(ms, 50);
  const verdict = targeted
    ? `  (target median < 1 s: ${judge(`start to ready: ${name}`, `median ${median.toFixed(0)} ms`, 'median < 1 s', median < TARGET_MS)})`
    : '';
  return (
    `${name.padEnd(66)} median ${median.toFixed(0)} ms  p90 ${percentile(ms, 90).toFixed(0)} ms  ` +
    `CPU ${percentile(cpu, 50).toFixed(0)} ms  RSS ${percentile(rss, 50).toFixed(0)} MB  (${samples.length} runs)${verdict}`
  );
}

/** Spawns one command, polls /readyz until it answers 200, reads the process's RSS, and stops it with SIGTERM. */
async function startOnce(
  command: Command,
  at: { file: string; fakeOrigin: string; cacheDir: string },
): Promise<Sample> {
  const port = await freePort();
  const began = performance.now();
  const child = spawn(process.execPath, command.args, {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'production',
      DATABASE_PATH: at.file,
      PORT: String(port),
      SLACK_BOT_TOKEN: 'xoxb-startup-bench',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${at.fakeOrigin}/api/`,
      ...(command.cache ? { NODE_COMPILE_CACHE: at.cacheDir } : {}),
    },
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  try {
    while ((await statusOf(port, '/readyz')) !== 200) {
      if (child.exitCode !== null) throw new Error(`the bot exited ${child.exitCode} before ready:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    const ms = performance.now() - began;
    return { ms, ...usageOf(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runStartupBench();
