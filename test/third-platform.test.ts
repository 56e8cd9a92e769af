// A third platform, added the way any platform is: its folder (test/fakes/pigeon/) and an entry in the list handed to
// loadConfig and startApp. It takes commands, and receives nudges and digests through the same outbox, paced by its
// own limits.
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { type App, startApp } from '../src/app.ts';
import { fixedClock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { createLog } from '../src/log.ts';
import { PLATFORMS } from '../src/platforms.ts';
import type { PigeonAdapter } from './fakes/pigeon/adapter.ts';
import { pigeon } from './fakes/pigeon/platform.ts';
import { tempDir, textOf } from './helpers.ts';

const platforms = [...PLATFORMS, pigeon];
let app: App | undefined;
let tmp: ReturnType<typeof tempDir>;
afterEach(async () => {
  await app?.stop();
  tmp.cleanup();
});

it(
  'takes commands and receives nudges and digests through ' + 'the outbox, no faster than its own limits allow',
  async () => {
    tmp = tempDir();
    const clock = fixedClock('2026-11-26T08:00:00Z');
    const config = loadConfig(
      { DATABASE_PATH: join(tmp.dir, 'coach.db'), PORT: '0', PIGEON_LOFT: 'north-tower', PIGEON_BIRDS_PER_SECOND: '4' },
      platforms,
    );
    app = await startApp({ config, log: createLog('silent'), clock, platforms });
    const loft = app.adapters.find((a) => a.platform === 'pigeon') as PigeonAdapter;

    for (let i = 1; i <= 5; i++)
      expect(textOf(await loft.say('remind 09:00', { id: `p${i}`, name: `Bird ${i}` }))).toContain('09:00 (UTC)');
    await loft.say('done redis', { id: 'p1', name: 'Bird 1' });
    const digest = await loft.say(
      'digest here daily 09:00 UTC',
      { id: 'keeper', name: 'Keeper', admin: true },
      'square',
    );
    expect(textOf(digest)).toContain('<#square> at 09:00 (UTC), every day');

    clock.set('2026-11-26T09:00:00Z');
    await app.scheduler.minute();
    await app.scheduler.drain(); // the one the minute started: resolves once every send has settled
    expect(await app.store.transaction((tx) => tx.deliveries.counts())).toEqual({ sent: 6 });

    const flights = loft.flights;
    expect(
      flights
        .filter((f) => f.target.kind === 'user')
        .map((f) => f.target.id)
        .sort(),
    ).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(
      flights.filter((f) => f.target.kind === 'user').every((f) => f.reply.heading?.startsWith('Time to study')),
    ).toBe(true);
    const post = flights.find((f) => f.target.kind === 'channel')!;
    expect(post.target).toEqual({ kind: 'channel', workspaceId: 'north-tower', id: 'square' });
    expect(post.reply).toMatchObject({ heading: 'Daily study digest', visibility: 'channel' });
    expect(textOf(post.reply)).toContain('1. Bird 1 — 1 point');
    // Four birds a second, one at a time (Discord's limits would allow 25): the pacer lets one go every quarter
    // second, so six take at least five quarters. Each landing is timed a little after its take, by however long
    // the send's own steps took, so one gap may come out a few ms short of 250 on a loaded machine, never near 0.
    const gaps = flights.slice(1).map((f, i) => f.at - flights[i]!.at);
    expect(flights.at(-1)!.at - flights[0]!.at).toBeGreaterThanOrEqual(5 * 250 - 20);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(150);
  },
);

it("refuses the pigeon's own variables when they are wrong, with the rest of the configuration", () => {
  expect(() => loadConfig({ PIGEON_BIRDS_PER_SECOND: '4' }, platforms)).toThrow(
    /PIGEON_LOFT: required with PIGEON_BIRDS_PER_SECOND/,
  );
  expect(() => loadConfig({ PIGEON_LOFT: 'North Tower' }, platforms)).toThrow(
    /PIGEON_LOFT: the loft the birds fly from/,
  );
  // not listed: its variables are not read at all
  expect(() => loadConfig({ PIGEON_LOFT: 'north-tower' })).not.toThrow();
});
