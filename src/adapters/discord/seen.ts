// Which interaction ids were already taken: the one place both Discord modes ask, so a duplicate delivery (a gateway
// resume replaying one, the same HTTP interaction twice) runs once. In memory, this process only: a store-backed
// check shared by every replica plugs in here (RouteDeps.firstSeen).
export type FirstSeen = (interactionId: string) => boolean | Promise<boolean>;

const REMEMBERED = 5000; // ids kept; older ones are forgotten first

export function firstSeenInMemory(limit = REMEMBERED): FirstSeen {
  const seen = new Set<string>();
  return (id) => {
    if (seen.has(id)) return false;
    seen.add(id);
    if (seen.size > limit) seen.delete(seen.values().next().value!);
    return true;
  };
}
