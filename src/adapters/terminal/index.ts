// The terminal chat: a prompt on a TTY (nudges print above it), or a transcript of piped lines (each echoed, then
// answered), ending when the input ends.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Clock } from '../../clock.ts';
import type { Log } from '../../log.ts';
import type { Adapter, Handle } from '../adapter.ts';
import { createFileSaver } from './files.ts';
import { createChatOutput } from './output.ts';
import type { TerminalUser } from './receive.ts';
import { PROMPT } from './render.ts';
import { routeLines } from './routes.ts';
import { createScreen } from './screen.ts';
import { createTerminalOutbound } from './send.ts';

export interface TerminalDeps {
  input: Readable;
  output: Writable;
  interactive: boolean; // a TTY: greet and prompt; piped: answer each line and nothing else
  user: TerminalUser;
  onEnd: () => void; // the input ended (Ctrl-D, or the end of a pipe)
  filesDir: string; // where a reply's files (e.g. `export`) are written; the path is printed
  clock: Clock; // names the files it writes
  log: Log;
}

export function createTerminalAdapter(deps: TerminalDeps): Adapter {
  const { input, output, interactive } = deps;
  const rl = createInterface({
    input,
    output: interactive ? output : undefined,
    terminal: interactive,
    prompt: PROMPT,
  });
  const out = createChatOutput(output, () => rl.close()); // the reader went away: stop reading, the chat ends
  const screen = createScreen({ rl, output, out, interactive });
  const save = createFileSaver(deps);

  return {
    platform: 'terminal',
    async start(handle: Handle) {
      rl.on('SIGINT', () => rl.close()); // Ctrl-C at the prompt leaves, as in any shell
      if (interactive) {
        await out.write('Roadmap Coach — type `help` for commands, `next` to begin, Ctrl-D to leave.\n');
        screen.prompt();
      }
      void routeLines({ rl, out, screen, interactive, user: deps.user, save, log: deps.log }, handle).then(deps.onEnd);
    },
    outbound: createTerminalOutbound(screen),
    /** Stops reading and waits until the reader has every answer: piped output must not be cut off at exit. */
    async stop() {
      rl.close();
      await out.flush();
    },
  };
}
