// The README's commands, run exactly as printed: every complete command in its Commands section, the Quick start's
// piped script and its transcript, and every command's own examples (what `help <command>` prints). Each runs in a
// fresh workspace as an admin in a Slack channel, after a few ordinary steps (a track, a nudge, a note), and must
// not be refused, except the few the README itself shows being refused or asking.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/core/commands/index.ts';
import { type CommandEvent, createCore } from '../src/core/index.ts';
import type { Reply } from '../src/core/model/reply.ts';
import { createLog } from '../src/log.ts';
import { createTestApp, textOf } from './helpers.ts';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const SETUP = ['track node', 'remind 09:00', 'note redis first note'];
// Shown in the README as refused or asking, each for a reason the README gives.
const REFUSED: Record<string, string> = {
  'progress foo': 'words a command does not take are refused',
  'note docker compose up -d': 'when the topic could end at more than one word, the bot asks',
  unlink: 'separates an account that was linked; this one is not',
};

const verbOf = (line: string) =>
  line
    .replace(/^\/?roadmap\s+/i, '')
    .split(' ')[0]!
    .toLowerCase();
const commandOf = (line: string) => COMMANDS.find((c) => c.name === verbOf(line) || c.aliases?.includes(verbOf(line)));

/** Backticked commands in the Commands section that are complete: no placeholders, no "a|b" alternatives. */
function readmeCommands(): string[] {
  const section = README.slice(README.indexOf('## Commands'), README.indexOf('## Configuration'));
  const found = [...section.matchAll(/`([^`]+)`/g)]
    .map((m) => m[1]!)
    .filter((raw) => !/[<[…]|YYYY|HH:MM|\S\\\|\S/.test(raw))
    .map((raw) => raw.replace(/\\\|/g, '|'))
    .filter((line) => {
      const command = commandOf(line);
      // A bare verb that needs an argument ("`done` tells you…") names the command; it is not an example.
      return command && !(line.trim().split(' ').length === 1 && command.args.some((a) => a.required));
    });
  return [...new Set(found)];
}

async function session() {
  const app = await createTestApp();
  const events: CommandEvent[] = [];
  const core = createCore({
    store: app.store,
    clock: app.clock,
    log: createLog('silent'),
    defaultRoadmap: 'backend',
    observe: (e) => events.push(e),
  });
  const say = async (text: string): Promise<{ reply: Reply; outcome: CommandEvent['outcome'] }> => {
    const reply = await core.handle({
      platform: 'slack',
      workspace: { id: 'T1' },
      user: { id: 'U1', displayName: 'Ada', isAdmin: true },
      place: { channelId: 'C1', direct: false },
      text,
    });
    return { reply, outcome: events.at(-1)!.outcome };
  };
  return { app, say };
}

async function runAfterSetup(line: string) {
  const { app, say } = await session();
  try {
    for (const step of SETUP) expect((await say(step)).outcome, step).toBe('ok');
    return await say(line);
  } finally {
    await app.close();
  }
}

describe('the README, as printed', () => {
  const lines = readmeCommands();

  it('has commands to run, including the ones this issue documents', () => {
    for (const expected of [
      'next',
      'topics 2',
      'start express confirm',
      'track node',
      'leaderboard week post',
      'team post',
      'note jwt token | text',
      'note delete 1',
      'topic caching',
      'settings posts everyone',
      'forget confirm',
    ]) {
      expect(lines).toContain(expected);
    }
  });

  it.each(lines.map((line) => [line]))('`%s`', async (line) => {
    const { reply, outcome } = await runAfterSetup(line);
    expect(outcome, textOf(reply)).toBe(REFUSED[line] ? 'refused' : 'ok');
  });

  it('the Quick start script, line by line', async () => {
    const script = /printf '([^']+)'/.exec(README)![1]!.split('\\n').filter(Boolean);
    expect(script).toEqual(['track node', 'next', 'done express', 'progress']);
    const { app, say } = await session();
    for (const line of script) expect((await say(line)).outcome, line).toBe('ok');
    await app.close();
  });

  it(
    'the Quick start transcript: each command answers with ' + 'the heading shown, and a number presses a button',
    async () => {
      const transcript = /```text\n(roadmap> [\s\S]*?)```/.exec(README)![1]!.split('\n');
      const { app, say } = await session();
      let last: Reply | undefined;
      for (let i = 0; i < transcript.length; i++) {
        const typed = /^roadmap> (.+)$/.exec(transcript[i]!)?.[1];
        if (!typed) continue;
        // the terminal's button press
        const text = /^\d+$/.test(typed) ? last!.buttons[Number(typed) - 1]!.command : typed;
        const { reply, outcome } = await say(text);
        expect(outcome, typed).toBe('ok');
        const heading = /^== (.+) ==$/.exec(transcript[i + 1] ?? '')?.[1];
        if (heading) expect(reply.heading).toBe(heading);
        last = reply;
      }
      await app.close();
    },
  );
});

describe("every command's examples, as `help` prints them", () => {
  const examples = COMMANDS.flatMap((c) => c.examples);
  it.each(examples.map((line) => [line]))('`%s`', async (line) => {
    const { reply, outcome } = await runAfterSetup(line);
    expect(outcome, textOf(reply)).toBe(REFUSED[line] ? 'refused' : 'ok');
  });
});
