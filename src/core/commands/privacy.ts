// `privacy [show|anonymous|hide]`: how I appear on boards and in the team view.
import { UserError } from '../model/errors.ts';
import { reply, text } from '../model/reply.ts';
import { PRIVACY_MODES, type Privacy } from '../model/wording.ts';
import type { Command } from './command.ts';

const MEANING: Record<Privacy, string> = {
  show: 'Boards and the team view show your display name.',
  anonymous: 'Boards and the team view show you as "a teammate".',
  hide: 'You are left out of boards and the team view; `leaderboard` still tells you, privately, where you would rank.',
};

export const privacy: Command = {
  name: 'privacy',
  args: [
    { name: 'mode', kind: 'choice', required: false, description: 'show, anonymous or hide', choices: PRIVACY_MODES },
  ],
  summary: 'Show or choose how you appear on boards: by name, anonymously, or not at all',
  // Set once, if ever: on Discord it leaves its menu slot (25 at most) to `review`, and is typed after /roadmap run.
  rare: true,
  examples: ['privacy', 'privacy anonymous', 'privacy hide', 'privacy show'],
  async run(ctx, rest) {
    const buttons = PRIVACY_MODES.map((m) => ({ label: m, command: `privacy ${m}` }));
    if (!rest) {
      return reply({
        heading: `Your privacy: ${ctx.member.privacy}`,
        blocks: [text(MEANING[ctx.member.privacy])],
        buttons,
      });
    }
    const mode = rest.toLowerCase() as Privacy;
    if (!PRIVACY_MODES.includes(mode)) {
      throw new UserError(['There is no privacy setting called ', { user: rest }, '.'], {
        hint: 'Choose `privacy show`, `privacy anonymous` or `privacy hide`.',
        buttons,
      });
    }
    await ctx.store.members.updateSettings(ctx.member.id, { privacy: mode });
    return reply({ heading: `Privacy set to ${mode}`, blocks: [text(MEANING[mode])] });
  },
};
