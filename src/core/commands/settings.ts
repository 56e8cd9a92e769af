// `settings [roadmap <name> | timezone <zone> | leaderboard on|off
// | posts admins|everyone]`: the workspace's settings, for admins.

import type { WorkspaceRow } from '../../store/port.ts';
import { recountLocalDays } from '../boards/local-days.ts';
import { UserError } from '../model/errors.ts';
import { reply, text } from '../model/reply.ts';
import { namesOf, nearest } from '../roadmap/match.ts';
import { resolveZone } from '../time/time-zones.ts';
import type { Command, CommandContext } from './command.ts';
import { requireAdmin } from './require-admin.ts';

const USAGE =
  'Try `settings roadmap backend`, `settings timezone Europe/Berlin`, `settings leaderboard off` or `settings posts ' +
  'everyone`.';

export const settings: Command = {
  name: 'settings',
  args: [
    {
      name: 'setting',
      kind: 'choice',
      required: false,
      description: 'What to change',
      choices: ['roadmap', 'timezone', 'leaderboard', 'posts'],
    },
    { name: 'value', kind: 'text', required: false, description: 'The new value' },
  ],
  summary: "The workspace's roadmap, time zone, leaderboard switch, and who may post boards in a channel (admins)",
  examples: [
    'settings',
    'settings roadmap backend',
    'settings timezone Europe/Berlin',
    'settings leaderboard off',
    'settings posts everyone',
  ],
  async run(ctx, rest) {
    requireAdmin(ctx, 'Workspace settings');
    const [name = '', ...words] = rest.split(' ');
    const value = words.join(' ');
    if (!name) return show(ctx.workspace);
    if (!value) throw new UserError(['Which ', { user: name }, '?'], { hint: USAGE });
    const update = async (changes: Parameters<typeof ctx.store.workspaces.update>[1]) =>
      show(await ctx.store.workspaces.update(ctx.workspace.id, changes), 'Saved.');
    switch (name.toLowerCase()) {
      case 'roadmap':
        return update({ roadmapId: await roadmapNamed(ctx, value) });
      case 'timezone':
      case 'tz': {
        const row = await ctx.store.workspaces.update(ctx.workspace.id, {
          timeZone: resolveZone(value, 'settings timezone Europe/Berlin').zone,
        });
        await recountLocalDays(ctx.store, row.id, row.timeZone, ctx.now); // boards' active days, in the new zone's days
        return show(row, 'Saved.');
      }
      case 'leaderboard':
        return update({ leaderboardEnabled: onOff(value) });
      case 'posts':
        return update({ boardPosts: posters(value) });
      default:
        throw new UserError(['There is no setting called ', { user: name }, '.'], { hint: USAGE });
    }
  },
};

function show(w: WorkspaceRow, saved?: string) {
  return reply({
    heading: 'Workspace settings',
    blocks: [
      ...(saved ? [text(saved)] : []),
      {
        type: 'fields',
        fields: [
          { label: 'Roadmap', value: [w.roadmapId] },
          { label: 'Time zone', value: [w.timeZone] },
          { label: 'Leaderboard', value: [w.leaderboardEnabled ? 'on' : 'off'] },
          {
            label: 'Who may post boards in a channel',
            value: [w.boardPosts === 'everyone' ? 'every member' : 'admins'],
          },
        ],
      },
      text(USAGE),
    ],
  });
}

async function roadmapNamed(ctx: CommandContext, name: string): Promise<string> {
  const ids = await ctx.store.content.roadmapIds();
  const id = name.toLowerCase();
  if (ids.includes(id)) return id;
  const guess = nearest(
    name,
    ids.map((value) => ({ value, names: namesOf(value) })),
  );
  throw new UserError(['There is no roadmap called ', { user: name }, '.'], {
    hint: `${guess ? `Did you mean \`settings roadmap ${guess}\`? ` : ''}Roadmaps: ${ids.join(', ')}.`,
  });
}

function onOff(value: string): boolean {
  if (/^(on|yes|true|enable)$/i.test(value)) return true;
  if (/^(off|no|false|disable)$/i.test(value)) return false;
  throw new UserError('The leaderboard is `on` or `off`.', { hint: 'Try `settings leaderboard off`.' });
}

/** `leaderboard post` and `team post`: admins only, or every member. */
function posters(value: string): 'admins' | 'everyone' {
  if (/^(admins?|owners?)$/i.test(value)) return 'admins';
  if (/^(everyone|all|members?|anyone)$/i.test(value)) return 'everyone';
  throw new UserError('Boards are posted by `admins` or by `everyone`.', { hint: 'Try `settings posts everyone`.' });
}
