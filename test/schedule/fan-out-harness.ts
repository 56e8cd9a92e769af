// The fan-out kill test's world: a database file seeded with nudges due this minute on Slack and Discord, slow and
// sometimes rate-limited fakes of both, and the bot started as the Docker image starts it (node --import tsx
// src/main.ts start), to be killed and started again. The fakes and the seeding serve the replicas' fan-out on
// PostgreSQL too (test/replicas/fan-out-kills.test.ts).
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as StoreDatabase } from '../../src/store/sql/database.ts';
import { APP_ID, createDiscordFake, GUILD } from '../fakes/discord.ts';
import { MANIFEST_SCOPES, startFakeSlack } from '../fakes/slack-api.ts';
import { tempDir } from '../helpers.ts';
import { openMigratedSqlite } from '../store/open-test-database.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
export const slackUser = (i: number) => `U${i}`;
export const discordUser = (i: number) => String(1400000000000000000n + BigInt(i));

export interface FanOutOptions {
  slack: number;
  discord: number;
  history: boolean;
  random: () => number;
}
export interface Row {
  id: number;
  key: string;
  platform: string;
  status: string;
  target: string;
  nonce: string;
  possible_duplicate: number;
  owner?: string | null;
}
/** A row's member, as perMember counts them: "slack:U7", "discord:1400000000000000007". */
export const memberOf = (r: Row): string => {
  const id = (JSON.parse(r.target) as { id: string }).id;
  return `${r.platform}:${r.platform === 'slack' ? id.replace(/^D/, '') : id}`;
};
export interface Bot {
  proc: ChildProcess;
  log: () => string;
  exited: Promise<number | null>;
  startedAt: number;
}

/** The platforms' fakes a fan-out sends to: slow (5–20 ms) and sometimes rate-limited, both; Discord honours its nonce
 *  for 60 s. What they received, counted as the judge of a fan-out needs it. */
export async function startFanOutFakes(opts: Pick<FanOutOptions, 'history' | 'random'> & { rateLimitChance?: number }) {
  const chance = opts.rateLimitChance ?? 0.02;
  const latency = () => 5 + opts.random() * 15;
  const slack = await startFakeSlack({
    scopes: opts.history ? [...MANIFEST_SCOPES, 'im:history'] : MANIFEST_SCOPES,
    delayMs: latency,
    rateLimit: {
      chance,
      retryAfter: 1,
      random: opts.random,
      methods: ['chat.postMessage', 'conversations.open', 'conversations.history'],
    },
  });
  const discord = await createDiscordFake({
    rest: {
      delayMs: latency,
      rateLimit: { chance, retryAfter: 0.2, random: opts.random },
      nonceWindowMs: 60_000,
    },
  });
  return {
    slack,
    discord,
    /** The bot's environment for these fakes (HTTP mode on Slack; Discord's gateway or HTTP as the caller adds). */
    env: {
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: 's'.repeat(32),
      SLACK_API_URL: slack.url,
      DISCORD_TOKEN: 'fake-bot-token-0123456789',
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: discord.rest.apiUrl,
    },
    /** Messages the platforms took: Slack's posts, and Discord's message requests answered 200 (a repeat included). */
    received: () =>
      slack.posted.length +
      discord.rest.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages') && r.status === 200)
        .length,
    /** Slack's messages and Discord's created messages per member (see memberOf). */
    perMember(): Map<string, number> {
      const n = new Map<string, number>();
      const add = (k: string) => n.set(k, (n.get(k) ?? 0) + 1);
      for (const m of slack.posted) add(`slack:${m.channel.slice(1)}`); // DU7: U7's DM
      // the fake's DM channel is 9 + user id
      for (const m of discord.rest.created) add(`discord:${m.channelId.slice(1)}`);
      return n;
    },
    async close() {
      await slack.close();
      await discord.close();
    },
  };
}

export async function startFanOut(opts: FanOutOptions) {
  const tmp = tempDir();
  const file = join(tmp.dir, 'coach.db');
  const fakes = await startFanOutFakes(opts);
  const db = await openMigratedSqlite(file);
  await seedNudges(db, opts);
  await db.close();
  const reader = new Database(file, { readonly: true });
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    DATABASE_PATH: file,
    PORT: '0',
    LOG_LEVEL: 'warn',
    ...fakes.env,
  };

  return {
    ...fakes,
    start(): Bot {
      const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start'], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let log = '';
      proc.stderr!.on('data', (d) => (log += d));
      return {
        proc,
        log: () => log,
        exited: new Promise((resolve) => proc.on('exit', (code) => resolve(code))),
        startedAt: performance.now(),
      };
    },
    // owner: only where claims have one
    rows: () => reader.prepare('select * from deliveries order by id').all() as Row[],
    owners: () => reader.prepare('select id from outbox_owners').pluck().all() as string[],
    async close() {
      reader.close();
      await fakes.close();
      tmp.cleanup();
    },
  };
}

/** Members with a nudge due a minute ago (the bot's first tick at start, or a new leader's, queues them); most Slack DMs
 *  kept already. Written through the store's Database, so the same world seeds SQLite and PostgreSQL. */
export async function seedNudges(db: StoreDatabase, opts: Pick<FanOutOptions, 'slack' | 'discord'>) {
  const due = Math.floor(Date.now() / 60_000) * 60_000 - 60_000;
  const time = new Date(due).toISOString().slice(11, 16);
  await db.transaction(async (r) => {
    await r.run(
      "insert into workspaces (id, platform, external_id, roadmap_id, created_at) values (1, 'slack', 'T1', " +
        "'backend', 0), (2, 'discord', @guild, 'backend', 0)",
      { guild: GUILD.id },
    );
    const add = async (workspace: number, user: string, channel: string | null) => {
      const member = await r.get<{ id: number }>(
        "insert into members (display_name, created_at) values ('m', 0) returning id",
      );
      const identity = await r.get<{ id: number }>(
        'insert into identities (workspace_id, platform_user_id, member_id, display_name, created_at) values ' +
          "(@workspace, @user, @member, 'm', 0) returning id",
        { workspace, user, member: member!.id },
      );
      await r.run(
        `insert into schedules (kind, workspace_id, member_id, identity_id, channel_id, local_time, time_zone, days,
          next_due_at, created_at)
        values ('nudge', @workspace, @member, @identity, @channel, @time, 'UTC', 127, @due, 0)`,
        { workspace, member: member!.id, identity: identity!.id, channel, time, due },
      );
    };
    // every tenth opens its DM
    for (let i = 1; i <= opts.slack; i++) await add(1, slackUser(i), i % 10 ? `D${slackUser(i)}` : null);
    for (let i = 1; i <= opts.discord; i++) await add(2, discordUser(i), null);
  });
}

export function countBy(values: string[]): Record<string, number> {
  const n: Record<string, number> = {};
  for (const v of values) n[v] = (n[v] ?? 0) + 1;
  return n;
}
