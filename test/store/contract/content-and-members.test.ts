// Content, workspaces, members, notes, Slack installations, channel posts and dashboard links on every engine: the
// repository's roadmap loads through the real sync and reads back whole (booleans as booleans, resources as JSON),
// a changed roadmap retires and restores topics by path, and each group's writes read back the same everywhere.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncContent } from '../../../src/content/sync.ts';
import { createStore } from '../../../src/store/index.ts';
import { CONTENT_DIR } from '../../helpers.ts';
import { ENGINES } from '../engines.ts';
import { DAY, NOW, openWorld, person, sharedTopics, tinyRoadmap, type World } from './world.ts';

describe.each(ENGINES)('content and members on $name', (engine) => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld(engine);
  });
  afterEach(() => world.close());

  it('loads the repository content whole, and loading it again changes nothing', async () => {
    const { roadmap } = world;
    expect(roadmap.title).toBe('Backend Development Roadmap');
    expect(roadmap.topics.length).toBeGreaterThan(20);
    expect(roadmap.topics.map((t) => t.position)).toEqual(roadmap.topics.map((_, i) => i));
    const first = roadmap.topics[0]!;
    expect(first).toEqual({
      id: expect.any(Number),
      roadmapId: 'backend',
      path: 'backend/choose-your-backend-language/nodejs/expressjs',
      position: 0,
      sectionSlug: 'choose-your-backend-language',
      sectionTitle: 'Choose Your Backend Language',
      pickOne: true,
      groupSlug: 'nodejs',
      groupTitle: 'Node.js',
      slug: 'expressjs',
      title: 'Express.js',
      summary: expect.stringContaining('RESTful APIs with Express'),
      resources: [
        { type: 'official', title: 'Express — Routing Guide', url: 'https://expressjs.com/en/guide/routing.html' },
        expect.objectContaining({ type: 'official' }),
        expect.objectContaining({ type: 'article' }),
      ],
      recall: [
        'In what order does Express run middleware, and what happens when one neither calls next() nor sends a response?',
        'How does a route handler differ from middleware mounted with app.use()?',
        'Why does error-handling middleware take four arguments, and where must it be registered?',
      ],
      retiredAt: null,
    });
    expect(roadmap.topics.find((t) => t.sectionSlug === 'databases-storage')?.pickOne).toBe(false);
    const again = await syncContent(CONTENT_DIR, world.store, NOW + DAY);
    expect(again.loaded).toEqual([
      {
        roadmap: 'backend',
        topics: roadmap.topics.length,
        added: 0,
        updated: 0,
        restored: 0,
        retired: 0,
        unchanged: true,
      },
    ]);
    expect(await world.tx((tx) => tx.content.roadmapIds())).toEqual(['backend']);
  });

  it('a new workspace, or a new user, reaching two replicas at once becomes one workspace and one member', async () => {
    // Where the engine has replicas (a pool on a server), the first transaction holds its new rows uncommitted while
    // the second looks for them, finds none and inserts its own: it must wait, then take the first one's rows.
    const replica = engine.concurrent ? world.opened.replica() : undefined;
    const other = replica ? createStore(replica) : world.store;
    async function race(user: string, workspace: string) {
      let firstHolds = () => {};
      const held = new Promise<void>((resolve) => (firstHolds = resolve));
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      const first = world.tx(async (tx) => {
        const made = await person(tx, user, { workspace });
        firstHolds();
        if (engine.concurrent) await released;
        return made;
      });
      await held;
      const second = other.transaction((tx) => person(tx, user, { workspace }));
      if (engine.concurrent) setTimeout(release, 300); // the second waits on the first's uncommitted rows by then
      const [a, b] = await Promise.all([first, second]);
      expect([b.workspace.id, b.member.id, b.identityId]).toEqual([a.workspace.id, a.member.id, a.identityId]);
    }
    await race('zoe', 'new-team'); // both new: the workspace's insert is where the second waits
    await race('yan', 'new-team'); // the workspace is there: the second waits on the identity's insert
    const counts = await world.rowCounts();
    expect([counts.workspaces, counts.identities, counts.members]).toEqual([1, 2, 2]);
  });

  it('retires topics no longer in a roadmap and restores them, with their progress, when they come back', async () => {
    const save = (slugs: string[], now: number) =>
      world.tx((tx) => tx.content.save(tinyRoadmap(slugs), slugs.join(','), now));
    expect(await save(['a', 'b', 'c'], NOW)).toEqual({
      added: 3,
      updated: 0,
      restored: 0,
      retired: 0,
      unchanged: false,
    });
    const view = (await world.tx((tx) => tx.content.roadmap('tiny')))!;
    expect(view.topics.map((t) => [t.slug, t.pickOne, t.resources])).toEqual(
      ['a', 'b', 'c'].map((s) => [
        s,
        false,
        [{ type: 'article', title: `Read ${s}`, url: `https://example.org/${s}` }],
      ]),
    );
    const b = view.topics[1]!.id;
    const ada = await world.tx((tx) => person(tx, 'ada'));
    await world.tx((tx) => tx.progress.set(ada.member.id, b, 'done', NOW));

    expect(await save(['a', 'c'], NOW + 1)).toEqual({
      added: 0,
      updated: 2,
      restored: 0,
      retired: 1,
      unchanged: false,
    });
    expect((await world.tx((tx) => tx.content.roadmap('tiny')))!.topics.map((t) => t.slug)).toEqual(['a', 'c']);
    expect(await save(['c', 'b', 'a', 'd'], NOW + 2)).toEqual({
      added: 1,
      updated: 2,
      restored: 1,
      retired: 0,
      unchanged: false,
    });
    const back = (await world.tx((tx) => tx.content.roadmap('tiny')))!;
    expect(back.topics.map((t) => [t.slug, t.position])).toEqual([
      ['c', 0],
      ['b', 1],
      ['a', 2],
      ['d', 3],
    ]);
    expect(back.topics[1]!.id).toBe(b); // the same topic, so ada's progress on it stands
    expect((await world.tx((tx) => tx.progress.forMember(ada.member.id))).get(b)?.state).toBe('done');
  });

  it('resolves members and workspaces once, keeps names current, and round-trips their settings', async () => {
    const first = await world.tx((tx) => person(tx, 'U1', { platform: 'slack', workspace: 'T1', name: 'Ada' }));
    const again = await world.tx((tx) => person(tx, 'U1', { platform: 'slack', workspace: 'T1', name: 'Ada L' }));
    expect(again.member).toEqual({ ...first.member, displayName: 'Ada L' });
    expect(again.workspace).toEqual(first.workspace);
    expect(first.workspace).toEqual({
      id: expect.any(Number),
      platform: 'slack',
      externalId: 'T1',
      name: null,
      roadmapId: 'backend',
      timeZone: 'UTC',
      leaderboardEnabled: true,
      boardPosts: 'admins',
      createdAt: NOW,
    });
    const ws = first.workspace.id;
    const updated = await world.tx((tx) =>
      tx.workspaces.update(ws, { leaderboardEnabled: false, boardPosts: 'everyone', timeZone: 'Asia/Tokyo' }),
    );
    expect(updated).toEqual({
      ...first.workspace,
      leaderboardEnabled: false,
      boardPosts: 'everyone',
      timeZone: 'Asia/Tokyo',
    });
    expect(await world.tx((tx) => tx.workspaces.find('slack', 'T1'))).toEqual(updated);
    expect((await world.tx((tx) => tx.workspaces.update(ws, { leaderboardEnabled: true }))).leaderboardEnabled).toBe(
      true,
    );

    await world.tx((tx) =>
      tx.members.updateSettings(first.member.id, {
        privacy: 'anonymous',
        streakMode: 'weekdays',
        timeZone: 'Europe/Paris',
      }),
    );
    const data = await world.tx((tx) => tx.memberData.exportOf(first.member.id));
    expect(data.profile).toEqual({
      displayName: 'Ada L',
      timeZone: 'Europe/Paris',
      privacy: 'anonymous',
      streakMode: 'weekdays',
      createdAt: NOW,
    });
    expect(data.identities).toEqual([
      { platform: 'slack', workspace: 'T1', workspaceName: null, userId: 'U1', displayName: 'Ada L', createdAt: NOW },
    ]);
  });

  it("keeps each member's notes to themselves, newest first", async () => {
    const [t1, t2] = sharedTopics(world) as [number, number];
    const { ada, grace } = await world.tx(async (tx) => ({
      ada: await person(tx, 'ada'),
      grace: await person(tx, 'grace'),
    }));
    const [n1, n2, n3] = await world.tx(async (tx) => [
      await tx.notes.add(ada.member.id, t1, 'first', NOW),
      await tx.notes.add(ada.member.id, t1, 'second, same instant', NOW),
      await tx.notes.add(ada.member.id, t2, 'on another topic', NOW + 1),
    ]);
    const title = (id: number) => world.roadmap.topics.find((t) => t.id === id)!.title;
    expect(await world.tx((tx) => tx.notes.forTopic(ada.member.id, t1))).toEqual([
      { id: n2, topicId: t1, topicTitle: title(t1), text: 'second, same instant', createdAt: NOW },
      { id: n1, topicId: t1, topicTitle: title(t1), text: 'first', createdAt: NOW },
    ]);
    expect((await world.tx((tx) => tx.notes.forMember(ada.member.id))).map((n) => n.id)).toEqual([n3, n2, n1]);
    expect(await world.tx((tx) => tx.notes.one(grace.member.id, n1!))).toBeUndefined(); // not hers
    await world.tx(async (tx) => {
      await tx.notes.edit(grace.member.id, n1!, 'overwritten'); // not hers: nothing happens
      await tx.notes.remove(grace.member.id, n1!);
      await tx.notes.edit(ada.member.id, n1!, 'first, edited');
      await tx.notes.remove(ada.member.id, n3!);
    });
    expect(await world.tx((tx) => tx.notes.forMember(ada.member.id))).toEqual([
      expect.objectContaining({ id: n2 }),
      { id: n1, topicId: t1, topicTitle: title(t1), text: 'first, edited', createdAt: NOW },
    ]);
  });

  it('round-trips Slack installations, channel posts and dashboard grants, booleans as booleans', async () => {
    const install = (id: string, isEnterpriseInstall: boolean, sealed: string) => ({
      id,
      teamId: isEnterpriseInstall ? null : id,
      enterpriseId: isEnterpriseInstall ? 'E1' : null,
      isEnterpriseInstall,
      botUserId: 'B1',
      sealed,
      installedAt: NOW,
    });
    await world.tx(async (tx) => {
      await tx.slackInstallations.save(install('T1', false, 'old token'));
      await tx.slackInstallations.save(install('T1', false, 'new token')); // a reinstall replaces it
      await tx.slackInstallations.save(install('E1', true, 'enterprise'));
    });
    expect(await world.tx((tx) => tx.slackInstallations.find('T1'))).toEqual(install('T1', false, 'new token'));
    expect(await world.tx((tx) => tx.slackInstallations.find('E1'))).toEqual(install('E1', true, 'enterprise'));
    expect(await world.tx((tx) => tx.slackInstallations.remove('T1'))).toBe(1);
    expect(await world.tx((tx) => tx.slackInstallations.remove('T1'))).toBe(0);
    expect(await world.tx((tx) => tx.slackInstallations.find('T1'))).toBeUndefined();

    const ada = await world.tx((tx) => person(tx, 'ada'));
    const ws = ada.workspace.id;
    expect(await world.tx((tx) => tx.channelPosts.lastAt(ws, 'C1'))).toBeUndefined();
    await world.tx(async (tx) => {
      await tx.channelPosts.record(ws, 'C1', NOW);
      await tx.channelPosts.record(ws, 'C1', NOW + 5);
    });
    expect(await world.tx((tx) => tx.channelPosts.lastAt(ws, 'C1'))).toBe(NOW + 5);
    expect(await world.tx((tx) => tx.channelPosts.lastAt(ws, 'C2'))).toBeUndefined();

    for (const isAdmin of [true, false]) {
      const grant = { workspaceId: ws, memberId: ada.member.id, isAdmin };
      const token = await world.tx((tx) => tx.dashboardSessions.issueLink(grant, NOW, DAY));
      const opened = (await world.store.transaction((tx) => tx.dashboardSessions.open(token, NOW + 1, DAY), {
        immediate: true,
      }))!;
      expect(opened).toEqual({ id: expect.any(String), ...grant, expiresAt: NOW + 1 + DAY });
      expect(await world.tx((tx) => tx.dashboardSessions.session(opened.id, NOW + 2))).toEqual({
        ...grant,
        expiresAt: NOW + 1 + DAY,
      });
      expect(await world.tx((tx) => tx.dashboardSessions.open(token, NOW + 2, DAY))).toBeUndefined(); // spent
    }
  });
});
