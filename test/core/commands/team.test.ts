// `team`: visible members' progress per section and overall, who leads, who has not moved in 7 days.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recallOf } from '../../../src/core/review/fsrs.ts';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp({ now: '2026-11-10T09:00:00Z' })));
afterEach(() => app.close());

const as = (name: string) => ({ id: name.toLowerCase(), displayName: name });
const team = async (name = 'Ada') => textOf(await app.say('team', as(name)));

describe('team', () => {
  it('lists progress per section and overall, with pick-one tracks counted as each member chose', async () => {
    await app.say('track go', as('Ada'));
    for (const t of ['gin', 'concurrency', 'mysql']) await app.say(`done ${t}`, as('Ada'));
    await app.say('done redis', as('Grace'));
    const text = await team('Grace');
    expect(text).toContain('Team — 2 members');
    expect(text).toContain('Furthest along: Ada — 3 topics done.');
    // 3 of 30, as `progress` says
    expect(text).toContain('Ada — 10% overall · Choose Your Backend Language 2/2 · Databases & Storage 1/5');
    expect(text).toContain('Grace — 3% overall · Choose Your Backend Language: no track yet · Databases & Storage 1/5');
    expect(text).not.toContain('No progress in 7 days');
  });

  it('names who has not moved in 7 days, without mentions, and leaves hidden members out entirely', async () => {
    await app.say('done express', as('Ada'));
    await app.say('done redis', as('Grace'));
    await app.say('done redis', as('Linus'));
    await app.say('privacy hide', as('Linus'));
    await app.say('privacy anonymous', as('Grace'));
    app.clock.set('2026-11-20T09:00:00Z');
    await app.say('done mysql', as('Ada'));
    const reply = await app.say('team', as('Ada'));
    const text = textOf(reply);
    expect(text).toContain('Team — 2 members');
    expect(text).toContain('No progress in 7 days: a teammate.');
    expect(text).not.toContain('Linus');
    expect(text).not.toContain('Grace');
    expect(JSON.stringify(reply)).toContain('{"user":"Ada","name":true}');
  });

  it('keeps to 25 members and counts the rest', async () => {
    for (let i = 0; i < 30; i++) {
      const name = `M${String(i).padStart(2, '0')}`;
      if (i < 27) await app.say('done redis', as(name));
      else await app.say('help', as(name));
    }
    const text = await team('M00');
    expect(text).toContain('Team — 30 members');
    expect(text.split('\n').filter((l) => / — \d+% overall/.test(l))).toHaveLength(25);
    expect(text).toContain('…and 5 more teammates.');
  });

  it("shows the team's estimated recall once someone has reviewed: per member, then over members", async () => {
    for (const [name, topic] of [
      ['Ada', 'redis'],
      ['Grace', 'mysql'],
      ['Linus', 'mongodb'],
    ] as const)
      await app.say(`done ${topic}`, as(name));
    await app.say('privacy hide', as('Linus'));
    expect(await team()).not.toContain('Team recall'); // nobody has reviewed yet
    app.clock.set('2026-11-13T09:00:00Z');
    await app.say('review redis good', as('Ada'));
    await app.say('review mysql again', as('Grace'));
    await app.say('review mongodb easy', as('Linus')); // hidden: left out
    app.clock.set('2026-11-20T09:00:00Z');
    const now = app.clock.now().getTime();
    const recallOfMember = async (id: string) => {
      const memberId = (await app.sql.get<{ id: number }>(
        'select member_id as "id" from identities where platform_user_id = @id',
        { id },
      ))!.id;
      return recallOf((await app.q.reviews.forMember(memberId))[0]!, now)!;
    };
    const percent = Math.round((((await recallOfMember('ada')) + (await recallOfMember('grace'))) / 2) * 100);
    expect(percent).toBeGreaterThan(0);
    expect(await team()).toContain(`Team recall ${percent}/100 estimated over 2 members who review finished topics`);
  });

  it('says when nobody has finished anything', async () => {
    expect(await team()).toContain('Nobody here has finished a topic yet');
  });
});
