// `remind`: set, show, turn off, zones from the platform, weekday sets; the paused notice on the next command.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';

describe('remind', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ now: '2026-11-26T09:00:00Z' });
  }); // a Thursday
  afterEach(() => app.close());
  const nudge = async () => await app.q.schedules.nudgeOf(1);

  it('follows UTC, and says so, when the member has no zone; takes one typed as a city', async () => {
    const utc = textOf(await app.say('remind 09:00'));
    expect(utc).toContain('09:00 (UTC), every day');
    expect(utc).toContain('You have not set a time zone, so your days are UTC days. Your daily nudge follows UTC too');
    const set = textOf(await app.say('remind 08:30 berlin mon-fri'));
    expect(set).toContain('08:30 (Europe/Berlin), Mon–Fri');
    expect(set).toContain('Next nudge: Fri 27 Nov, 08:30');
    expect(await nudge()).toMatchObject({
      kind: 'nudge',
      localTime: '08:30',
      timeZone: 'Europe/Berlin',
      days: 0x1f,
      identityId: 1,
    });
    expect(new Date((await nudge())!.nextDueAt!).toISOString()).toBe('2026-11-27T07:30:00.000Z');
    // The member had no zone: the one they named is now theirs, so the next remind needs none.
    expect(textOf(await app.say('remind 07:00'))).toContain('07:00 (Europe/Berlin), every day');
  });

  it("uses the zone the platform reports (Slack's profile) and remembers it on the member", async () => {
    const reply = textOf(await app.say('remind 21:15 mon,wed,fri', { timeZone: 'America/New_York' }));
    expect(reply).toContain('21:15 (America/New_York), Mon, Wed, Fri');
    const zone = await app.sql.value('select time_zone from members where id = 1');
    expect(zone).toBe('America/New_York');
  });

  it('shows and turns off', async () => {
    await app.say('remind 10:00 UTC');
    expect(textOf(await app.say('remind'))).toContain('Next: Thu 26 Nov, 10:00');
    expect(textOf(await app.say('remind off'))).toContain('No more nudges');
    expect((await nudge())!.nextDueAt).toBeNull();
    expect(textOf(await app.say('remind'))).toContain('No daily nudge');
  });

  it('refuses a bad time and a bad zone, quoting what was typed', async () => {
    expect(textOf(await app.say('remind 25:00 UTC'))).toContain('25:00 is not a time of day');
    const bad = await app.say('remind 09:00 Mars/Olympus');
    expect(textOf(bad)).toContain('is not a time zone');
    expect(JSON.stringify(bad.blocks)).toContain('{"user":"Mars/Olympus"}');
  });

  it('tells the member once, on their next command, that their nudges paused after failures', async () => {
    await app.say('remind 09:00 UTC');
    for (let i = 0; i < 3; i++)
      await app.q.schedules.failed((await nudge())!.id, 'the member does not accept direct messages from this bot', 3);
    expect((await nudge())!.nextDueAt).toBeNull();
    const first = textOf(await app.say('progress'));
    expect(first).toContain('Your daily nudges are paused');
    expect(first).toContain('does not accept direct messages');
    expect(textOf(await app.say('progress'))).not.toContain('paused');
    expect(textOf(await app.say('remind'))).toContain('could not be delivered');
    await app.say('remind 09:00');
    expect(await nudge()).toMatchObject({ consecutiveFailures: 0, pausedReason: null });
    expect((await nudge())!.nextDueAt).not.toBeNull();
  });
});
