// Routes each typed line to handle: an empty line prompts again, a number presses a button, anything else is a
// command; the answer is written (piped input echoed first, so a transcript reads), then the prompt comes back.
import type { Interface } from 'node:readline';
import { reply as makeReply, text } from '../../core/model/reply.ts';
import type { Log } from '../../log.ts';
import type { Handle } from '../adapter.ts';
import { commandOf } from './buttons.ts';
import type { ChatOutput } from './output.ts';
import { receive, type TerminalUser } from './receive.ts';
import { echo, render } from './render.ts';
import type { Screen } from './screen.ts';

export interface LineDeps {
  rl: Interface;
  out: ChatOutput;
  screen: Screen;
  interactive: boolean;
  user: TerminalUser;
  save: (file: { name: string; content: string }) => string; // writes a reply's file, returns its path
  log: Log;
}

const APOLOGY = makeReply({ blocks: [text('Sorry, something went wrong on my side. Please try again in a moment.')] });

/** Resolves when the input ends (or the reader has gone). */
export async function routeLines(deps: LineDeps, handle: Handle): Promise<void> {
  const { rl, out, screen } = deps;
  let lines = 0;
  for await (const line of rl) {
    screen.entered();
    if (out.gone) break; // lines read ahead of a reader that has left get no answer
    if (!line.trim()) {
      screen.prompt(); // nothing typed: the prompt again (piped: nothing at all), never a command for the core
      continue;
    }
    let answer: string;
    try {
      answer = await answerTo(deps, handle, line, `terminal-${++lines}`);
    } catch (error) {
      // One line that fails gets an apology; the chat goes on with the next.
      deps.log.error('terminal: a line could not be answered', { err: error, line: lines });
      answer = `${render(APOLOGY)}\n`;
    }
    // Piped input is not shown by a terminal: each command is echoed before its answer, so a transcript reads.
    await out.write(`${deps.interactive ? '' : `${echo(line)}\n`}${answer}\n`);
    screen.prompt();
  }
}

/** The reply to a line, rendered, with where its files were saved. */
async function answerTo(deps: LineDeps, handle: Handle, line: string, id: string): Promise<string> {
  const typed = commandOf(line, deps.screen.buttons);
  const reply = 'refusal' in typed ? typed.refusal : await handle(receive(typed.command, deps.user, id));
  if (!('refusal' in typed)) deps.screen.buttons = reply.buttons.map((b) => b.command); // a wrong number keeps them
  const saved = (reply.files ?? []).map((file) => `Saved ${file.name} to ${deps.save(file)}\n`).join('');
  return `${render(reply)}\n${saved}`;
}
