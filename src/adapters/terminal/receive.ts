// A typed line → Invocation. The terminal is one local workspace with one user: whoever runs the process.
import type { Invocation } from '../../core/invocation.ts';

export interface TerminalUser {
  id: string;
  displayName: string;
}

export function receive(line: string, user: TerminalUser): Invocation {
  return {
    platform: 'terminal',
    workspace: { id: 'local', name: 'Terminal' },
    user: { id: user.id, displayName: user.displayName, isAdmin: true }, // whoever runs the process owns it
    place: { direct: true },
    text: line,
  };
}
