// `help [command]`: every command with its usage, or one command with examples. Derived from the command list.
import { UserError } from '../model/errors.ts';
import { list, reply, text } from '../model/reply.ts';
import { type Command, usage } from './command.ts';

export const help: Command = {
  name: 'help',
  aliases: ['?', 'commands'],
  args: [{ name: 'command', kind: 'text', required: false, description: 'A command to explain' }],
  summary: 'What you can ask, or how to use one command',
  examples: ['help', 'help done'],
  async run(ctx, rest) {
    const verb = rest.toLowerCase().replace(/^\/?roadmap\s+/, '');
    if (verb) {
      const command = ctx.commands.find((c) => c.name === verb || c.aliases?.includes(verb));
      if (!command)
        throw new UserError(['There is no command ', { user: rest }, '.'], { hint: 'Type `help` for the list.' });
      return reply({
        heading: usage(command),
        blocks: [
          text(`${command.summary}.`),
          ...(command.aliases?.length ? [text(`Also: ${command.aliases.join(', ')}`)] : []),
          text({ strong: 'Examples' }),
          list(command.examples.map((e) => [{ code: `/roadmap ${e}` }])),
        ],
      });
    }
    return reply({
      heading: `Roadmap Coach — ${ctx.roadmap.title}`,
      blocks: [
        text('Study the roadmap one topic at a time. Type `/roadmap <command>`:'),
        list(ctx.commands.map((c) => [{ code: usage(c) }, ` — ${c.summary}`])),
        text('Topic names are forgiving: `done express`, `topic k8s`, `start graphql resolvers`.'),
      ],
      buttons: [
        { label: 'Next topic', command: 'next', style: 'primary' },
        { label: 'Progress', command: 'progress' },
      ],
    });
  },
};
