// `help [command]`: every command with its usage, derived from the command list, or one command with examples.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

const say = async (text: string, user?: Parameters<TestApp['say']>[1]) => textOf(await app.say(text, user));

describe('help', () => {
  it('help lists every command, and explains one', async () => {
    const all = await say('help');
    for (const verb of ['next', 'topics [section]', 'topic <topic>', 'done <topic>', 'progress', 'track [choice]'])
      expect(all).toContain(verb);
    expect(await say('help done')).toContain('/roadmap done express');
    expect(await say('help nope')).toContain('There is no command');
  });

  it('lists every command of the list, each once, and finds one by an alias too', async () => {
    const all = await app.say('help');
    const usages = all.blocks.flatMap((b) => (b.type === 'list' ? b.items.map((item) => item[0]) : []));
    expect(usages).toHaveLength(app.core.commands.length);
    expect(await say('help board')).toContain('leaderboard [period] [post]'); // an alias of leaderboard
    expect(await say('help /roadmap done')).toContain('Mark a topic done');
    expect(all.buttons.map((b) => b.command)).toEqual(['next', 'progress']);
  });
});
