// Core benchmark (issues 2, 3 and 19): every core command and every board through the real core, over one workspace
// of 1k, 10k and 100k members with time zones and 100 progress events each, the asker rotating over the members.
// Targets: each command p99 < 1 ms, each board and `team` p99 < 25 ms, at every scale; content loads under 100 ms.
import { join } from 'node:path';
import { syncContent } from '../src/content/sync.ts';
import { createCore } from '../src/core/index.ts';
import { createLog } from '../src/log.ts';
import { createStore } from '../src/store/index.ts';
import { CONTENT_DIR, tempDir } from '../test/helpers.ts';
import { openMigratedSqlite } from '../test/store/open-test-database.ts';
import { SCALES, type Scale, seededStore, toggling, UNSEEDED_TOPIC } from './seed.ts';
import { judge, percentile, report, timeEach } from './stats.ts';

export interface CoreBenchOptions {
  quick?: boolean; // 1k and 10k only, fewer samples: a short run
}

interface Figure {
  name: string;
  /** What the asker types; `scale` names the database, so a figure that remembers askers keeps them apart. */
  texts: (asker: number, scale: string) => string;
  targetP99Ms?: number;
  board?: boolean;
}

const COMMAND_MS = 1;
const BOARD_MS = 25;
const FIGURES: Figure[] = [
  { name: 'next', texts: () => 'next', targetP99Ms: COMMAND_MS },
  { name: 'topic graphql resolvers', texts: () => 'topic graphql resolvers', targetP99Ms: COMMAND_MS },
  { name: 'topic kuberneetes pods', texts: () => 'topic kuberneetes pods', targetP99Ms: COMMAND_MS },
  { name: 'progress', texts: () => 'progress', targetP99Ms: COMMAND_MS },
  { name: 'streak', texts: () => 'streak', targetP99Ms: COMMAND_MS },
  { name: 'topics', texts: () => 'topics', targetP99Ms: COMMAND_MS },
  { name: 'notes', texts: () => 'notes', targetP99Ms: COMMAND_MS },
  { name: 'done|reset (writes)', texts: toggling(UNSEEDED_TOPIC), targetP99Ms: COMMAND_MS },
  { name: 'leaderboard week', texts: () => 'leaderboard week', targetP99Ms: BOARD_MS, board: true },
  { name: 'leaderboard lastweek', texts: () => 'leaderboard lastweek', targetP99Ms: BOARD_MS, board: true },
  { name: 'leaderboard month', texts: () => 'leaderboard month', targetP99Ms: BOARD_MS, board: true },
  { name: 'leaderboard all', texts: () => 'leaderboard all', targetP99Ms: BOARD_MS, board: true },
  { name: 'team', texts: () => 'team', targetP99Ms: BOARD_MS, board: true },
];

/** A figure far off its target stops after this long, with the samples it has (the table says how many), so one
 *  slow board cannot take the whole run's ten minutes. */
const FIGURE_BUDGET_MS = 30_000;

/** Samples per figure: enough that p99 is the 10th-slowest of 1,000, not the slowest of a handful. */
function runsOf(figure: Figure, quick: boolean): number {
  if (quick) return figure.board ? 200 : 1000;
  return figure.board ? 1000 : 3000;
}

export async function runCoreBench(
  print: (line: string) => void = console.log,
  { quick = false }: CoreBenchOptions = {},
): Promise<void> {
  const scaleNames = process.env.BENCH_SCALES?.split(',') ?? (quick ? ['1k', '10k'] : ['1k', '10k', '100k']);
  const unknown = scaleNames.filter((name) => !SCALES[name]);
  if (unknown.length)
    throw new Error(`BENCH_SCALES: no scale ${unknown.join(', ')} (${Object.keys(SCALES).join(', ')})`);
  const results = new Map<string, Map<string, number[]>>(FIGURES.map((f) => [f.name, new Map()]));
  for (const scaleName of scaleNames) {
    const scale = SCALES[scaleName]!;
    const tmp = tempDir();
    try {
      const { store, clock, seeded } = await seededStore(tmp, scale);
      print(
        `core ${scaleName}: seeded ${seeded.members} members, ${seeded.events} progress events, ${seeded.progress} ` +
          `progress rows in ${(seeded.ms / 1000).toFixed(1)} s; the boards' local days counted in ` +
          `${(seeded.recountMs / 1000).toFixed(1)} s`,
      );
      const core = createCore({ store, clock, log: createLog('error'), defaultRoadmap: 'backend' });
      const ask = askAs(core, scale, scaleName);
      for (const figure of FIGURES) {
        const runs = runsOf(figure, quick);
        await timeEach(Math.ceil(runs / 10), (i) => ask(figure, i + 1), FIGURE_BUDGET_MS / 10); // warm up
        results.get(figure.name)!.set(scaleName, await timeEach(runs, (i) => ask(figure, i), FIGURE_BUDGET_MS));
      }
      await store.close();
    } finally {
      tmp.cleanup();
    }
  }
  for (const line of scaleTable(results, scaleNames, quick)) print(line);
  print(
    `(p99 of ${runsOf(FIGURES[0]!, quick)} samples per command and ${runsOf(FIGURES.at(-1)!, quick)} per board at each ` +
      `scale; members in ${8} zones, 100 events each over the year before now)`,
  );
  await runLoadBench(print);
}

function askAs(core: ReturnType<typeof createCore>, scale: Scale, scaleName: string) {
  return (figure: Figure, i: number) => {
    const n = (i * 7919) % scale.members; // rotating askers, each with their own time zone
    const text = figure.texts(n, scaleName);
    return core.handle({
      platform: 'bench',
      workspace: { id: 'bench' },
      user: { id: `u${n}`, displayName: `Member ${n}` },
      place: { direct: true },
      text,
    });
  };
}

/** One line per figure: median / p99 at each scale, then the target and whether every scale met it. */
function scaleTable(results: Map<string, Map<string, number[]>>, scaleNames: string[], quick: boolean): string[] {
  const cell = (samples: number[], wanted: number) =>
    `${percentile(samples, 50).toFixed(3)} / ${percentile(samples, 99).toFixed(3)}${
      samples.length < wanted ? ` (n=${samples.length})` : ''
    }`.padEnd(17);
  const lines = [`${'median / p99 ms'.padEnd(24)} ${scaleNames.map((s) => s.padEnd(17)).join(' ')} target p99`];
  for (const figure of FIGURES) {
    const byScale = results.get(figure.name)!;
    const cells = scaleNames.map((s) => cell(byScale.get(s)!, runsOf(figure, quick)));
    const worst = Math.max(...scaleNames.map((s) => percentile(byScale.get(s)!, 99)));
    const verdict =
      figure.targetP99Ms === undefined
        ? ''
        : `< ${figure.targetP99Ms} ms: ${judge(
            `${figure.name}, worst scale`,
            `p99 ${worst.toFixed(3)} ms`,
            `p99 < ${figure.targetP99Ms} ms`,
            worst < figure.targetP99Ms,
          )}`;
    lines.push(`${figure.name.padEnd(24)} ${cells.join(' ')} ${verdict}`);
  }
  return lines;
}

/** Each load goes into a fresh database, the cold case: every topic is inserted. */
async function runLoadBench(print: (line: string) => void): Promise<void> {
  const tmp = tempDir();
  try {
    const loads: number[] = [];
    for (let i = 0; i < 20; i++) {
      const fresh = await openMigratedSqlite(join(tmp.dir, `load-${i}.db`));
      const [sample] = await timeEach(1, () => syncContent(CONTENT_DIR, createStore(fresh), 1));
      loads.push(sample!);
      await fresh.close();
    }
    print(report('load content/backend.md', loads, 100));
  } finally {
    tmp.cleanup();
  }
}
