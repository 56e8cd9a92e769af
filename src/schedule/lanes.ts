// The pacers a sender keeps: one per platform, or one per workspace on platforms that limit per workspace (Slack).
import { createPacer, DEFAULT_LIMITS, type Limit, type Pacer } from './limits.ts';

export function createLanes(overrides: Record<string, Partial<Limit>> = {}) {
  const pacers = new Map<string, Pacer>();
  let stopped = false;
  const limit = (platform: string): Limit => ({ ...(DEFAULT_LIMITS[platform] ?? DEFAULT_LIMITS.terminal!), ...overrides[platform] });
  return {
    limit,
    /** The lane a send to `workspace` goes in: its workspace's, or the platform's. */
    key: (platform: string, workspace: string): string => (limit(platform).perWorkspace ? `${platform}:${workspace}` : platform),
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
