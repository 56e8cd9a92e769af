// The pacers a sender keeps: one per platform, or one per workspace where the platform limits each workspace apart,
// each by the limits that platform's adapter declares.
import type { SendLimits } from '../adapters/adapter.ts';
import { createPacer, type Pacer } from './pacer.ts';

export function createLanes(limits: ReadonlyMap<string, SendLimits>) {
  const pacers = new Map<string, Pacer>();
  let stopped = false;
  const limit = (platform: string): SendLimits => {
    const found = limits.get(platform);
    if (!found) throw new Error(`no send limits for platform "${platform}": its adapter has no outbound`);
    return found;
  };
  return {
    limit,
    /** The lane a send to `workspace` goes in: its workspace's, or the platform's. */
    key: (platform: string, workspace: string): string =>
      limit(platform).perWorkspace ? `${platform}:${workspace}` : platform,
    pacer(platform: string, workspace: string): Pacer {
      const key = this.key(platform, workspace);
      let pacer = pacers.get(key);
      if (!pacer) {
        pacers.set(key, (pacer = createPacer(limit(platform))));
        if (stopped) pacer.stop();
      }
      return pacer;
    },
    stop(): void {
      stopped = true;
      for (const p of pacers.values()) p.stop();
    },
  };
}

export type Lanes = ReturnType<typeof createLanes>;
