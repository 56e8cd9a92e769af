// Slack payloads → Invocation: a slash command's text, or a button's value (its command text).
import type { Invocation } from '../../core/model/invocation.ts';
import type { Profile } from './profiles.ts';

export interface Asker {
  teamId: string;
  teamName?: string;
  userId: string;
  channelId?: string;
  requestId?: string; // Slack's trigger_id: names this request in the logs
}

export function invocation(asker: Asker, profile: Profile, text: string): Invocation {
  return {
    platform: 'slack',
    workspace: { id: asker.teamId, ...(asker.teamName ? { name: asker.teamName } : {}) },
    user: {
      id: asker.userId,
      displayName: profile.displayName,
      isAdmin: profile.isAdmin === true,
      ...(profile.timeZone ? { timeZone: profile.timeZone } : {}),
    },
    // Slack's direct-message channel ids start with D.
    place: {
      ...(asker.channelId ? { channelId: asker.channelId } : {}),
      direct: !asker.channelId || asker.channelId.startsWith('D'),
    },
    text: fromSlackText(text),
    ...(asker.requestId ? { id: asker.requestId } : {}),
  };
}

/**
 * The slash command is registered with should_escape: true, so Slack sends channels as `<#C123|general>` and escapes
 * `&`, `<`, `>` in what was typed. Channels become the platform-neutral `<#C123>`; the entities become characters
 * again (the renderer escapes on the way out). Button values are our own command text and pass through unchanged.
 */
export function fromSlackText(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text; // the usual case: nothing to undo
  return text
    .replace(/<#([A-Z0-9]+)(?:\|[^>]*)?>/g, '<#$1>')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function fromCommand(c: {
  team_id: string;
  team_domain?: string;
  user_id: string;
  channel_id?: string;
  trigger_id?: string;
}): Asker {
  return {
    teamId: c.team_id,
    teamName: c.team_domain,
    userId: c.user_id,
    channelId: c.channel_id,
    requestId: c.trigger_id,
  };
}

/** A block action's asker: the message's channel, or none for a button on the App Home tab. */
export function fromAction(b: {
  team?: { id: string; domain?: string } | null;
  user: { id: string; team_id?: string };
  channel?: { id: string };
  trigger_id?: string;
}): Asker {
  const teamId = b.team?.id ?? b.user.team_id;
  if (!teamId) throw new Error('a block action without a team');
  return { teamId, teamName: b.team?.domain, userId: b.user.id, channelId: b.channel?.id, requestId: b.trigger_id };
}
