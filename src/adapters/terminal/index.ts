// The terminal chat: a prompt on a TTY, or one reply per piped line, ending when the input ends.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Adapter, Handle } from '../adapter.ts';
import { createChatOutput } from './output.ts';
import { receive, type TerminalUser } from './receive.ts';
import { echo, PROMPT, render } from './render.ts';

export interface TerminalDeps {
  input: Readable;
  output: Writable;
  interactive: boolean; // a TTY: greet and prompt; piped: answer each line and nothing else
  user: TerminalUser;
  onEnd: () => void; // the input ended (Ctrl-D, or the end of a pipe)
  filesDir: string; // where a reply's files (e.g. `export`) are written; the path is printed
}

export function createTerminalAdapter(deps: TerminalDeps): Adapter {
  const { input, output, interactive, user } = deps;
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, prompt: PROMPT });
  const out = createChatOutput(output, () => rl.close()); // the reader went away: stop reading, the chat ends
  let buttons: string[] = [];
  let lines = 0;
  const save = (file: { name: string; content: string }): string => {
    mkdirSync(deps.filesDir, { recursive: true });
    // A timestamp keeps earlier exports; the name is ours (the core's), never typed by a user.
    const path = join(deps.filesDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${file.name}`);
    writeFileSync(path, file.content, { mode: 0o600 }); // personal data: readable by this user only
    return path;
  };

  return {
    platform: 'terminal',
    async start(handle: Handle) {
      rl.on('SIGINT', () => rl.close()); // Ctrl-C at the prompt leaves, as in any shell
      if (interactive) {
        await out.write('Roadmap Coach — type `help` for commands, `next` to begin, Ctrl-D to leave.\n');
        rl.prompt();
      }
      void (async () => {
        for await (const line of rl) {
          if (out.gone) break; // lines read ahead of a reader that has left get no answer
          if (!line.trim() && !interactive) continue;
          // A number picks one of the last reply's buttons, the terminal's way to press one.
          const picked = /^\s*(\d+)\s*$/.exec(line)?.[1];
          const text = picked && buttons[Number(picked) - 1] ? buttons[Number(picked) - 1]! : line;
          const reply = await handle(receive(text, user, `terminal-${++lines}`));
          buttons = reply.buttons.map((b) => b.command);
          const saved = (reply.files ?? []).map((file) => `Saved ${file.name} to ${save(file)}\n`).join('');
          // Piped input is not shown by a terminal: each command is echoed before its answer, so a transcript reads.
          await out.write(`${interactive ? '' : `${echo(line)}\n`}${render(reply)}\n${saved}\n`);
          if (interactive && !out.gone) rl.prompt();
        }
        deps.onEnd();
      })();
    },
    async send(_target, reply) {
      await out.write(render(reply) + '\n\n');
    },
    /** Stops reading and waits until the reader has every answer: piped output must not be cut off at exit. */
    async stop() {
      rl.close();
      await out.flush();
    },
  };
}
