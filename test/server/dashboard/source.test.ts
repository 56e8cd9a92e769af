// The store-backed dashboard source over a demo team seeded through the real core: the numbers against the store
// itself, the chat's privacy rules, and every page scoped to the viewer's workspace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStoreSource } from '../../../src/dashboard-source.ts';
import type { MemberRow } from '../../../src/server/dashboard/data.ts';
import type { Viewer } from '../../../src/server/dashboard/ports.ts';
import { sortMembers } from '../../../src/server/dashboard/sort.ts';
import type { Params } from '../../../src/store/sql/database.ts';
import { jsonField } from '../../../src/store/sql/fragments.ts';
import { createTestApp, type TestApp } from '../../helpers.ts';
import { ACME, OTHER, seedDemo } from './demo.ts';

let app: TestApp;
let now: number;
beforeAll(async () => {
  app = await createTestApp();
  ({ now } = await seedDemo(app));
});
afterAll(() => app.close());

/** The first column of the query's first row, straight from the database (SQL both engines share); no row fails. */
const sql = async (query: string, params: Params): Promise<number> => {
  const value = await app.sql.value<number>(query, params);
  if (value === undefined) throw new Error(`no row for ${query}`);
  return value;
};
const wsId = async (external: string) =>
  String(await sql('select id from workspaces where external_id = @external', { external }));
const memberId = async (user: string) =>
  String(await sql('select member_id from identities where platform_user_id = @user', { user }));
const viewer = async (user: string, external = ACME.id, isAdmin = false): Promise<Viewer> => ({
  workspaceId: await wsId(external),
  memberId: await memberId(user),
  isAdmin,
});
const source = (pageSize?: number) => createStoreSource(app.store, () => app.clock.now(), pageSize ? { pageSize } : {});
const names = (rows: MemberRow[]) => rows.map((r) => ('name' in r.who ? r.who.name : 'a teammate'));
const SORT = { by: 'progress', dir: 'desc' } as const;

describe('the dashboard source over the store', () => {
  it('team: the weekly columns are the done events of each local week, the headcounts match the store', async () => {
    const ada = await viewer('U-ADA', ACME.id, true);
    const team = await source().team(ada.workspaceId, ada, SORT);
    expect(team.workspace).toEqual({ name: ACME.name, timeZone: 'Europe/Berlin' });
    expect(team.weekly).toHaveLength(12);
    expect(team.weekly.at(-1)!.weekStart).toBe('2026-11-23'); // the Monday of the week of 26 November 2026
    const from = Date.parse('2026-09-07T00:00:00+02:00'); // that Monday's midnight in Berlin (summer time)
    const events = await sql(
      `select count(*) as "n" from progress_events where to_state = 'done' and at >= @from and member_id in
        (select member_id from identities where workspace_id = @ws)`,
      { from, ws: Number(ada.workspaceId) },
    );
    expect(team.weekly.reduce((n, w) => n + w.finished, 0)).toBe(events);
    expect(events).toBeGreaterThan(100);
    const members = await sql('select count(*) as "n" from identities where workspace_id = @ws', {
      ws: Number(ada.workspaceId),
    });
    expect(team.members.total).toBe(members); // the hidden member counted, never named
    const active = await sql(
      `select count(*) as "n" from member_stats where last_progress_at >= @since and member_id in
        (select member_id from identities where workspace_id = @ws)`,
      { since: now - 7 * 86_400_000, ws: Number(ada.workspaceId) },
    );
    expect(team.members.activeLast7Days).toBe(active);
    expect(active).toBeLessThan(members);
  });

  it('team: the funnel follows the roadmap, each section reached by at least as many as finished it', async () => {
    const ada = await viewer('U-ADA', ACME.id, true);
    const { funnel } = await source().team(ada.workspaceId, ada, SORT);
    expect(funnel.map((f) => f.section)).toEqual([
      'Choose Your Backend Language',
      'Databases & Storage',
      'Authentication & Security',
      'APIs (RESTful & GraphQL)',
      'Deployment & Cloud',
      'Testing & Monitoring',
    ]);
    // Everyone who finished a topic started in the first section; the finishers are those with its 8 Node topics.
    const started = await sql(
      `select count(distinct p.member_id) as "n" from progress p join identities i on i.member_id = p.member_id
        where i.workspace_id = @ws`,
      { ws: Number(ada.workspaceId) },
    );
    expect(funnel[0]!.reached).toBe(started);
    for (const f of funnel) expect(f.finished).toBeLessThanOrEqual(f.reached);
    expect(funnel[1]!.finished).toBeGreaterThan(0);
    expect(funnel[1]!.finished).toBeLessThan(funnel[1]!.reached);
  });

  it('team: hidden members are left out, anonymous ones are "a teammate" with no id, the viewer sees themselves', async () => {
    const bob = await viewer('U-BOB');
    const { table } = await source().team(bob.workspaceId, bob, SORT);
    expect(names(table)).not.toContain('Eve Hidden');
    expect(JSON.stringify(table)).not.toContain('Dee Secret');
    expect(table.filter((r) => !('name' in r.who))).toHaveLength(1);
    expect(table.find((r) => r.you)!.who).toEqual({ id: bob.memberId, name: 'Bob <b>Builder</b>' });

    const eve = await viewer('U-EVE');
    const own = await source().team(eve.workspaceId, eve, SORT);
    expect(own.table.find((r) => r.you)!.who).toEqual({ id: eve.memberId, name: 'Eve Hidden' });
    const dee = await viewer('U-DEE');
    expect(names((await source().team(dee.workspaceId, dee, SORT)).table)).toContain('Dee Secret');
  });

  it('team: rows carry the chat’s progress and streak; sorted by topics done or by last activity', async () => {
    const ada = await viewer('U-ADA', ACME.id, true);
    const { table } = await source().team(ada.workspaceId, ada, SORT);
    expect(table.map((r) => r.done)).toEqual([...table.map((r) => r.done)].sort((a, b) => b - a));
    const mine = table.find((r) => r.you)!;
    expect(mine.progressPercent).toBe(Math.floor((100 * mine.done) / mine.total));
    const last = await sql('select max(at) as "at" from progress_events where member_id = @member', {
      member: Number(ada.memberId),
    });
    expect(mine.lastActivity!.getTime()).toBe(last);
    const byActivity = (await source().team(ada.workspaceId, ada, { by: 'activity', dir: 'asc' })).table;
    expect(byActivity.map((r) => r.lastActivity?.getTime() ?? -1)).toEqual(
      sortMembers(byActivity, { by: 'activity', dir: 'asc' }).map((r) => r.lastActivity?.getTime() ?? -1),
    );
    expect(byActivity[0]!.lastActivity).toBeNull(); // Finn never moved: the quietest first
  });

  it('team: a long table comes in pages that neither repeat nor skip anyone; "all" gives every row', async () => {
    const ada = await viewer('U-ADA', ACME.id, true);
    const all = (await source().team(ada.workspaceId, ada, SORT, 'all')).table;
    expect(all.length).toBe(15); // 16 members, the hidden one left out
    const pages = await Promise.all([1, 2, 3, 4].map((p) => source(4).team(ada.workspaceId, ada, SORT, p)));
    expect(pages[0]!.paging).toEqual({ page: 1, size: 4, rows: 15 });
    expect(pages.flatMap((p) => names(p.table))).toEqual(names(all));
    expect((await source(4).team(ada.workspaceId, ada, SORT, 99)).paging!.page).toBe(4);
  });

  it('team: the weekly columns and the funnel are counted again after a minute; the table is always live', async () => {
    const ada = await viewer('U-ADA', ACME.id, true);
    const cached = createStoreSource(app.store, () => app.clock.now());
    const before = await cached.team(ada.workspaceId, ada, SORT);
    const finn = { platform: 'slack', workspace: { id: ACME.id }, place: { direct: true } } as const;
    await app.core.handle({ ...finn, user: { id: 'U-FINN', displayName: 'Finn' }, text: 'done redis' });
    try {
      const soon = await cached.team(ada.workspaceId, ada, SORT);
      expect(soon.weekly).toEqual(before.weekly);
      expect(soon.table.find((r) => 'name' in r.who && r.who.name.startsWith('Finn'))!.done).toBe(1);
      app.clock.advance(60_000);
      const later = await cached.team(ada.workspaceId, ada, SORT);
      expect(later.weekly.at(-1)!.finished).toBe(before.weekly.at(-1)!.finished + 1);
    } finally {
      app.clock.advance(-60_000);
      await app.core.handle({ ...finn, user: { id: 'U-FINN', displayName: 'Finn' }, text: 'reset redis' });
    }
  });

  it('member: progress per section and the heatmap from their events in their own zone; the streak as chat says', async () => {
    const ada = await viewer('U-ADA', ACME.id, true);
    const page = (await source().member(ada.workspaceId, ada.memberId, ada))!;
    expect(page.name).toBe('Ada Lovelace');
    expect(page.timeZone).toBe('Europe/Berlin');
    expect(page.activity.today).toBe('2026-11-26');
    const events = await sql('select count(*) as "n" from progress_events where member_id = @member', {
      member: Number(ada.memberId),
    });
    expect(page.activity.days.reduce((n, d) => n + d.count, 0)).toBe(events); // all within 26 weeks
    expect(page.sections.reduce((n, s) => n + s.done, 0)).toBeGreaterThan(0);
    expect(page.retention).toBeUndefined();
    const chat = await app.core.handle({
      platform: 'slack',
      workspace: { id: ACME.id },
      user: { id: 'U-ADA', displayName: 'Ada Lovelace' },
      place: { direct: true },
      text: 'streak',
    });
    expect(chat.heading).toContain(`${page.streak.current} day`);
  });

  it('member: retention per section once a finished topic is reviewed, as chat’s progress shows it', async () => {
    const ada = await viewer('U-ADA', ACME.id, true);
    expect((await source().member(ada.workspaceId, ada.memberId, ada))!.retention).toBeUndefined();
    const chat = (text: string) =>
      app.core.handle({
        platform: 'slack',
        workspace: { id: ACME.id },
        user: { id: 'U-ADA', displayName: 'Ada Lovelace' },
        place: { direct: true },
        text,
      });
    // Her longest-due card, answered the way its buttons would.
    const asked = await chat('review now');
    const reveal = asked.buttons.find((b) => b.label === 'Reveal')!.command;
    const answered = await chat(`${reveal.replace('review reveal ', 'review ')} good`);
    expect(answered.heading).toMatch(/^Recalled: /);
    const page = (await source().member(ada.workspaceId, ada.memberId, ada))!;
    expect(page.retention).toHaveLength(1);
    const bar = (await chat('progress')).blocks.find((b) => b.type === 'progress' && b.note?.includes('recall'));
    expect(bar).toMatchObject({
      label: page.retention![0]!.section,
      done: Math.round(page.retention![0]!.recall * 100),
    });
    expect(page.retention![0]!.recall).toBeGreaterThan(0.9); // answered just now
  });

  it('member: hidden and anonymous members’ pages are for themselves only; other workspaces’ members do not exist', async () => {
    const bob = await viewer('U-BOB');
    for (const user of ['U-EVE', 'U-DEE'])
      expect(await source().member(bob.workspaceId, await memberId(user), bob), user).toBeUndefined();
    expect(await source().member(bob.workspaceId, await memberId('U-CY'), bob)).toBeDefined();
    const eve = await viewer('U-EVE');
    expect((await source().member(eve.workspaceId, eve.memberId, eve))!.name).toBe('Eve Hidden');
    expect(await source().member(bob.workspaceId, await memberId('U-ZED'), bob)).toBeUndefined();
    expect(await source().member(bob.workspaceId, 'not-a-number', bob)).toBeUndefined();
  });

  it('workspace B never reads A: its team, its members and its outbox only', async () => {
    const zed = await viewer('U-ZED', OTHER.id, true);
    const team = await source().team(zed.workspaceId, zed, SORT, 'all');
    expect(team.workspace.name).toBe(OTHER.name);
    expect(team.members.total).toBe(1);
    expect(names(team.table)).toEqual(['Zed Other']);
    expect(team.funnel[0]!.reached).toBe(1);
    const delivery = await source().delivery(zed.workspaceId);
    expect(delivery.paused).toEqual([]);
    expect(await source().member(zed.workspaceId, await memberId('U-ADA'), zed)).toBeUndefined();
  });

  it('delivery: 7 local days of outcomes from the outbox, and the paused nudge with its reason', async () => {
    const ada = await viewer('U-ADA', ACME.id, true);
    const page = await source().delivery(ada.workspaceId);
    expect(page.days.map((d) => d.date)).toEqual([
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
    ]);
    const count = (kind: string, where: string) =>
      sql(
        `select count(*) as "n" from deliveries where target_workspace = @ws
          and ${jsonField(app.database.dialect, 'payload', 'kind')} = @kind and due_at >= @from and ${where}`,
        { ws: ACME.id, kind, from: Date.parse('2026-11-20T00:00:00+01:00') },
      );
    const sum = (k: 'nudges' | 'digests', o: 'sent' | 'retried' | 'failed') =>
      page.days.reduce((n, d) => n + d[k][o], 0);
    expect(sum('nudges', 'sent')).toBe(await count('nudge', "status = 'sent' and attempts = 1"));
    expect(sum('nudges', 'retried')).toBe(await count('nudge', "status = 'sent' and attempts > 1"));
    expect(sum('nudges', 'failed')).toBe(await count('nudge', "status = 'failed'"));
    expect(sum('digests', 'failed')).toBe(1);
    expect(page.paused).toEqual([
      {
        kind: 'nudge',
        target: 'Bob <b>Builder</b>',
        reason: 'Slack said channel_not_found',
        since: expect.any(Date),
      },
    ]);
  });
});
