// One rule for time: a member has one time zone, which their streak days and their nudge follow; every reply says
// it. Zones are read as people write them, checked wherever they enter, and kept under their canonical names.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp({ now: '2026-11-26T09:00:00Z' }))); // a Thursday
afterEach(() => app.close());

const say = async (line: string, user?: { timeZone?: string }) => textOf(await app.say(line, user));
const memberZone = async () => await app.sql.value('select time_zone from members where id = 1');
const nudge = async () => (await app.q.schedules.nudgeOf(1))!;

describe("the member's zone and the nudge's zone are one", () => {
  it(
    'remind without a zone, as the bot suggests, follows ' + 'UTC like the streak days, and both replies say so',
    async () => {
      const set = await say('remind 09:00');
      expect(set).toContain('09:00 (UTC), every day');
      expect(set).toContain('your days are UTC days. Your daily nudge follows UTC too');
      expect(await say('timezone')).toContain('your days are UTC days. Your daily nudge follows UTC too');
    },
  );

  it("a zone named in remind becomes the member's zone, every time, and the reply says so", async () => {
    expect(await say('remind 07:00 berlin')).toContain(
      'Your time zone is now Europe/Berlin: your streak days and your daily nudge follow it.',
    );
    expect(await memberZone()).toBe('Europe/Berlin');
    expect(await say('remind 13:06 UTC')).toContain('Your time zone is now UTC');
    expect(await memberZone()).toBe('UTC');
    expect(await nudge()).toMatchObject({ localTime: '13:06', timeZone: 'UTC' });
    expect(await say('timezone')).toContain('Your time zone is UTC. Your streak days and your daily nudge follow it.');
  });

  it('timezone moves an active nudge with it', async () => {
    await app.say('remind 09:00 UTC');
    expect(await say('timezone Asia/Tokyo')).toContain('Your daily nudge moves with it: 09:00 there.');
    expect((await nudge()).timeZone).toBe('Asia/Tokyo');
    expect(new Date((await nudge()).nextDueAt!).toISOString()).toBe('2026-11-27T00:00:00.000Z'); // 09:00 in Tokyo
  });
});

describe('zones as people write them', () => {
  it('EST is New York with its summer time, not a fixed UTC−5', async () => {
    app.clock.set('2027-07-01T00:00:00Z');
    const reply = await say('timezone EST');
    expect(reply).toContain('EST is taken as America/New_York, which follows its summer time.');
    expect(await memberZone()).toBe('America/New_York');
    await app.say('remind 09:00');
    expect(new Date((await nudge()).nextDueAt!).toISOString()).toBe('2027-07-01T13:00:00.000Z'); // 09:00 EDT is 13:00 UTC
  });

  it('an abbreviation of several places asks which, with buttons', async () => {
    await app.say('progress');
    const reply = await app.say('timezone CST');
    expect(textOf(reply)).toContain('could mean America/Chicago or Asia/Shanghai');
    expect(reply.buttons.map((b) => b.command)).toEqual(['timezone America/Chicago', 'timezone Asia/Shanghai']);
    expect(await memberZone()).toBeNull();
  });

  it('UTC+2 is a fixed offset, said so; a half-hour offset is refused with a hint', async () => {
    expect(await say('timezone UTC+2')).toContain('UTC+2 (a fixed offset, no summer time)');
    expect(await memberZone()).toBe('Etc/GMT-2');
    await app.say('remind 09:00');
    expect(new Date((await nudge()).nextDueAt!).toISOString()).toBe('2026-11-27T07:00:00.000Z');
    const refused = await say('timezone UTC+5:30');
    expect(refused).toContain('only whole hours');
    expect(refused).toContain('Region/City');
  });

  it('a zone typed in odd case is kept under its canonical name', async () => {
    await app.say('timezone uS/EaSTern');
    const canonical = new Intl.DateTimeFormat('en', { timeZone: 'US/Eastern' }).resolvedOptions().timeZone;
    expect(await memberZone()).toBe(canonical);
    expect(await memberZone()).not.toBe('uS/EaSTern');
  });
});

describe('remind reads times as people write them, and blames the part that is wrong', () => {
  it.each([
    ['remind 9am', '09:00'],
    ['remind 9 am', '09:00'],
    ['remind 9:30pm', '21:30'],
    ['remind 12am', '00:00'],
    ['remind 12pm', '12:00'],
    ['remind 21h', '21:00'],
    ['remind 7h45', '07:45'],
    ['remind 9:05', '09:05'],
  ])('%s is %s', async (line, time) => {
    expect(await say(line)).toContain(`${time} (UTC)`);
    expect((await nudge()).localTime).toBe(time);
  });

  it.each([
    ['remind 9', 'In the morning or the evening? `remind 09:00` or `remind 21:00`'],
    ['remind 13pm', 'is not a time of day'],
    ['remind 24:00', 'is not a time of day'],
  ])('%s is refused: %s', async (line, said) => {
    expect(await say(line)).toContain(said);
  });

  it('remind 09:00 UTC xyz blames the days, not the zone', async () => {
    const text = await say('remind 09:00 UTC xyz');
    expect(text).toContain('xyz is not a day or a set of days');
    expect(text).not.toContain('time zone I know');
    expect(await say('remind 09:00 Europe/Berlin mon-fro')).toContain('mon-fro is not a day or a set of days');
    expect(await say('remind 09:00 new york mon-fri')).toContain('09:00 (America/New_York), Mon–Fri');
  });
});

describe('a zone the runtime does not know never breaks a command', () => {
  it('a platform zone like "Mars/Olympus" is not taken: the member follows UTC and every command works', async () => {
    const mars = { timeZone: 'Mars/Olympus' };
    const set = await say('remind 09:00', mars);
    expect(set).toContain('09:00 (UTC)');
    expect(set).not.toContain('Sorry');
    expect(await say('timezone', mars)).not.toContain('Mars');
    expect(await memberZone()).toBeNull();
    for (const line of ['streak', 'progress', 'snooze', 'export']) expect(await say(line, mars)).not.toContain('Sorry');
    expect(app.errors).toEqual([]);
  });

  it("a bad zone already stored is dropped on the next command, and the platform's valid one is learnt", async () => {
    await app.say('progress');
    await app.sql.run("update members set time_zone = 'Mars/Olympus'");
    expect(await say('remind 09:00', { timeZone: 'America/Chicago' })).toContain('09:00 (America/Chicago)');
    expect(await memberZone()).toBe('America/Chicago');
    expect(app.errors).toEqual([]);
  });

  it('a valid platform zone is kept under its canonical name', async () => {
    await app.say('progress', { timeZone: 'US/Eastern' });
    expect(await memberZone()).toBe(
      new Intl.DateTimeFormat('en', { timeZone: 'US/Eastern' }).resolvedOptions().timeZone,
    );
  });
});
