// Nudges and digests in the chat: the chat is the terminal's one place, so every target is this screen.
import type { Outbound, SendLimits } from '../adapter.ts';
import { render } from './render.ts';
import type { Screen } from './screen.ts';

// One screen, one reader: no rate to keep, and one message at a time keeps them in order.
const TERMINAL_LIMITS: SendLimits = { perSecond: 100, burst: 100, perTargetMs: 0, inFlight: 1 };

export function createTerminalOutbound(screen: Screen): Outbound {
  return {
    limits: TERMINAL_LIMITS,
    async send(_target, reply) {
      screen.buttons = reply.buttons.map((b) => b.command); // a nudge's buttons are pressed like a reply's
      await screen.above(`${render(reply)}\n\n`);
    },
  };
}
