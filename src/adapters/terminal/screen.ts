// The chat's screen: the prompt (on a TTY only), and a message that arrives while the prompt waits drawn above it,
// the prompt and what was typed drawn again. It also keeps the last message's buttons, pressed by their number.
import { clearScreenDown, cursorTo, type Interface, moveCursor } from 'node:readline';
import type { Writable } from 'node:stream';
import type { ChatOutput } from './output.ts';

export function createScreen(deps: { rl: Interface; output: Writable; out: ChatOutput; interactive: boolean }) {
  const { rl, output, out, interactive } = deps;
  let prompting = false; // the prompt is on screen, maybe with a half-typed line after it
  return {
    /** The commands of the last message's buttons, pressed by typing their number. */
    buttons: [] as string[],
    prompt(): void {
      if (!interactive || out.gone) return;
      prompting = true;
      rl.prompt();
    },
    /** A line was entered: the prompt is no longer waiting on screen. */
    entered(): void {
      prompting = false;
    },
    async above(text: string): Promise<void> {
      if (!prompting || out.gone) return out.write(text);
      moveCursor(output, 0, -rl.getCursorPos().rows); // to the prompt's first row, however far the typing wrapped
      cursorTo(output, 0);
      clearScreenDown(output);
      await out.write(text);
      if (prompting) rl.prompt(true);
    },
  };
}

export type Screen = ReturnType<typeof createScreen>;
