// An adapter that cannot send (no outbound) is given no deliveries: its platform's due rows fail at once, saying why,
// while the rows of a platform with no adapter running here stay pending for a process that has one.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLog } from '../../src/log.ts';
import { createSender } from '../../src/schedule/sender.ts';
import { createTestApp, type TestApp } from '../helpers.ts';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp({ now: '2026-11-26T08:00:00Z' });
});
afterEach(() => app.close());

it(
  'fails the due rows of a running adapter without outbound, ' + 'with the reason, and leaves other platforms alone',
  async () => {
    await app.say('remind 09:00 UTC'); // a terminal member
    await app.say('remind 09:00 UTC', { platform: 'discord', workspace: 'G1', id: 'D1' });
    const outcomes: string[] = [];
    const sender = createSender({
      store: app.store,
      clock: app.clock,
      log: createLog('silent'),
      adapters: [{ platform: 'terminal' }],
      outbound: app.core.outbound,
      count: (p, o) => void outcomes.push(`${p} ${o}`),
    });
    app.clock.set('2026-11-26T09:00:00Z');
    await app.core.outbound.queueDue(app.clock.now().getTime());
    expect(await sender.drain()).toBe(1);
    expect(await app.q.deliveries.byKey('1:2026-11-26')).toMatchObject({
      status: 'failed',
      lastError: 'the terminal adapter does not send messages',
    });
    expect(await app.q.deliveries.byKey('2:2026-11-26')).toMatchObject({ status: 'pending', owner: null });
    expect(outcomes).toEqual(['terminal failed_no_outbound']);
    // a refusal like any other: three in a row pause it
    expect((await app.q.schedules.byId(1))!.consecutiveFailures).toBe(1);
  },
);
