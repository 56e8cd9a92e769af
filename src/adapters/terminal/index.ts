// The terminal chat: a prompt on a TTY (nudges print above it), or a transcript of piped lines (each echoed, then
// answered), ending when the input ends.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clearScreenDown, createInterface, cursorTo, moveCursor } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Adapter, Handle, SendLimits } from '../adapter.ts';
import { commandOf } from './buttons.ts';
import { createChatOutput } from './output.ts';
import { receive, type TerminalUser } from './receive.ts';
import { echo, PROMPT, render } from './render.ts';

// One screen, one reader: no rate to keep, and one message at a time keeps them in order.
const TERMINAL_LIMITS: SendLimits = { perSecond: 100, burst: 100, perTargetMs: 0, inFlight: 1 };

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
  let buttons: string[] = []; // the commands of the last message's buttons, pressed by typing their number
  let lines = 0;
  let prompting = false; // the prompt is on screen, maybe with a half-typed line after it
  const prompt = () => {
    if (!interactive || out.gone) return;
    prompting = true;
    rl.prompt();
  };
  /** A message that arrives while the prompt waits goes above it; the prompt and what was typed are drawn again. */
  const above = async (text: string) => {
    if (!prompting || out.gone) return out.write(text);
    moveCursor(output, 0, -rl.getCursorPos().rows); // to the prompt's first row, however far the typing wrapped
    cursorTo(output, 0);
    clearScreenDown(output);
    await out.write(text);
    if (prompting) rl.prompt(true);
  };
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
        prompt();
      }
      void (async () => {
        for await (const line of rl) {
          prompting = false;
          if (out.gone) break; // lines read ahead of a reader that has left get no answer
          if (!line.trim()) {
            prompt(); // nothing typed: the prompt again (piped: nothing at all), never a command for the core
            continue;
          }
          const typed = commandOf(line, buttons);
          const reply = 'refusal' in typed ? typed.refusal : await handle(receive(typed.command, user, `terminal-${++lines}`));
          if (!('refusal' in typed)) buttons = reply.buttons.map((b) => b.command); // a wrong number keeps them
          const saved = (reply.files ?? []).map((file) => `Saved ${file.name} to ${save(file)}\n`).join('');
          // Piped input is not shown by a terminal: each command is echoed before its answer, so a transcript reads.
          await out.write(`${interactive ? '' : `${echo(line)}\n`}${render(reply)}\n${saved}\n`);
          prompt();
        }
        deps.onEnd();
      })();
    },
    /** Nudges and digests: the chat is the terminal's one place, so every target is this screen. */
    outbound: {
      limits: TERMINAL_LIMITS,
      async send(_target, reply) {
        buttons = reply.buttons.map((b) => b.command); // a nudge's buttons are pressed like a reply's
        await above(`${render(reply)}\n\n`);
      },
    },
    /** Stops reading and waits until the reader has every answer: piped output must not be cut off at exit. */
    async stop() {
      rl.close();
      await out.flush();
    },
  };
}
