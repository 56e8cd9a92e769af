// Transactions on every engine: all or nothing across every query group, a transaction refused inside another, and
// writes made through one transaction visible to it before they commit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../engines.ts';
import { DAY, NOW, openWorld, person, sharedTopics, type World } from './world.ts';

describe.each(ENGINES)('transactions on $name', (engine) => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld(engine);
  });
  afterEach(() => world.close());

  it('rolls back every write of every group when the transaction throws, and rethrows the error', async () => {
    // Something already there, so the rollback has committed rows to leave alone as well.
    await world.tx((tx) => person(tx, 'grace'));
    const before = await world.rowCounts();
    const [t1, t2] = sharedTopics(world);
    const failure = new Error('changed my mind');
    await expect(
      world.tx(async (tx) => {
        const ada = await person(tx, 'ada', { platform: 'discord', workspace: 'G1' });
        const id = ada.member.id;
        await tx.progress.set(id, t1!, 'done', NOW);
        await tx.progress.set(id, t2!, 'learning', NOW);
        await tx.progress.chooseTrack(id, 'backend', world.roadmap.topics[0]!.sectionSlug, 'nodejs', NOW);
        await tx.notes.add(id, t1!, 'remember this', NOW);
        await tx.links.issueCode(ada.identityId, NOW, DAY);
        await tx.links.recordFailure(ada.identityId, NOW);
        await tx.holidays.add(ada.workspace.id, '2026-12-24');
        await tx.channelPosts.record(ada.workspace.id, 'C1', NOW);
        await tx.workspaces.update(ada.workspace.id, { leaderboardEnabled: false });
        await tx.members.updateSettings(id, { privacy: 'hide' });
        const nudge = await tx.schedules.save({
          kind: 'nudge',
          workspaceId: ada.workspace.id,
          memberId: id,
          identityId: ada.identityId,
          localTime: '09:00',
          timeZone: 'UTC',
          days: 127,
          nextDueAt: NOW,
          createdAt: NOW,
        });
        await tx.deliveries.enqueueDue(
          { ids: JSON.stringify([nudge.id]), dueAt: NOW, date: '2026-11-26', skip: null },
          NOW,
        );
        await tx.outboxOwners.beat('sender-1', NOW);
        await tx.dashboardSessions.issueLink({ workspaceId: ada.workspace.id, memberId: id, isAdmin: true }, NOW, DAY);
        await tx.slackInstallations.save({
          id: 'T1',
          teamId: 'T1',
          enterpriseId: null,
          isEnterpriseInstall: false,
          botUserId: 'B1',
          sealed: 'sealed',
          installedAt: NOW,
        });
        // Seen inside the transaction, before it commits.
        expect((await tx.progress.forMember(id)).get(t1!)).toEqual({ state: 'done', updatedAt: NOW });
        expect(await tx.deliveries.depth()).toBe(1);
        throw failure;
      }),
    ).rejects.toBe(failure);

    const after = await world.rowCounts();
    expect(after).toEqual(before);
    // The writes touched these tables (the rows the throw undid), so the equality above is not vacuous.
    for (const table of ['progress', 'progress_events', 'notes', 'link_codes', 'deliveries', 'schedules', 'holidays'])
      expect(after[table], table).toBe(0);
    expect(await world.tx((tx) => tx.workspaces.find('discord', 'G1'))).toBeUndefined();
    // Usable again at once: the same writes commit when nothing throws.
    const ada = await world.tx((tx) => person(tx, 'ada', { platform: 'discord', workspace: 'G1' }));
    await world.tx((tx) => tx.progress.set(ada.member.id, t1!, 'done', NOW));
    expect((await world.rowCounts()).progress).toBe(1);
  });

  it('rolls back a write that failed a constraint together with the writes before it', async () => {
    const ada = await world.tx((tx) => person(tx, 'ada'));
    const [t1] = sharedTopics(world);
    await expect(
      world.tx(async (tx) => {
        await tx.progress.set(ada.member.id, t1!, 'done', NOW);
        await tx.notes.add(ada.member.id, 999_999, 'on a topic that does not exist', NOW); // foreign key
      }),
    ).rejects.toThrow();
    expect(await world.tx((tx) => tx.progress.forMember(ada.member.id))).toEqual(new Map());
    const after = await world.rowCounts();
    expect([after.progress, after.progress_events, after.member_stats]).toEqual([0, 0, 0]); // triggers undone too
  });

  it('refuses a transaction opened inside another, and leaves nothing half-open', async () => {
    await expect(
      world.tx(async (tx) => {
        await tx.holidays.add((await person(tx, 'ada')).workspace.id, '2026-12-24');
        return world.store.transaction((inner) => inner.content.roadmapIds());
      }),
    ).rejects.toThrow(/inside a transaction: use the tx/);
    expect(await world.tx((tx) => tx.workspaces.find('terminal', 'local'))).toBeUndefined(); // the outer rolled back
    expect(await world.tx((tx) => tx.content.roadmapIds())).toEqual(['backend']);
  });

  it('commits transactions that run at the same time without losing either', async () => {
    const [t1, t2] = sharedTopics(world);
    const ada = await world.tx((tx) => person(tx, 'ada'));
    const pause = () => new Promise((resolve) => setTimeout(resolve, 10));
    await Promise.all(
      [t1!, t2!].map((topic) =>
        world.tx(async (tx) => {
          await pause();
          await tx.progress.set(ada.member.id, topic, 'done', NOW);
        }),
      ),
    );
    expect([...(await world.tx((tx) => tx.progress.forMember(ada.member.id))).keys()].sort()).toEqual(
      [t1!, t2!].sort(),
    );
    expect(await world.sql.value('select done_count as "n" from member_stats')).toBe(2);
  });
});
