// Display name, time zone and admin status from users.info, cached per user for a minute so not every command asks
// Slack. Each replica keeps its own cache, so a minute is also how stale it may be anywhere: a workspace admin who is
// demoted loses the admin commands on every replica within a minute. When Slack cannot answer, the last name and zone
// known stand in, never the admin status (fail closed).
import type { webApi } from '@slack/bolt';
import type { Clock } from '../../clock.ts';
import type { Log } from '../../log.ts';

/** How long a profile is used before Slack is asked again: the most an admin's demotion may take to show. */
export const PROFILE_TTL_MS = 60_000;

export interface Profile {
  displayName: string;
  timeZone?: string;
  isAdmin?: boolean; // a workspace admin or owner: may change the workspace's settings
}

/** clientFor: Web API clients that answer fast or fail (quickClients): a member is waiting on this command, and the
 *  request's own user name will do. */
export function createProfiles(deps: {
  clock: Clock;
  log: Log;
  clientFor: (token: string) => webApi.WebClient;
  ttlMs?: number;
  maxEntries?: number;
}) {
  const { clientFor } = deps;
  const ttl = deps.ttlMs ?? PROFILE_TTL_MS;
  const max = deps.maxEntries ?? 10_000;
  // The promise is cached, so a burst of commands from one user makes one users.info call.
  const cache = new Map<string, { at: number; profile: Promise<Profile | undefined> }>();
  // The last profile Slack gave per user, without the admin status: what stands in while Slack does not answer.
  const known = new Map<string, Profile>();

  return {
    /** The profile, or the last name known (else the fallback name) when Slack cannot tell us: the command must still
     *  run, as a member, not an admin. */
    async get(token: string, teamId: string, userId: string, fallbackName: string): Promise<Profile> {
      const key = `${teamId}:${userId}`;
      const now = deps.clock.now().getTime();
      let entry = cache.get(key);
      if (!entry || now - entry.at > ttl) {
        if (cache.size >= max) cache.delete(cache.keys().next().value!); // oldest first: a Map keeps insertion order
        entry = { at: now, profile: lookUp(token, userId) };
        cache.delete(key);
        cache.set(key, entry);
      }
      const profile = await entry.profile;
      if (profile) {
        if (known.size >= max && !known.has(key)) known.delete(known.keys().next().value!);
        known.set(key, { displayName: profile.displayName, timeZone: profile.timeZone });
        return profile;
      }
      cache.delete(key); // try again next time
      return known.get(key) ?? { displayName: fallbackName };
    },
  };

  async function lookUp(token: string, userId: string): Promise<Profile | undefined> {
    try {
      const { user } = await clientFor(token).users.info({ user: userId });
      if (!user) return undefined;
      const displayName = user.profile?.display_name || user.real_name || user.name || userId;
      return {
        displayName,
        timeZone: user.tz || undefined,
        isAdmin: Boolean(user.is_admin || user.is_owner || user.is_primary_owner),
      };
    } catch (error) {
      deps.log.warn('users.info failed; using the name from the request', { err: error, user: userId });
      return undefined;
    }
  }
}

export type Profiles = ReturnType<typeof createProfiles>;
