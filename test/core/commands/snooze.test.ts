// `snooze [1d|3d|1w|until YYYY-MM-DD|off]`: no nudges for a while; the reply names the next nudge, and they come back
// on their own.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';

describe('snooze', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ now: '2026-11-26T09:00:00Z' });
  }); // a Thursday
  afterEach(() => app.close());
  const nudge = async () => await app.q.schedules.nudgeOf(1);
  const say = async (text: string) => textOf(await app.say(text));

  it('snoozes a day, a week or until a date, and ends', async () => {
    await app.say('remind 10:00 UTC');
    const snoozed = await say('snooze');
    // 24 hours without nudges: today's 10:00 is skipped
    expect(snoozed).toContain('Next nudge: Fri 27 Nov, 10:00 (UTC); none before it.');
    expect(new Date((await nudge())!.pausedUntil!).toISOString()).toBe('2026-11-27T09:00:00.000Z');
    expect(await say('snooze 1w')).toContain('Next nudge: Thu 3 Dec, 10:00');
    expect(await say('snooze until 2026-12-24')).toContain('Next nudge: Thu 24 Dec, 10:00');
    expect((await app.say('snooze 3d')).buttons).toEqual([{ label: 'End snooze', command: 'snooze off' }]);
    expect(await say('snooze off')).toContain('Next nudge: Thu 26 Nov, 10:00');
    expect((await nudge())!.pausedUntil).toBeNull();
  });

  it('refuses what it cannot do, saying what to type, and changes nothing', async () => {
    expect(await say('snooze 1w')).toContain('no daily nudge to snooze');
    await app.say('remind 10:00 UTC');
    const before = await nudge();
    expect(await say('snooze 2026')).toContain("I can't snooze for 2026");
    expect(await say('snooze until 2026-11-01')).toContain('is not in the future');
    expect(await say('snooze until 2026-02-30')).toContain('is not a date');
    expect(await say('snooze 400d')).toContain('more than a year');
    expect(await nudge()).toEqual(before);
    await app.say('remind off');
    expect(await say('snooze')).toContain('no daily nudge to snooze');
  });
});
