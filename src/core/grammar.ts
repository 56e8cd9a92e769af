// The one grammar every platform speaks: "[/roadmap] <verb> [arguments]". Buttons and Discord options fold into it.
import { distance } from 'fastest-levenshtein';
import type { Command } from './commands/command.ts';
import { UserError } from './errors.ts';

export const MAX_INPUT = 1000;

export interface Parsed {
  command: Command;
  rest: string;
}

export function parse(input: string, commands: readonly Command[]): Parsed {
  if (input.length > MAX_INPUT) {
    throw new UserError(`That is ${input.length} characters; commands are at most ${MAX_INPUT}.`, {
      hint: 'Shorten it, or type `help` for what you can ask.',
    });
  }
  const text = input.replace(/\s+/g, ' ').trim().replace(/^\/?roadmap\b\s*/i, '');
  const [word = '', ...rest] = text.split(' ');
  const verb = word.toLowerCase();
  const help = find('help', commands)!;
  if (!verb) return { command: help, rest: '' };
  const command = find(verb, commands);
  if (command) return { command, rest: rest.join(' ') };
  const guess = closest(verb, commands);
  throw new UserError(["I don't know the command ", { user: word }, '.'], {
    hint: guess ? `Did you mean \`${guess}\`? Type \`help\` for every command.` : 'Type `help` for every command.',
  });
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
