// A typed line → Invocation. The terminal is one local workspace with one user: whoever runs the process.
import type { Invocation } from '../../core/model/invocation.ts';

/** The chat as a channel id: digests set with `digest here` are stored for it, and print in the chat. */
const CHAT_CHANNEL = 'terminal';

export interface TerminalUser {
  id: string;
  displayName: string;
}

/** id: this line's number in the session, so its log lines can be found. */
export function receive(line: string, user: TerminalUser, id?: string): Invocation {
  return {
    platform: 'terminal',
    workspace: { id: 'local', name: 'Terminal' },
    user: { id: user.id, displayName: user.displayName, isAdmin: true }, // whoever runs the process owns it
    // The chat is the terminal's only conversation, and so also the channel `digest here` posts to.
    place: { channelId: CHAT_CHANNEL, direct: false },
    text: line,
    ...(id ? { id } : {}),
  };
}
