// `digest`: admins schedule a channel post of the leaderboard and team progress, composed when it is due.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp({ now: '2026-11-26T08:00:00Z' });
}); // Thursday
afterEach(() => app.close());

it('sets a weekly digest for admins only, then posts the leaderboard and team progress to the channel', async () => {
  expect(textOf(await app.say('digest <#C0123> weekly mon 09:00'))).toContain('for workspace admins');
  const set = textOf(await app.say('digest <#C0123> weekly mon 09:00 Europe/Berlin', { isAdmin: true }));
  expect(set).toContain('<#C0123> at 09:00 (Europe/Berlin), Mon. First: Mon 30 Nov, 09:00');
  expect(textOf(await app.say('digest'))).toContain('Next: Mon 30 Nov, 09:00');
  await app.say('track nodejs', { id: 'bob', displayName: 'Bob' });
  const [first] = (await app.q.content.roadmap('backend'))!.topics.filter((t) => !t.pickOne);
  await app.say(`done ${first!.path}`, { id: 'bob', displayName: 'Bob' });
  await app.say('done redis', { id: 'eve', displayName: 'Eve' });
  app.clock.set('2026-11-29T12:00:00Z'); // Sunday: redis is due
  await app.say('review redis good', { id: 'eve', displayName: 'Eve' });

  await app.core.outbound.queueDue(Date.parse('2026-11-30T08:00:00Z'));
  const [claimed] = await app.q.deliveries.claim({
    platform: 'terminal',
    owner: 'test',
    now: Date.parse('2026-11-30T08:00:00Z'),
    limit: 10,
  });
  expect(claimed).toMatchObject({
    key: '1:2026-11-30',
    target: { kind: 'channel', workspaceId: 'local', id: 'C0123' },
  });
  const post = (await app.core.outbound.compose(claimed!, Date.parse('2026-11-30T08:00:00Z')))!;
  expect(post.visibility).toBe('channel');
  const body = textOf(post);
  expect(body).toContain('Weekly study digest');
  expect(body).toContain('Leaderboard — Last week (from Mon 23 Nov), UTC'); // boards use the workspace's zone
  expect(body).toContain('1. Bob — 1 point'); // done on Thursday: the week just ended, not the Monday just begun
  expect(body).toContain('Team');
  expect(body).toContain('1 review done last week, by 1 member.');
  expect(body).not.toContain('You:'); // no asker in a channel
  expect(textOf(await app.say('digest off', { isAdmin: true }))).toContain('No more channel digests');
});

it('takes `here` from the channel the command came from, and refuses it in a DM', async () => {
  const inDm = await app.say('digest here daily 17:00', { isAdmin: true });
  expect(textOf(inDm)).toContain('only works in a channel');
  const inChannel = await app.core.handle({
    platform: 'discord',
    workspace: { id: 'G1' },
    user: { id: 'U1', displayName: 'Admin', isAdmin: true },
    place: { channelId: '1300000000000000001', direct: false },
    text: 'digest here daily 17:00 UTC',
  });
  expect(textOf(inChannel)).toContain('<#1300000000000000001> at 17:00 (UTC), every day');
  expect(textOf(await app.say('digest #general daily 17:00', { isAdmin: true }))).toContain(
    '#general is not a channel',
  );
});
