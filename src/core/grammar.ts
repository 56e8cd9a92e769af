// The one grammar every platform speaks: "[/roadmap] <verb> [arguments]". Buttons and Discord options fold into it.
// Every line is normalised first, the same way for every platform, so what looks alike parses alike.
import { distance } from 'fastest-levenshtein';
import { type Command, usage } from './commands/command.ts';
import { UserError } from './model/errors.ts';

export const MAX_INPUT = 1000;

export interface Parsed {
  command: Command;
  rest: string;
}

/**
 * NFKC (full-width letters, ligatures and non-breaking spaces become their plain forms), line breaks and tabs become
 * spaces, and invisible format and control characters (zero-width spaces, byte-order marks, NUL) go: a pasted
 * "\u200bnext" is "next".
 */
export function normalizeLine(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function parse(input: string, commands: readonly Command[]): Parsed {
  const tooLong = (n: number) =>
    new UserError(`That is ${n} characters; commands are at most ${MAX_INPUT}.`, {
      hint: 'Shorten it, or type `help` for what you can ask.',
    });
  if (input.length > MAX_INPUT) throw tooLong(input.length); // before normalising: never work through a huge line
  const line = normalizeLine(input);
  if (line.length > MAX_INPUT) throw tooLong(line.length);
  const text = line.replace(/^\/?roadmap\b\s*/i, '');
  const [word = '', ...rest] = text.split(' ');
  const verb = word.toLowerCase();
  if (!verb) {
    throw new UserError('Type a command, for example `next` for the topic to study now.', {
      hint: '`help` lists every command.',
      buttons: [
        { label: 'Next topic', command: 'next', style: 'primary' },
        { label: 'Help', command: 'help' },
      ],
    });
  }
  const command = find(verb, commands);
  if (command) return { command, rest: checkedRest(command, rest.join(' ')) };
  const guess = closest(verb, commands);
  throw new UserError(["I don't know the command ", { user: word }, '.'], {
    hint: guess ? `Did you mean \`${guess}\`? Type \`help\` for every command.` : 'Type `help` for every command.',
  });
}

/** A command that declares no arguments takes none: extra words are refused, never silently dropped. */
function checkedRest(command: Command, rest: string): string {
  if (!rest || command.args.length) return rest;
  throw new UserError(
    [{ code: command.name }, ' takes nothing after it, so I did not run it with ', { user: rest }, '.'],
    {
      hint: `Type \`${usage(command)}\` alone; \`help ${command.name}\` explains it.`,
    },
  );
}

function find(verb: string, commands: readonly Command[]): Command | undefined {
  return commands.find((c) => c.name === verb || c.aliases?.includes(verb));
}

function closest(verb: string, commands: readonly Command[]): string | undefined {
  let best: string | undefined;
  let least = 3; // more than two edits away is not a typo
  for (const name of commands.flatMap((c) => [c.name, ...(c.aliases ?? [])])) {
    const d = name.startsWith(verb) ? 0 : distance(verb, name);
    if (d < least) [least, best] = [d, find(name, commands)!.name];
  }
  return best;
}
