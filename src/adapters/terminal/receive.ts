// A typed line → Invocation. The terminal is one local workspace with one user: whoever runs the process.
import type { Invocation } from '../../core/invocation.ts';

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
    place: { direct: true },
    text: line,
    ...(id ? { id } : {}),
  };
}
