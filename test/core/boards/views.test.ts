// Boards and team views are plain data first: the same BoardView and TeamView render for the member who asked and for
// a channel, and a web page can read them as they are.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildBoardView } from '../../../src/core/boards/board-view.ts';
import { renderBoard } from '../../../src/core/boards/render-board.ts';
import { renderTeam } from '../../../src/core/boards/render-team.ts';
import { buildTeamView } from '../../../src/core/boards/team-view.ts';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp({ now: '2026-11-26T09:00:00Z' })));
afterEach(() => app.close());

const as = (name: string) => ({ id: name.toLowerCase(), displayName: name });

/** The view's inputs as the core has them for `name` in the terminal workspace. */
async function context(name: string) {
  const now = app.clock.now().getTime();
  const workspace = (await app.q.workspaces.find('terminal', 'local'))!;
  const member = await app.q.members.resolve({
    workspaceId: workspace.id,
    platformUserId: name.toLowerCase(),
    displayName: name,
    now,
  });
  return { store: app.q, workspace, member, roadmap: (await app.q.content.roadmap('backend'))!, now };
}

async function seed() {
  await app.say('done redis', as('Ada'));
  await app.say('done mysql', as('Ada'));
  await app.say('done redis', as('Grace'));
  await app.say('privacy anonymous', as('Grace'));
  await app.say('done redis', as('Linus'));
  await app.say('privacy hide', as('Linus'));
}

it("builds the board as data: period, ranked rows with how each member appears, and the asker's standing", async () => {
  await seed();
  const view = await buildBoardView(await context('Linus'), 'week');
  expect(view).toEqual({
    period: { kind: 'week', label: 'Week of Mon 23 Nov, UTC' },
    rows: [
      { rank: 1, member: { name: 'Ada', privacy: 'show' }, points: 2, activeDays: 1 },
      { rank: 2, member: { name: 'Grace', privacy: 'anonymous' }, points: 1, activeDays: 1 },
    ],
    others: 0,
    hiddenScorers: 1,
    you: { privacy: 'hide', standing: { rank: 2, points: 1, activeDays: 1 } },
  });
  const mine = textOf(renderBoard(view, 'member'));
  expect(mine).toContain('You: 1 point, 1 active day, would rank 2nd');
  const channel = renderBoard(view, 'channel');
  expect(textOf(channel)).not.toMatch(/You|Grace|Linus/); // no asker, and the anonymous one as "a teammate"
  expect(channel.buttons).toEqual([]);
  // the same rows, less the asker's line
  expect(renderBoard(view, 'member').blocks.slice(0, -1)).toEqual(channel.blocks);
});

it("builds the team as data: who leads, each member's progress per section, who is idle", async () => {
  await seed();
  app.clock.set('2026-12-04T09:00:00Z');
  const view = await buildTeamView(await context('Ada'));
  expect(view).toMatchObject({
    visible: 2,
    others: 0,
    hiddenDone: 1,
    leaderboardEnabled: true,
    you: { privacy: 'show' },
    furthest: { members: [{ name: 'Ada', privacy: 'show' }], done: 2 },
    idle: {
      days: 7,
      count: 2,
      named: [
        { name: 'Ada', privacy: 'show' },
        { name: 'Grace', privacy: 'anonymous' },
      ],
    },
  });
  expect(view.members.map((m) => [m.member.name, m.done, m.progress.percent])).toEqual([
    ['Ada', 2, 7],
    ['Grace', 1, 3],
  ]); // of 28 topics before a track is chosen
  expect(view.members[0]!.progress.sections.find((s) => s.title === 'Databases & Storage')).toEqual({
    title: 'Databases & Storage',
    done: 2,
    total: 5,
    noTrack: false,
  });
  expect(textOf(renderTeam(view, 'channel'))).not.toContain('Grace');
  expect(renderTeam(view, 'member').buttons.map((b) => b.command)).toEqual(['leaderboard', 'progress']);
});

it("renders the team's recall as a bar, saying when a large team was sampled", async () => {
  await seed();
  const view = await buildTeamView(await context('Ada'));
  expect(view.recall).toBeUndefined(); // nobody has reviewed: no bar
  expect(textOf(renderTeam(view, 'member'))).not.toContain('Team recall');
  const whole = { ...view, recall: { recall: 0.834, members: 12, sampled: false } };
  expect(textOf(renderTeam(whole, 'channel'))).toContain(
    'Team recall 83/100 estimated over 12 members who review finished topics',
  );
  const sampled = { ...view, recall: { recall: 0.9, members: 498, sampled: true } };
  expect(textOf(renderTeam(sampled, 'member'))).toContain(
    'Team recall 90/100 estimated from a sample of 498 members who review finished topics',
  );
});
