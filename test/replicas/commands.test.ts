// Three replicas of the real bot on one PostgreSQL database, behind a round-robin "load balancer": signed Slack slash
// commands and Discord HTTP interactions from many members, each answered exactly once, in the HTTP response, and each
// state change stored once. A Slack Events API retry and a Discord interaction delivered twice, each reaching another
// replica than the first delivery, run once: the ids are taken in the database, not in one process's memory.
import { afterEach, describe, expect, it } from 'vitest';
import { eventBody, slashBody } from '../adapters/slack/requests.ts';
import { ADA, slashCommand } from '../fakes/discord.ts';
import { discordUser, slackUser } from '../schedule/fan-out-harness.ts';
import { type Deployment, SERVERS, startDeployment } from './deployment.ts';

const MEMBERS = 12; // per platform
const REPLICAS = 3;
const RETRY = { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } };

describe.each(SERVERS.map((e) => [e.name, e] as const))('three replicas on %s', (_name, engine) => {
  let d: Deployment | undefined;
  afterEach(async () => {
    // Whatever went wrong inside a replica, said where a failure can be read.
    const errors = d?.replicas.flatMap((r) => r.lines.filter((l) => Number(l.level) >= 50)) ?? [];
    if (errors.length) console.log(JSON.stringify(errors, null, 1).slice(0, 5_000));
    expect(errors).toEqual([]);
    expect(d?.slack.violations).toEqual([]);
    expect(d?.discord.rest.violations).toEqual([]);
    await d?.close();
    d = undefined;
  });

  const progress = async () =>
    await d!.db.transaction((r) =>
      r.all<{ member_id: number; to_state: string; n: number }>(
        'select member_id, to_state, count(*)::int as n from progress_events group by member_id, to_state',
      ),
    );

  it('answer every command exactly once, whichever replica it reaches, and store each change once', async () => {
    d = await startDeployment(engine, { replicas: REPLICAS, random: Math.random });
    const replicas = await d.up();
    const at = (i: number) => replicas[i % REPLICAS]!;

    const slack = Array.from({ length: MEMBERS }, (_, i) =>
      d!.slackTo(at(i)).postForm(slashBody('done express', d!.slack.responseUrl(`r${i}`), slackUser(i + 1))),
    );
    const discord = Array.from({ length: MEMBERS }, (_, i) =>
      d!.discordTo(
        at(i + 1), // another replica than the Slack command of the same index
        slashCommand('done', { topic: 'express' }, { ...ADA, id: discordUser(i + 1), username: `m${i + 1}` }),
      ),
    );
    const slackAcks = await Promise.all(
      slack.map(async (p) => {
        const res = await p;
        expect(res.status).toBe(200);
        const text = await res.text();
        return text ? (JSON.parse(text) as Record<string, unknown>) : undefined; // empty: answered by response_url
      }),
    );
    const discordAcks = await Promise.all(discord);

    // Each answered once: Slack in the ack, or (when slower than the ack's deadline) an empty ack and one
    // response_url post; Discord with CHANNEL_MESSAGE_WITH_SOURCE (4), or DEFERRED (5) and one edit of @original.
    const followUps = () =>
      d!.discord.rest.requests.filter((r) => /^\/(interactions|webhooks)\//.test(r.path)).map((r) => r.path);
    const deferred = discordAcks.filter((a) => (a.body as { type: number }).type === 5).length;
    const late = slackAcks.filter((a) => !a).length;
    await expect.poll(() => d!.slack.responses.length + followUps().length, { timeout: 15_000 }).toBe(late + deferred);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // time for a second answer, were there one
    console.log(
      `${MEMBERS} Slack commands, ${late} answered by response_url; ${MEMBERS} Discord, ${deferred} deferred`,
    );
    for (const [i, ack] of slackAcks.entries()) {
      const posted = d.slack.responses.filter((r) => r.id === `r${i}`);
      expect(posted).toHaveLength(ack ? 0 : 1);
      const answer = ack ?? posted[0]!.body;
      expect(answer.response_type).toBe('ephemeral');
      expect(JSON.stringify(answer.blocks)).toContain('Done');
    }
    for (const a of discordAcks) expect(a.status).toBe(200);
    expect(discordAcks.map((a) => (a.body as { type: number }).type).filter((t) => t !== 4 && t !== 5)).toEqual([]);
    expect(followUps()).toHaveLength(deferred);
    expect(followUps().every((path) => path.endsWith('/messages/@original'))).toBe(true);
    // One member per person, one progress event each.
    const events = await progress();
    expect(events).toHaveLength(2 * MEMBERS);
    expect(events.every((e) => e.to_state === 'done' && e.n === 1)).toBe(true);
  }, 120_000);

  it('run a Slack retry and a repeated Discord interaction once when they reach another replica', async () => {
    d = await startDeployment(engine, { replicas: REPLICAS, random: Math.random });
    const [first, second, third] = await d.up();

    // Slack's Events API: the first delivery on one replica, its retry (same event_id) on another.
    const homeOpened = eventBody({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' }, 'T1', 'Ev42');
    expect((await d.slackTo(first!).postJson(homeOpened)).status).toBe(200);
    await expect.poll(() => d!.slack.callsTo('views.publish').length, { timeout: 10_000 }).toBe(1);
    const retry = await d.slackTo(second!).postJson(homeOpened, RETRY);
    expect(retry.status).toBe(200);
    expect((await d.slackTo(third!).postJson(homeOpened, RETRY)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // time for a retry to run, were it to
    expect(d.slack.callsTo('views.publish')).toHaveLength(1);

    // Discord: the same interaction (same id) POSTed to one replica, then to another.
    const done = slashCommand('done', { topic: 'express' });
    const answered = await d.discordTo(first!, done);
    expect(answered.status).toBe(200);
    expect((answered.body as { type: number }).type).toBe(4);
    const again = await d.discordTo(second!, done);
    expect(again.status).toBe(409); // the endpoint's answer to an interaction already received
    expect((await d.discordTo(third!, done)).status).toBe(409);

    await new Promise((resolve) => setTimeout(resolve, 1_000)); // time for a repeat to run, were it to
    expect(await progress()).toEqual([{ member_id: expect.any(Number), to_state: 'done', n: 1 }]);
    expect(d.discord.rest.requests.filter((r) => /^\/(interactions|webhooks)\//.test(r.path))).toEqual([]);
  }, 120_000);
});
