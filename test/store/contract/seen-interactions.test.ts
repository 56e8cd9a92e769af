// Inbound events taken once on every engine: the first firstSeen of a key wins, later ones lose until the key expires,
// prune forgets only expired keys, and two replicas taking one key at the same moment have exactly one winner.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/index.ts';
import { ENGINES } from '../engines.ts';
import { NOW, openWorld, type World } from './world.ts';

const HOUR = 3_600_000;

describe.each(ENGINES)('seen interactions on $name', (engine) => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld(engine);
  });
  afterEach(() => world.close());
  const firstSeen = (key: string, now = NOW) => world.tx((tx) => tx.seenInteractions.firstSeen(key, now, HOUR));

  it('takes a key once until it expires, then once again', async () => {
    expect(await firstSeen('slack-event:Ev1')).toBe(true);
    expect(await firstSeen('slack-event:Ev1')).toBe(false);
    expect(await firstSeen('slack-event:Ev1', NOW + HOUR - 1)).toBe(false);
    expect(await firstSeen('discord:Ev1')).toBe(true); // another key altogether
    // Expired but not pruned yet: it counts as unseen, and is held for another hour.
    expect(await firstSeen('slack-event:Ev1', NOW + HOUR)).toBe(true);
    expect(await firstSeen('slack-event:Ev1', NOW + 2 * HOUR - 1)).toBe(false);
  });

  it('prunes the expired keys only', async () => {
    await firstSeen('a', NOW);
    await firstSeen('b', NOW + 10);
    expect(await world.tx((tx) => tx.seenInteractions.prune(NOW + HOUR))).toBe(1);
    expect(await world.sql.values('select key from seen_interactions')).toEqual(['b']);
    expect(await world.tx((tx) => tx.seenInteractions.prune(NOW + HOUR))).toBe(0);
  });

  it('gives one of many replicas taking the same key at once the win', async () => {
    const replica = engine.concurrent ? world.opened.replica() : undefined;
    const stores = [world.store, replica ? createStore(replica) : world.store];
    const tries = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        stores[i % 2]!.transaction((tx) => tx.seenInteractions.firstSeen('discord:42', NOW, HOUR)),
      ),
    );
    expect(tries.filter(Boolean)).toHaveLength(1);
  });
});
