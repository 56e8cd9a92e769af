// The terminal adapter on a TTY-like stream: it greets, prompts, renders replies and lets a number press a button.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Adapter, Handle } from '../../../src/adapters/adapter.ts';
import { createTerminalAdapter } from '../../../src/adapters/terminal/index.ts';
import { render } from '../../../src/adapters/terminal/render.ts';
import { reply, text } from '../../../src/core/model/reply.ts';
import { createLog } from '../../../src/log.ts';
import { createSender } from '../../../src/schedule/sender.ts';
import { createTestApp, type TestApp, tempDir } from '../../helpers.ts';
import { screen } from './screen.ts';

let app: TestApp;
afterEach(() => app.close());

async function until(check: () => boolean): Promise<void> {
  // Up to 5 s: the machine running the suite may be busy; a check that holds returns at once.
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error('timed out waiting for output');
}

/** The terminal chat on TTY-like streams over the test app's core (or `handle`); shown(): everything written so far. */
async function chatOn(app: TestApp, opts: { filesDir?: string; handle?: Handle; logs?: string[] } = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (d) => (written += d));
  const terminal = createTerminalAdapter({
    input,
    output,
    interactive: true,
    user: { id: 'ada', displayName: 'Ada' },
    onEnd: () => {},
    filesDir: opts.filesDir ?? '/nonexistent',
    clock: app.clock,
    log: createLog('error', (line) => opts.logs?.push(line)),
  });
  await terminal.start(opts.handle ?? app.core.handle);
  return { input, terminal, shown: () => written };
}

/** The real sender, delivering the app's outbox to this terminal. */
function senderTo(app: TestApp, terminal: Adapter) {
  return createSender({
    store: app.store,
    clock: app.clock,
    log: createLog('silent'),
    adapters: [terminal],
    outbound: app.core.outbound,
  });
}

describe('terminal adapter', () => {
  it('greets, prompts, and runs a button by its number', async () => {
    app = await createTestApp();
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (d) => (shown += d));
    let ended = false;
    const terminal = createTerminalAdapter({
      input,
      output,
      interactive: true,
      user: { id: 'ada', displayName: 'Ada' },
      onEnd: () => (ended = true),
      filesDir: '/nonexistent',
      clock: app.clock,
      log: createLog('silent'),
    });
    await terminal.start(app.core.handle);
    expect(shown).toContain('type `help` for commands');
    expect(shown).toContain('roadmap> ');
    input.write('next\n');
    await until(() => shown.includes('[2] Python → track python'));
    input.write('2\n');
    await until(() => shown.includes('== Your track: Python =='));
    input.end();
    await until(() => ended);
  });

  it(
    'prints a nudge and a `digest here` above the prompt, ' + 'keeps what was typed, and lets their buttons be pressed',
    async () => {
      app = await createTestApp({ now: '2026-11-26T08:00:00Z' });
      const { input, terminal, shown } = await chatOn(app);
      const sender = senderTo(app, terminal);
      const sendDue = async (iso: string) => {
        app.clock.set(iso);
        await app.core.outbound.queueDue(app.clock.now().getTime());
        await sender.drain();
      };

      input.write('remind 09:00 UTC\n');
      await until(() => shown().includes('[2] Turn off → remind off'));
      await sendDue('2026-11-26T09:00:00Z');
      let lines = screen(shown());
      expect(lines.at(-1)).toBe('roadmap>'); // the prompt is drawn again below the nudge
      expect(lines).toContain('== Time to study: choose a track in Choose Your Backend Language ==');
      expect(lines.filter((l) => l.startsWith('roadmap> ==') || l.startsWith('roadmap>=='))).toEqual([]);
      input.write('2\n'); // the nudge's second button, not the second button of `remind`'s reply
      await until(() => shown().includes('== Your track: Python =='));

      input.write('digest here daily 09:30\n');
      await until(() => shown().includes('== Channel digest set =='));
      expect(shown()).toContain('The leaderboard and team progress go to `<#terminal>` at 09:30 (UTC), every day.');
      input.write('pro'); // half typed when the digest arrives
      await until(() => screen(shown()).at(-1) === 'roadmap> pro');
      await sendDue('2026-11-26T09:30:00Z');
      lines = screen(shown());
      expect(lines).toContain('== Daily study digest ==');
      expect(lines.at(-1)).toBe('roadmap> pro');
      expect(lines.filter((l) => l.includes('roadmap> pro'))).toHaveLength(1);
      input.write('gress\n'); // what was typed before the digest is still the line being edited
      await until(() => shown().includes('== Your progress'));
      input.end();
    },
  );

  it('prints a nudge carrying a due review, whose Reveal and answer are one number each', async () => {
    app = await createTestApp({ now: '2026-11-26T08:00:00Z' });
    const { input, terminal, shown } = await chatOn(app);
    const sender = senderTo(app, terminal);
    for (const line of ['remind 09:00 UTC', 'track nodejs', 'done redis']) input.write(`${line}\n`);
    await until(() => shown().includes('A short recall check on it comes in 3 days'));
    app.clock.set('2026-11-29T09:00:00Z');
    await app.core.outbound.queueDue(app.clock.now().getTime());
    await sender.drain();
    const lines = screen(shown());
    expect(lines).toContain('== Time to recall: Redis ==');
    expect(lines.join('\n')).toContain('Why is Redis fast, and what do you risk by keeping data only in memory?');
    expect(lines).toContain('  [1] Reveal: Redis'); // then the topic nudge's own buttons
    expect(lines).toContain('  [2] Done');
    input.write('1\n');
    await until(() => shown().includes('How well did you recall it?'));
    input.write('3\n'); // Got it
    await until(() => shown().includes('== Recalled: Redis =='));
    expect(await app.sql.get('select count(*) as "n" from review_logs')).toEqual({ n: 1 });
    input.end();
  });

  it(
    'answers a number with no button on screen itself, keeps ' +
      'the buttons, and only prompts again for an empty line',
    async () => {
      app = await createTestApp();
      const { input, shown } = await chatOn(app);
      input.write('9\n');
      await until(() =>
        shown().includes(
          'There is no button 9 on screen: the last message has none. Type a command, such as `next` or `help`.',
        ),
      );
      input.write('next\n');
      await until(() => shown().includes('[4] Ruby on Rails → track ruby-on-rails'));
      for (const number of ['9', '-1', '0']) {
        input.write(`${number}\n`);
        await until(() =>
          shown().includes(
            `There is no button ${number} on screen: the buttons are 1–4. Type one of those numbers, or a command ` +
              `such as \`help\`.`,
          ),
        );
      }
      input.write('\n');
      await until(() => screen(shown()).slice(-2).join('|') === 'roadmap>|roadmap>');
      input.write('2\n'); // the buttons of `next` are still the ones on screen
      await until(() => shown().includes('== Your track: Python =='));
      expect(shown()).not.toContain('Did you mean');
      expect(shown()).not.toContain('== Roadmap Coach'); // the empty line did not reach the core (it answers with help)
      input.end();
    },
  );

  it("names a saved file by the injected clock, not the machine's", async () => {
    app = await createTestApp({ now: '2026-11-26T08:00:00Z' });
    const files = tempDir();
    const { input, shown } = await chatOn(app, { filesDir: files.dir });
    input.write('export\n');
    await until(() => shown().includes('Saved roadmap-coach-my-data.json to '));
    expect(shown()).toContain(
      `Saved roadmap-coach-my-data.json to ${join(files.dir, '2026-11-26T08-00-00-000Z-roadmap-coach-my-data.json')}`,
    );
    expect(readdirSync(files.dir)).toEqual(['2026-11-26T08-00-00-000Z-roadmap-coach-my-data.json']);
    input.end();
    files.cleanup();
  });

  it('answers a line that fails with an apology, logs it, and goes on with the next line', async () => {
    app = await createTestApp();
    const logs: string[] = [];
    let calls = 0;
    const failingOnce: Handle = (invocation) =>
      ++calls === 1 ? Promise.reject(new Error('the database went away')) : app.core.handle(invocation);
    const { input, shown } = await chatOn(app, { handle: failingOnce, logs });
    input.write('progress\n');
    await until(() => shown().includes('Sorry, something went wrong on my side.'));
    expect(logs.join('\n')).toContain('the database went away');
    input.write('next\n');
    await until(() => shown().includes('== Choose Your Backend Language =='));
    input.end();
  });

  it('strips control characters so typed text cannot drive the terminal', () => {
    const out = render(
      reply({ heading: 'Hi\u001b[2J', blocks: [text('You said ', { user: 'x\u001b]0;pwned\u0007y' })] }),
    );
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(out).toContain('"x]0;pwnedy"');
  });

  it('numbers buttons by their labels, and shows a command only where it has no topic path in it', () => {
    const out = render(
      reply({
        blocks: [],
        buttons: [
          { label: 'Done', command: 'done backend/choose-your-backend-language/nodejs/expressjs' },
          { label: 'Python', command: 'track python' },
        ],
      }),
    );
    expect(out.split('\n')).toEqual(['  [1] Done', '  [2] Python → track python']);
  });
});
