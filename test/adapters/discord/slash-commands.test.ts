// /roadmap subcommands end to end: the real discord.js client against the fake gateway and REST, real core and store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subcommandVerbs } from '../../../src/adapters/discord/commands.ts';
import { ADA, GUILD, slashCommand } from '../../fakes/discord.ts';
import { callbackFor, type Harness, rows, startDiscord } from './harness.ts';

const SAMPLE: Record<string, string> = { topic: 'express', section: 'databases', choice: 'node', command: 'done' };

let h: Harness;
beforeEach(async () => {
  h = await startDiscord();
});
afterEach(async () => {
  expect(h.fake.rest.violations).toEqual([]);
  await h.close();
});

describe('/roadmap over the gateway', () => {
  it('connects with the Guilds intent only and answers /roadmap next ephemerally', async () => {
    const identify = h.fake.gateway.received.find((f) => f.op === 2);
    expect(identify?.d.intents).toBe(1);
    const i = slashCommand('next');
    h.fake.gateway.interaction(i);
    const cb = await callbackFor(h, i.id);
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags).toBe(64);
    expect(cb.body.data.allowed_mentions).toEqual({ parse: [] });
    expect(cb.body.data.embeds[0].title).toBeTruthy();
    expect(h.handled[0]).toMatchObject({
      platform: 'discord',
      workspace: { id: GUILD.id, name: GUILD.name },
      text: 'next',
      user: { id: ADA.id, displayName: 'Ada L' },
      place: { channelId: GUILD.channelId, direct: false },
    });
    expect(h.handled[0]!.user.timeZone).toBeUndefined();
  });

  it('answers a command of the application that is not /roadmap privately, pointing to /roadmap', async () => {
    const next = slashCommand('next');
    const other = { ...next, data: { ...(next.data as object), name: 'weather' } };
    h.fake.gateway.interaction(other);
    const cb = await callbackFor(h, other.id);
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags).toBe(64);
    expect(cb.body.data.embeds[0].description).toContain('`/weather`');
    expect(h.handled).toEqual([]);
  });

  it('answers every subcommand derived from the grammar, folding options back in declared order', async () => {
    const verbs = subcommandVerbs(h.app.core.commands);
    expect(verbs.map((c) => c.name)).toEqual(h.app.core.commands.filter((c) => !c.rare).map((c) => c.name));
    for (const command of verbs) {
      const values = Object.fromEntries(command.args.map((a) => [a.name, SAMPLE[a.name] ?? 'x']));
      // Discord may send options in any order: reverse them to prove folding follows the declared order.
      const i = slashCommand(command.name, Object.fromEntries(Object.entries(values).reverse()));
      h.fake.gateway.interaction(i);
      const cb = await callbackFor(h, i.id);
      expect(cb.body.type, command.name).toBe(4);
      expect(cb.body.data.embeds.length).toBe(1);
      // Text after a topic (note) is joined with " | ", the grammar's explicit split.
      const folded = command.args.reduce(
        (t, a, j) => `${t}${a.kind === 'text' && command.args[j - 1]?.kind === 'topic' ? ' | ' : ' '}${values[a.name]}`,
        command.name,
      );
      expect(h.handled.at(-1)!.text).toBe(folded);
    }
  });

  it('/roadmap done topic:express marks the topic done in the store', async () => {
    const i = slashCommand('done', { topic: 'express' });
    h.fake.gateway.interaction(i);
    const cb = await callbackFor(h, i.id);
    expect(cb.body.data.embeds[0].title).toBe('✓ Done: Express.js');
    const saved = rows<{ state: string; path: string }>(
      h,
      'select p.state, t.path from progress p join topics t on t.id = p.topic_id',
    );
    expect(saved).toEqual([{ state: 'done', path: 'backend/choose-your-backend-language/nodejs/expressjs' }]);
    const workspace = rows<{ platform: string; external_id: string }>(
      h,
      'select platform, external_id from workspaces',
    );
    expect(workspace).toEqual([{ platform: 'discord', external_id: GUILD.id }]);
  });

  it('/roadmap run text: passes any text to the grammar, escaping what the user typed', async () => {
    const i = slashCommand('run', { text: 'help @everyone **x**' });
    h.fake.gateway.interaction(i);
    const cb = await callbackFor(h, i.id);
    expect(h.handled[0]!.text).toBe('help @everyone **x**');
    expect(cb.body.data.allowed_mentions).toEqual({ parse: [] });
    const description: string = cb.body.data.embeds[0].description;
    expect(description).toContain('@everyone \\*\\*x\\*\\*');
    expect(description).not.toContain('**x**');
  });

  it('/roadmap run text: with an unknown verb still gets an answer from the grammar', async () => {
    const i = slashCommand('run', { text: 'dnoe express' });
    h.fake.gateway.interaction(i);
    const cb = await callbackFor(h, i.id);
    expect(cb.body.data.embeds[0].description).toContain('Did you mean `done`?');
  });
});

describe('/roadmap note', () => {
  it("keeps Discord's split between topic and text: the whole text is the note, never cut by a guess", async () => {
    const i = slashCommand('note', { topic: 'docker compose', text: 'up -d' });
    h.fake.gateway.interaction(i);
    expect((await callbackFor(h, i.id)).body.data.embeds[0].title).toBe('Noted on Docker Compose');
    expect(h.handled.at(-1)!.text).toBe('note docker compose | up -d');
    expect(rows(h, 'select text from notes')).toEqual([{ text: 'up -d' }]);
  });
});
