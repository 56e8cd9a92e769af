// The pages as HTML: user text escaped everywhere, the nav by role, the member table's sort state, the layout's frame.
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { DeliveryPage, MemberPage, TeamPage } from '../../../src/server/dashboard/data.ts';
import { deliveryPage } from '../../../src/server/dashboard/pages/delivery-page.ts';
import { memberPage } from '../../../src/server/dashboard/pages/member-page.ts';
import { teamPage } from '../../../src/server/dashboard/pages/team-page.ts';
import type { Viewer } from '../../../src/server/dashboard/ports.ts';
import { DELIVERY } from './fixture.ts';

const EVIL = '<script>alert(1)</script>';
const admin: Viewer = { workspaceId: 'w1', memberId: 'u1', isAdmin: true };
const member: Viewer = { ...admin, isAdmin: false };

const team: TeamPage = {
  workspace: { name: `${EVIL} Guild`, timeZone: 'Europe/Berlin' },
  weekly: [{ weekStart: '2025-03-10', finished: 2 }],
  funnel: [{ section: `<img src=x onerror=alert(1)>`, reached: 2, finished: 1 }],
  members: { total: 3, activeLast7Days: 2 },
  table: [
    {
      who: { id: 'u1', name: EVIL },
      you: true,
      progressPercent: 50,
      done: 5,
      total: 10,
      lastActivity: new Date('2025-03-11T21:05:00Z'),
      currentStreak: 2,
    },
    {
      who: { id: '"><b>x', name: '"=cmd"' },
      you: false,
      progressPercent: 10,
      done: 1,
      total: 10,
      lastActivity: null,
      currentStreak: 0,
    },
    {
      who: { anonymous: true },
      you: false,
      progressPercent: 0,
      done: 0,
      total: 10,
      lastActivity: null,
      currentStreak: 0,
    },
  ],
};

const me: MemberPage = {
  name: EVIL,
  timeZone: 'Asia/Tokyo',
  sections: [{ title: `${EVIL} section`, done: 1, total: 2 }],
  activity: { today: '2025-03-12', days: [] },
  streak: { current: 1, longest: 4, freezes: 0 },
  retention: [{ section: `${EVIL} again`, recall: 0.5 }],
};

const delivery: DeliveryPage = {
  ...DELIVERY,
  paused: [{ kind: 'digest', target: `#${EVIL}`, reason: `error: ${EVIL}`, since: new Date('2025-03-10T09:00:00Z') }],
};

const pages = {
  team: async () => String(await teamPage(team, admin, { by: 'progress', dir: 'desc' })),
  member: async () => String(await memberPage(me, member, true)),
  delivery: async () => String(await deliveryPage(delivery, admin)),
};

describe('dashboard pages', () => {
  it.each(Object.keys(pages) as (keyof typeof pages)[])('%s: user text never becomes markup', async (name) => {
    const markup = await pages[name]();
    expect(markup).not.toMatch(/<script|<img|<b>/i);
    expect(markup).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markup).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(markup).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(parse(markup).querySelectorAll('main h1')).toHaveLength(1);
  });

  it('a name like "=cmd" and an id that tries to close its attribute stay text', async () => {
    const root = parse(await pages.team());
    const link = root.querySelectorAll('#members-table a').find((a) => a.text === '"=cmd"')!;
    expect(link.getAttribute('href')).toBe('/dashboard/members/%22%3E%3Cb%3Ex');
    expect(root.querySelectorAll('#members-table tbody th').map((th) => th.text.trim())).toEqual([
      `${EVIL} (you)`,
      '"=cmd"',
      'a teammate',
    ]);
    expect(root.querySelectorAll('#members-table tbody tr')[2]!.querySelector('a')).toBeNull(); // no link to an anonymous member
  });

  it('shows Delivery and the CSV to admins only', async () => {
    const nav = async (viewer: Viewer) => parse(String(await teamPage(team, viewer, { by: 'progress', dir: 'desc' })));
    const asAdmin = await nav(admin);
    expect(asAdmin.querySelectorAll('nav a').map((a) => a.text)).toEqual(['Team', 'Me', 'Delivery']);
    expect(asAdmin.querySelector('nav a[aria-current="page"]')!.text).toBe('Team');
    expect(asAdmin.querySelector('a[href^="/dashboard/members.csv"]')).not.toBeNull();
    const asMember = await nav(member);
    expect(asMember.querySelectorAll('nav a').map((a) => a.text)).toEqual(['Team', 'Me']);
    expect(asMember.querySelector('a[href^="/dashboard/members.csv"]')).toBeNull();
  });

  it('marks the sorted column with aria-sort and links each header to its next order', async () => {
    const headers = async (by: 'progress' | 'activity', dir: 'asc' | 'desc') =>
      parse(String(await teamPage(team, admin, { by, dir })))
        .querySelectorAll('#members-table thead th')
        .map((th) => [
          th.text.replace(/[▲▼]/g, '').trim(),
          th.getAttribute('aria-sort') ?? null,
          th.querySelector('a')?.getAttribute('href') ?? null,
        ]);
    expect(await headers('activity', 'asc')).toEqual([
      ['Member', null, null],
      ['Progress', null, '?sort=progress&dir=desc#members'],
      ['Topics done', null, null],
      ['Last activity', 'ascending', '?sort=activity&dir=desc#members'],
      ['Streak (days)', null, null],
    ]);
    const progressDesc = await headers('progress', 'desc');
    expect(progressDesc[1]).toEqual(['Progress', 'descending', '?sort=progress&dir=asc#members']);
    expect(progressDesc[3]).toEqual(['Last activity', null, '?sort=activity&dir=desc#members']);
  });

  it('writes instants in the workspace zone, in a <time> that keeps the instant', async () => {
    const cell = parse(await pages.team()).querySelector('#members-table tbody time')!;
    expect(cell.getAttribute('datetime')).toBe('2025-03-11T21:05:00.000Z');
    expect(cell.text).toBe('11 Mar 2025, 22:05'); // Berlin, UTC+1 in March
  });
});
