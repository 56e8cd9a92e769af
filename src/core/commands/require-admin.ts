// Workspace settings are for admins: Slack admins/owners, Discord members with Manage Server, the terminal user.

import { UserError } from '../model/errors.ts';
import type { CommandContext } from './command.ts';

export function requireAdmin(ctx: CommandContext, what: string): void {
  if (ctx.invocation.user.isAdmin) return;
  throw new UserError(`${what} is for workspace admins.`, {
    hint: 'Ask an admin (in Slack a workspace admin or owner, in Discord someone with Manage Server) to change it.',
  });
}
