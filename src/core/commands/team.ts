// `team [post]`: how far each visible teammate is, per section and overall; who leads; who has not moved in 7 days.
// With `post`, shown to the whole channel (channel-post.ts). The team is a TeamView, rendered.
import { renderTeam } from '../boards/render-team.ts';
import { buildTeamView } from '../boards/team-view.ts';
import { UserError } from '../model/errors.ts';
import { POST_WORDS, postInChannel } from '../outbound/channel-post.ts';
import type { Command } from './command.ts';

export const team: Command = {
  name: 'team',
  aliases: ['teammates'],
  args: [
    {
      name: 'post',
      kind: 'choice',
      required: false,
      description: 'Post it in this channel for everyone',
      choices: ['post'],
    },
  ],
  summary: "How far your teammates are, who leads, and who hasn't moved in a week; `post` shows it to the channel",
  examples: ['team', 'team post'],
  async run(ctx, rest) {
    if (POST_WORDS.includes(rest.toLowerCase()))
      return await postInChannel(ctx, 'team', async () => renderTeam(await buildTeamView(ctx), 'channel'));
    if (rest)
      throw new UserError(['`team` takes only `post`, not ', { user: rest }, '.'], {
        hint: '`team` shows the team to you; `team post` shows it to the channel.',
      });
    return renderTeam(await buildTeamView(ctx), 'member');
  },
};
