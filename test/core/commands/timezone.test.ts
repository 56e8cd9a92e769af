// `timezone [zone]`: show or set my time zone, the one my streak days and my daily nudge follow.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

const say = async (text: string) => textOf(await app.say(text));

describe('timezone', () => {
  it('refuses an unknown zone and suggests the close one', async () => {
    const text = await say('timezone Europe/Berln');
    expect(text).toContain('is not a time zone I know');
    expect(text).toContain('Europe/Berlin');
    expect(await say('timezone')).toContain('You have not set a time zone, so your days are UTC days.');
  });

  it(
    'sets a zone typed as a city or an abbreviation, under ' + 'its canonical name, and says when nothing changed',
    async () => {
      const set = await app.say('timezone berlin');
      expect(set.heading).toBe('Time zone set to Europe/Berlin');
      expect(textOf(set)).toContain('Your time zone is now Europe/Berlin');
      expect(await app.sql.value('select time_zone from members')).toBe('Europe/Berlin');
      expect(await say('timezone Europe/Berlin')).toContain('Your time zone is already Europe/Berlin');
      expect(await say('timezone EST')).toContain('America/New_York');
      expect(await say('timezone')).toContain('Your time zone is America/New_York');
    },
  );

  it('moves an active nudge with it, at the same local time', async () => {
    await app.say('remind 08:00 UTC');
    expect(await say('timezone Asia/Tokyo')).toContain('Your daily nudge moves with it: 08:00 there.');
    expect(await app.q.schedules.nudgeOf(1)).toMatchObject({ localTime: '08:00', timeZone: 'Asia/Tokyo' });
  });
});
