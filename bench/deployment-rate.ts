// The whole deployment's send rate, whatever the replica count: the same fan-out (nudges due one minute, on Slack and
// Discord fakes that answer in 5–20 ms and never 429) drained by one replica and by three on one PostgreSQL database.
// Only the leader sends, so both rates sit at one pacer's budget, not three (issue 15). The rate is taken after the
// bucket's first burst: sends past the burst over the time from the first send to the last.

import type { SendLimits } from '../src/adapters/adapter.ts';
import { DISCORD_LIMITS } from '../src/adapters/discord/send.ts';
import { SLACK_LIMITS } from '../src/adapters/slack/send.ts';
import { startDeployment } from '../test/replicas/deployment.ts';
import { seedNudges } from '../test/schedule/fan-out-harness.ts';
import { seeded } from '../test/schedule/seeded.ts';
import { postgresServer } from '../test/store/engines.ts';
import { DIALECTS_URL } from './dialects.ts';
import { judge } from './stats.ts';

const SCALE = Number(process.env.BENCH_RATE_SECONDS) || 15; // seconds of sending per platform at its budget
export const RATE_SKIPPED =
  'deployment send rate: skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server the bench may ' +
  'create a database on';

interface Rates {
  slack: number;
  discord: number;
}

/** Sends per second past the first burst. */
function rateOf(at: number[], limit: SendLimits): number {
  const times = [...at].sort((a, b) => a - b);
  return (times.length - limit.burst) / ((times.at(-1)! - times[0]!) / 1000);
}

async function drain(url: string, replicas: number): Promise<Rates> {
  const slack = SLACK_LIMITS.perSecond * SCALE;
  const discord = DISCORD_LIMITS.perSecond * SCALE;
  const d = await startDeployment(postgresServer(url), { replicas, random: seeded(replicas), rateLimitChance: 0 });
  try {
    await seedNudges(d.db, { slack, discord });
    await d.up();
    const until = performance.now() + 10 * SCALE * 1000;
    while (d.received() < slack + discord && performance.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 100));
    if (d.received() < slack + discord) throw new Error(`${replicas} replica(s): ${d.received()} sent in time`);
    return {
      slack: rateOf(
        d.slack.calls.filter((c) => c.method === 'chat.postMessage').map((c) => c.at!),
        SLACK_LIMITS,
      ),
      discord: rateOf(
        d.discord.rest.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages')).map((r) => r.at),
        DISCORD_LIMITS,
      ),
    };
  } finally {
    await d.close();
  }
}

export async function runDeploymentRateBench(print: (line: string) => void = console.log): Promise<void> {
  if (!DIALECTS_URL) {
    print(RATE_SKIPPED);
    return;
  }
  const one = await drain(DIALECTS_URL, 1);
  const three = await drain(DIALECTS_URL, 3);
  const f = (n: number) => `${n.toFixed(1)}/s`;
  for (const [platform, limit] of [
    ['slack', SLACK_LIMITS],
    ['discord', DISCORD_LIMITS],
  ] as const) {
    const ok =
      Math.abs(three[platform] - one[platform]) <= 0.1 * limit.perSecond && three[platform] <= limit.perSecond * 1.05;
    print(
      `deployment send rate, ${platform}: 1 replica ${f(one[platform])}, 3 replicas ${f(three[platform])} ` +
        `(one budget: ${f(limit.perSecond)}${limit.perWorkspace ? ' per workspace' : ''}) ` +
        judge(
          `deployment send rate, ${platform}, 3 replicas`,
          f(three[platform]),
          `one budget, ${f(limit.perSecond)}`,
          ok,
        ),
    );
  }
}
