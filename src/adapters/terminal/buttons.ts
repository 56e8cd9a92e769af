// Buttons in the terminal: typing a number presses that button of the last message. No command is a number, so a
// number with no button on screen is answered here, instead of reaching the core as an unknown command.
import { type Reply, reply, text } from '../../core/model/reply.ts';

/** What a typed line runs: the line itself, or the command of the button its number presses; else why not. */
export function commandOf(line: string, buttons: readonly string[]): { command: string } | { refusal: Reply } {
  const number = /^\s*([-+]?\d+)\s*$/.exec(line)?.[1];
  if (number === undefined) return { command: line };
  const command = buttons[Number(number) - 1];
  return command !== undefined ? { command } : { refusal: noSuchButton(number, buttons.length) };
}

/** number: digits and a sign only, so there is nothing in it to escape. */
function noSuchButton(number: string, count: number): Reply {
  const start = `There is no button ${number} on screen: `;
  if (count === 0)
    return reply({
      blocks: [
        text(
          start,
          'the last message has none. Type a command, such as ',
          { code: 'next' },
          ' or ',
          { code: 'help' },
          '.',
        ),
      ],
    });
  const which = count === 1 ? 'the only button is 1' : `the buttons are 1–${count}`;
  return reply({
    blocks: [text(start, `${which}. Type one of those numbers, or a command such as `, { code: 'help' }, '.')],
  });
}
