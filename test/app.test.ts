// The whole bot as `start` composes it: Slack (HTTP mode, on our one HTTP server) and Discord at once, against
// local fakes of both platforms; readiness, metrics and a clean stop.
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, startApp } from '../src/app.ts';
import { systemClock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { createLog } from '../src/log.ts';
import { createSigner, SIGNING_SECRET, slashBody } from './adapters/slack/requests.ts';
import { APP_ID, createDiscordFake, type DiscordFake, slashCommand } from './fakes/discord.ts';
import { createDiscordSigner } from './fakes/discord-signer.ts';
import { startFakeSlack } from './fakes/slack-api.ts';
import { tempDir } from './helpers.ts';

let app: App | undefined;
let discord: DiscordFake;
let slack: Awaited<ReturnType<typeof startFakeSlack>> | undefined;
let tmp: ReturnType<typeof tempDir>;
afterEach(async () => {
  await app?.stop();
  await discord.close();
  await slack?.close();
  slack = undefined;
  tmp.cleanup();
});

describe('the bot with Slack and Discord', () => {
  it('serves both platforms, reports them ready and connected, counts their commands, and stops cleanly', async () => {
    tmp = tempDir();
    discord = await createDiscordFake({ heartbeatMs: 1000 });
    slack = await startFakeSlack();
    app = await startApp({
      config: loadConfig({
        DATABASE_PATH: join(tmp.dir, 'coach.db'),
        PORT: '0',
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.url,
        DISCORD_TOKEN: 'fake-bot-token-0123456789',
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_URL: discord.rest.apiUrl,
      }),
      log: createLog('silent'),
    });
    const base = `http://127.0.0.1:${app.address!.port}`;

    const slackReply = await createSigner(base, systemClock).postForm(
      slashBody('done express', slack.responseUrl('x')),
    );
    expect(slackReply.status).toBe(200);
    expect(JSON.stringify(await slackReply.json())).toContain('Done');

    const interaction = slashCommand('done', { topic: 'redis' });
    discord.gateway.interaction(interaction);
    const callback = await discord.nextRequest(new RegExp(`^/interactions/${interaction.id}/`));
    expect(JSON.stringify(callback.body)).toContain('Redis');

    const ready = await (await fetch(`${base}/readyz`)).json();
    expect(ready).toEqual({
      ready: true,
      checks: [
        { name: 'database', ok: true },
        { name: 'discord', ok: true },
      ],
    });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('roadmap_platform_connected{platform="discord"} 1');
    expect(metrics).toContain('roadmap_commands_total{verb="done",platform="slack",outcome="ok"} 1');
    expect(metrics).toContain('roadmap_commands_total{verb="done",platform="discord",outcome="ok"} 1');
    // Read as another process would: the file itself.
    const file = new BetterSqlite3(join(tmp.dir, 'coach.db'), { readonly: true });
    expect(file.prepare("select count(*) n from progress where state = 'done'").get()).toEqual({ n: 2 });
    file.close();

    await app.stop();
    expect(await app.store.ready()).toBe(false);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    app = undefined;
  });
});

describe('the bot with Discord in HTTP mode', () => {
  it('takes a public key as HTTP mode: no gateway, interactions on /discord/interactions of the one server', async () => {
    tmp = tempDir();
    discord = await createDiscordFake({ heartbeatMs: 1000 });
    const signer = createDiscordSigner();
    app = await startApp({
      config: loadConfig({
        DATABASE_PATH: join(tmp.dir, 'coach.db'),
        PORT: '0',
        DISCORD_TOKEN: 'fake-bot-token-0123456789',
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_URL: discord.rest.apiUrl,
        DISCORD_PUBLIC_KEY: signer.publicKey,
      }),
      log: createLog('silent'),
    });
    const base = `http://127.0.0.1:${app.address!.port}`;
    const post = (payload: unknown) => {
      const body = JSON.stringify(payload);
      return fetch(`${base}/discord/interactions`, { method: 'POST', headers: signer.headers(body), body });
    };
    expect(await (await post({ type: 1, id: '1', token: 't', application_id: APP_ID, version: 1 })).json()).toEqual({
      type: 1,
    });
    const answer = (await (await post(slashCommand('done', { topic: 'redis' }))).json()) as { type: number };
    expect(answer.type).toBe(4);
    expect(JSON.stringify(answer)).toContain('Redis');
    expect(discord.rest.requests).toEqual([]); // no GET /gateway/bot, no callback: the answer was the response
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({
      ready: true,
      checks: [{ name: 'database', ok: true }],
    });
  });
});
