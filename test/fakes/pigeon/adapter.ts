// The pigeon post adapter: a slip of paper is a command (say()), a bird is a message. Birds leave the loft one at a
// time, no faster than it has birds for: its own limits, declared on its outbound like any platform's.
import type { Adapter, Handle, SendTarget } from '../../../src/adapters/adapter.ts';
import type { Reply } from '../../../src/core/model/reply.ts';
import type { Log } from '../../../src/log.ts';

export interface Flight {
  at: number; // performance.now() when the bird landed
  target: SendTarget;
  reply: Reply;
}

export type PigeonAdapter = Adapter & {
  /** A slip from `user` at the loft (in `channel`, or privately): what the core answers. */
  say(text: string, user: { id: string; name: string; admin?: boolean }, channel?: string): Promise<Reply>;
  readonly flights: readonly Flight[];
};

export function createPigeonAdapter(deps: { loft: string; birdsPerSecond: number; log: Log }): PigeonAdapter {
  let handle: Handle | undefined;
  const flights: Flight[] = [];
  return {
    platform: 'pigeon',
    flights,
    async start(h) {
      handle = h;
      deps.log.info('pigeon: the loft is open', { loft: deps.loft });
    },
    async stop() {
      handle = undefined;
    },
    say(text, user, channel) {
      if (!handle) throw new Error('the loft is closed');
      return handle({
        platform: 'pigeon',
        workspace: { id: deps.loft },
        text,
        user: { id: user.id, displayName: user.name, isAdmin: user.admin ?? false, timeZone: 'UTC' },
        place: channel ? { channelId: channel, direct: false } : { direct: true },
      });
    },
    outbound: {
      limits: { perSecond: deps.birdsPerSecond, burst: 1, perTargetMs: 0, inFlight: 1 },
      async send(target, reply) {
        flights.push({ at: performance.now(), target, reply });
      },
    },
  };
}
