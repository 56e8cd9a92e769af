// `dashboard`: a private, one-time link to the team's dashboard (a web page served by the bot), valid 10 minutes,
// that opens a 12-hour session for this member's workspace. Only a hash of the link's token is stored.
import { reply, text } from '../model/reply.ts';
import type { Command } from './command.ts';

export const DASHBOARD_LINK_TTL_MS = 10 * 60_000;
export const DASHBOARD_SESSION_MS = 12 * 3600_000;
/** Where the dashboard app spends a link (src/server/dashboard/app.ts). */
export const DASHBOARD_LOGIN_PATH = '/dashboard/login?token=';

/**
 * Where this platform's members reach the bot's web pages: its base URL, or the setting the operator has yet to make
 * (PUBLIC_URL for a chat platform, PORT for the terminal). Supplied by the composition root; the core reads no config.
 */
export type DashboardBase = (platform: string) => { url: string } | { unset: string };

export const dashboard: Command = {
  name: 'dashboard',
  aliases: ['dash'],
  args: [],
  summary: "A private link to the team's dashboard: pace, where people stall, who has gone quiet",
  examples: ['dashboard'],
  async run(ctx) {
    const base = ctx.dashboardBase?.(ctx.invocation.platform) ?? { unset: 'PUBLIC_URL' };
    // Nothing is stored when the link could not be followed anyway.
    if ('unset' in base)
      return reply({
        heading: 'The dashboard is not set up',
        blocks: [
          text(
            `The bot does not know its web address yet: whoever runs it must set ${base.unset} ` +
              '(see the Configuration section of README.md), then `dashboard` gives you a link.',
          ),
        ],
      });
    const token = await ctx.store.dashboardSessions.issueLink(
      { workspaceId: ctx.workspace.id, memberId: ctx.member.id, isAdmin: ctx.invocation.user.isAdmin === true },
      ctx.now,
      DASHBOARD_LINK_TTL_MS,
    );
    const url = `${base.url}${DASHBOARD_LOGIN_PATH}${token}`;
    return reply({
      heading: 'Your dashboard',
      blocks: [
        text({ link: 'Open the dashboard', url }),
        text(
          'The link is yours alone: it works once, within 10 minutes, and keeps you signed in for 12 hours. ' +
            'Type `dashboard` again for a fresh one.',
        ),
      ],
    });
  },
};
