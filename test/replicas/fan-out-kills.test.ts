// A morning fan-out of 1,000 nudges due the same minute, on three replicas of the real bot on one PostgreSQL database,
// the leader SIGKILLed at random moments (ten times; each killed replica is replaced, so three keep running). Judged by
// what the platform fakes received: every nudge delivered; nothing doubled on Discord (its nonce); on Slack at most
// one double per kill, and each flagged possible_duplicate; and the send rate each platform saw never over one
// pacer's budget: one leader sends, so the replicas do not multiply the rate.
import { afterEach, describe, expect, it } from 'vitest';
import { DISCORD_LIMITS } from '../../src/adapters/discord/send.ts';
import { SLACK_LIMITS } from '../../src/adapters/slack/send.ts';
import type { SlackCall } from '../fakes/slack-api.ts';
import { LEADS } from '../replica-process.ts';
import { countBy, memberOf, type Row, seedNudges } from '../schedule/fan-out-harness.ts';
import { seeded } from '../schedule/seeded.ts';
import { type Deployment, SERVERS, startDeployment } from './deployment.ts';
import { judgeRate } from './send-rate.ts';

// Split so both platforms take about as long at their budgets (Slack 20/s for the one workspace, Discord 25/s).
const SLACK = 450;
const DISCORD = 550;
const KILLS = 10;
const REPLICAS = 3;

describe.each(SERVERS.map((e) => [e.name, e] as const))('three replicas on %s', (_name, engine) => {
  let d: Deployment | undefined;
  afterEach(async () => {
    await d?.close();
    d = undefined;
  });

  it('deliver 1,000 nudges through ten leader kills: none lost, none doubled unflagged, one budget', async () => {
    const random = seeded(Number(process.env.FAN_OUT_SEED ?? 7));
    d = await startDeployment(engine, { replicas: REPLICAS, random });
    const w = d;
    await seedNudges(w.db, { slack: SLACK, discord: DISCORD });
    const rows = () => w.db.transaction((r) => r.all<Row>('select * from deliveries order by id'));
    const startedAt = performance.now();
    await w.up();

    const kills: { at: number; sending: Row[] }[] = [];
    for (let k = 0; k < KILLS; k++) {
      const leader = await leaderSince(w, kills.at(-1)?.at ?? 0);
      // Killed once the platforms have taken a random number more: mid fan-out, at any point of a send; enough left
      // over for the kills still to come.
      const left = SLACK + DISCORD - w.received();
      const more = Math.max(1, Math.min(5 + Math.floor(random() * 36), Math.floor(left / (KILLS - k + 1))));
      const target = w.received() + more;
      await until(() => w.received() >= target, 30_000);
      leader.child.kill('SIGKILL');
      const at = performance.now();
      await leader.exited;
      kills.push({ at, sending: (await rows()).filter((r) => r.status === 'sending') });
      w.start(); // as an orchestrator would: three keep running
    }
    // A dead leader's claims come back once its heartbeat is 15 s old.
    const settled = async () => {
      const all = await rows();
      return all.length === SLACK + DISCORD && all.every((r) => ['sent', 'failed', 'skipped'].includes(r.status));
    };
    for (const end = performance.now() + 120_000; !(await settled()) && performance.now() < end; )
      await new Promise((resolve) => setTimeout(resolve, 200));
    const seconds = (performance.now() - startedAt) / 1000;

    const all = await rows();
    const per = w.perMember();
    const doubled = (platform: string) => [...per].filter(([m, n]) => m.startsWith(platform) && n > 1).map(([m]) => m);
    const inDoubt = new Set(kills.flatMap((k) => k.sending.map((r) => r.id)));
    const flagged = all.filter((r) => r.possible_duplicate);
    const slackRate = judgeRate(slackSends(w.slack.calls), SLACK_LIMITS);
    const discordRate = judgeRate(
      // one per send: a DM's channel is opened in the same send, under the same token
      w.discord.rest.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages')).map((r) => r.at),
      DISCORD_LIMITS,
    );
    const summary = {
      seconds: Math.round(seconds),
      kills: kills.length,
      leaders: w.replicas.filter((r) => r.lines.some((l) => l.msg === LEADS)).length,
      statuses: countBy(all.map((r) => r.status)),
      lost: all.filter((r) => !per.get(memberOf(r))).map(memberOf),
      discordDoubled: doubled('discord'),
      slackDoubled: doubled('slack'),
      flagged: flagged.length,
      slackRate: { ...slackRate, budget: `${SLACK_LIMITS.perSecond}/s, burst ${SLACK_LIMITS.burst}` },
      discordRate: { ...discordRate, budget: `${DISCORD_LIMITS.perSecond}/s, burst ${DISCORD_LIMITS.burst}` },
    };
    console.log(JSON.stringify(summary));

    expect(summary.statuses).toEqual({ sent: SLACK + DISCORD });
    expect(summary.lost).toEqual([]);
    expect(slackRate.worstExcess).toBeLessThanOrEqual(0);
    expect(discordRate.worstExcess).toBeLessThanOrEqual(0);
    expect(summary.leaders).toBeGreaterThan(KILLS); // each kill handed the lead to another replica
    expect(summary.discordDoubled).toEqual([]);
    expect(summary.slackDoubled.length).toBeLessThanOrEqual(KILLS);
    const flaggedIds = new Set(flagged.map((r) => r.id));
    expect(all.filter((r) => doubled('slack').includes(memberOf(r)) && !flaggedIds.has(r.id))).toEqual([]);
    expect(flagged.filter((r) => !inDoubt.has(r.id))).toEqual([]); // flagged only where a request had started
    expect(all.filter((r) => !r.possible_duplicate && per.get(memberOf(r)) !== 1)).toEqual([]); // unflagged: one
    expect(w.slack.violations).toEqual([]);
    expect(w.discord.rest.violations).toEqual([]);
  }, 240_000);
});

/** When Slack's paced requests started, one per pacer token: a post, or a DM opened ahead; a DM opened within a send
 *  (its post follows at once: one request at a time per workspace) shares the post's token. */
function slackSends(calls: SlackCall[]): number[] {
  const paced = calls.filter((c) =>
    ['chat.postMessage', 'conversations.open', 'conversations.history'].includes(c.method),
  );
  return paced
    .filter((c, i) => {
      const next = paced[i + 1];
      return !(
        c.method === 'conversations.open' &&
        next?.method === 'chat.postMessage' &&
        next.params.channel === `D${c.params.users}`
      );
    })
    .map((c) => c.at!);
}

/** The running replica that said it leads after `since` (performance.now()), once one does. */
async function leaderSince(d: Deployment, since: number) {
  for (const end = performance.now() + 60_000; performance.now() < end; ) {
    const leader = d.running().find((r) => r.lines.some((l) => l.msg === LEADS && l.at > since));
    if (leader) return leader;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no replica took the lead within 60 s');
}

async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  for (const end = performance.now() + timeoutMs; !done() && performance.now() < end; )
    await new Promise((r) => setTimeout(r, 20));
}
