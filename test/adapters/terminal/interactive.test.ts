// The terminal adapter on a TTY-like stream: it greets, prompts, renders replies and lets a number press a button.
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createTerminalAdapter } from '../../../src/adapters/terminal/index.ts';
import { render } from '../../../src/adapters/terminal/render.ts';
import { reply, text } from '../../../src/core/reply.ts';
import { createTestApp, type TestApp } from '../../helpers.ts';

let app: TestApp;
afterEach(() => app.close());

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error('timed out waiting for output');
}

describe('terminal adapter', () => {
  it('greets, prompts, and runs a button by its number', async () => {
    app = createTestApp();
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (d) => (shown += d));
    let ended = false;
    const terminal = createTerminalAdapter({
      input, output, interactive: true, user: { id: 'ada', displayName: 'Ada' }, onEnd: () => (ended = true), filesDir: '/nonexistent',
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

  it('strips control characters so typed text cannot drive the terminal', () => {
    const out = render(reply({ heading: 'Hi\u001b[2J', blocks: [text('You said ', { user: 'x\u001b]0;pwned\u0007y' })] }));
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(out).toContain('"x]0;pwnedy"');
  });
});
