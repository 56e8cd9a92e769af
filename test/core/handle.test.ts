// core.handle around every command: one transaction, so a refusal or a bug keeps nothing; user text stays user
// text; and a workspace never reaches another.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, rowCounts, type TestApp, textOf } from '../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

const say = async (text: string, user?: Parameters<TestApp['say']>[1]) => textOf(await app.say(text, user));

describe('bad input', () => {
  it('writes nothing on any error, not even a first-contact member', async () => {
    const before = await rowCounts(app);
    for (const text of [
      'frobnicate',
      'done',
      'done not-a-topic-at-all',
      'topic jwt',
      `topic ${'x'.repeat(1200)}`,
      'track cobol',
      'topics nowhere',
    ]) {
      await app.say(text, { id: 'newcomer' });
    }
    expect(await rowCounts(app)).toEqual(before);
  });

  it('keeps user text out of our strings so renderers can escape it', async () => {
    const reply = await app.say('topic <!channel> @everyone');
    const spans = reply.blocks[0]!.type === 'text' ? reply.blocks[0]!.spans : [];
    expect(spans).toContainEqual({ user: '<!channel> @everyone' });
    expect(spans.filter((s) => typeof s === 'string').join('')).not.toContain('everyone');
  });

  it('answers an internal failure with an apology, logs it, and keeps nothing', async () => {
    await app.sql.run('drop table track_choices'); // a broken database, not a broken command
    const before = await rowCounts(app);
    const reply = await app.core.handle({
      platform: 'slack',
      workspace: { id: 'T1' },
      user: { id: 'newcomer', displayName: 'New' },
      place: { direct: true },
      text: 'track go',
      id: 'trigger-123',
    });
    expect(textOf(reply)).toContain('something went wrong on my side');
    const logged = JSON.parse(app.errors.find((l) => l.includes('command failed'))!);
    expect(logged).toMatchObject({ msg: 'command failed', rid: 'trigger-123', verb: 'track', platform: 'slack' });
    expect(JSON.stringify(logged)).not.toContain('track go'); // the text a user typed stays out of the logs
    expect(await rowCounts(app)).toEqual(before);
  });
});

describe('workspace isolation', () => {
  it('no read or write command in one workspace touches another', async () => {
    const A = { id: 'u1', isAdmin: true, workspace: 'team-a' };
    const B = { id: 'u1', isAdmin: true, workspace: 'team-b' }; // the same user id, another workspace
    await app.say('settings timezone Asia/Tokyo', A);
    await app.say('settings leaderboard off', A);
    await app.say('done redis', A);
    await app.say('track go', A);
    const workspaceA = async () =>
      await app.sql.get(
        "select roadmap_id, time_zone, leaderboard_enabled from workspaces where external_id = 'team-a'",
      );
    const before = await workspaceA();
    for (const text of [
      'settings',
      'settings timezone Europe/Paris',
      'settings leaderboard on',
      'progress',
      'topic redis',
      'track',
      'done mysql',
      'reset redis',
      'unlink',
      'link',
    ]) {
      await app.say(text, B);
    }
    expect(await workspaceA()).toEqual(before);
    expect(await say('settings', B)).toContain('Time zone: Europe/Paris');
    expect(await say('topic redis', B)).toContain('Your progress: not started');
    expect(await say('topic redis', A)).toContain('Your progress: done');
    expect(await say('topic mysql', A)).toContain('Your progress: not started');
    expect(await say('track', A)).toContain('you follow Go');
    const members = await app.sql.get('select count(*) n from members');
    expect(members).toEqual({ n: 2 }); // same user id in two workspaces: two members until they link
  });
});
