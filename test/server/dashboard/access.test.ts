// Who sees which dashboard page over real HTTP on 127.0.0.1: privacy in the member table, workspace isolation,
// admins-only pages, the CSV, sorting, and the answers to unknown paths and failures.
import { parse } from 'node-html-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { serveDashboard } from './fixture.ts';
import { expectSecurityHeaders, get, type Served, signIn } from './http.ts';

let served: Served | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

async function start(opts: Parameters<typeof serveDashboard>[0] = {}) {
  served = await serveDashboard(opts);
  return served;
}

describe('dashboard pages by role and workspace', () => {
  it('the team page shows the workspace, hides hidden members and names anonymous ones "a teammate"', async () => {
    const s = await start();
    const res = await get(s.base, '/dashboard', { cookie: await signIn(s, 'bob') });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expectSecurityHeaders(res);
    const root = parse(await res.text());
    expect(root.querySelector('h1')!.text).toBe('Acme Backend Guild');
    expect(root.querySelector('#members-active')!.text).toBe('4');
    const names = root.querySelectorAll('#members-table tbody th').map((th) => th.text.trim());
    expect(names).toEqual([
      'Ada Lovelace',
      '"=cmd"',
      'a teammate',
      '<script>alert(1)</script> (you)',
      'Finn Longname-Fitzgerald-Okonkwo-Vandersteen',
    ]);
    expect(root.toString()).not.toMatch(/Eve Hidden|Dee Secret|members\/dee|members\/eve|<script>/);
    expect(root.querySelectorAll('nav a').map((a) => a.text)).toEqual(['Team', 'Me']);
  });

  it('a member always sees themselves, even when anonymous or hidden to others', async () => {
    const s = await start();
    for (const [id, name] of [
      ['dee', 'Dee Secret'],
      ['eve', 'Eve Hidden'],
    ] as const) {
      const cookie = await signIn(s, id);
      const team = parse(await (await get(s.base, '/dashboard', { cookie })).text());
      expect(team.querySelector('#members-table tr.you th')!.text.trim()).toBe(`${name} (you)`);
      const me = await get(s.base, '/dashboard/me', { cookie });
      expect(me.status).toBe(200);
      expect(parse(await me.text()).querySelector('h1')!.text).toBe(name);
    }
  });

  it("opens a member of the same workspace; another workspace's member, a hidden or anonymous one, or nobody is 404", async () => {
    const s = await start();
    const cookie = await signIn(s, 'ada');
    const bob = await get(s.base, '/dashboard/members/bob', { cookie });
    expect(bob.status).toBe(200);
    expect(parse(await bob.text()).querySelector('h1')!.text).toBe('<script>alert(1)</script>');
    for (const id of ['zed', 'dee', 'eve', 'nobody']) {
      const res = await get(s.base, `/dashboard/members/${id}`, { cookie });
      expect(res.status, id).toBe(404);
      expectSecurityHeaders(res);
      expect(await res.text()).not.toMatch(/Zed|Dee|Eve/);
    }
  });

  it('a session of another workspace reads only its own', async () => {
    const s = await start();
    const cookie = await signIn(s, 'zed');
    const root = parse(await (await get(s.base, '/dashboard', { cookie })).text());
    expect(root.querySelector('h1')!.text).toBe('Other Co');
    expect(root.querySelectorAll('#members-table tbody th').map((th) => th.text.trim())).toEqual(['Zed Other (you)']);
    expect((await get(s.base, '/dashboard/members/ada', { cookie })).status).toBe(404);
  });

  it('delivery health and the CSV are for admins: 403 for a member', async () => {
    const s = await start();
    const cookie = await signIn(s, 'bob');
    for (const path of ['/dashboard/delivery', '/dashboard/members.csv']) {
      const res = await get(s.base, path, { cookie });
      expect(res.status, path).toBe(403);
      expectSecurityHeaders(res);
      expect(await res.text()).not.toMatch(/Nudges|Ada/);
    }
  });

  it('an admin sees delivery health with the Delivery link current', async () => {
    const s = await start();
    const res = await get(s.base, '/dashboard/delivery', { cookie: await signIn(s, 'ada') });
    expect(res.status).toBe(200);
    const root = parse(await res.text());
    expect(root.querySelector('nav a[aria-current="page"]')!.text).toBe('Delivery');
    expect(root.querySelectorAll('#nudges-numbers tbody tr')).toHaveLength(7);
    expect(root.querySelector('#paused-table tbody th')!.text).toBe('Nudge: <b>Bob</b>');
  });

  it('an admin downloads the member table as CSV: UTF-8, attachment named for the day, CRLF rows', async () => {
    const s = await start();
    const res = await get(s.base, '/dashboard/members.csv?sort=activity&dir=asc', { cookie: await signIn(s, 'ada') });
    expect(res.status).toBe(200);
    expectSecurityHeaders(res);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="members-2025-03-12.csv"');
    const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(body.startsWith('\uFEFF"Member",')).toBe(true);
    expect(
      body
        .split('\r\n')
        .slice(1, -1)
        .map((line) => line.split('","')[0]!.slice(1)),
    ).toEqual([
      'Finn Longname-Fitzgerald-Okonkwo-Vandersteen',
      '<script>alert(1)</script>',
      'a teammate',
      '""=cmd""',
      'Ada Lovelace',
    ]);
  });

  it('sorts the member table on the server by the query, showing the order with aria-sort', async () => {
    const s = await start();
    const cookie = await signIn(s, 'ada');
    const table = async (query: string) => {
      const root = parse(await (await get(s.base, `/dashboard${query}`, { cookie })).text());
      return {
        names: root.querySelectorAll('#members-table tbody th').map((th) => th.text.replace(' (you)', '').trim()),
        sorted: root
          .querySelectorAll('#members-table th[aria-sort]')
          .map((th) => [th.querySelector('a')!.text, th.getAttribute('aria-sort')]),
      };
    };
    expect(await table('')).toEqual({
      names: [
        'Ada Lovelace',
        '"=cmd"',
        'a teammate',
        '<script>alert(1)</script>',
        'Finn Longname-Fitzgerald-Okonkwo-Vandersteen',
      ],
      sorted: [['Progress', 'descending']],
    });
    expect(await table('?sort=progress&dir=asc')).toEqual({
      names: [
        'Finn Longname-Fitzgerald-Okonkwo-Vandersteen',
        '<script>alert(1)</script>',
        'a teammate',
        '"=cmd"',
        'Ada Lovelace',
      ],
      sorted: [['Progress', 'ascending']],
    });
    expect(await table('?sort=activity&dir=desc')).toEqual({
      names: [
        'Ada Lovelace',
        '"=cmd"',
        'a teammate',
        '<script>alert(1)</script>',
        'Finn Longname-Fitzgerald-Okonkwo-Vandersteen',
      ],
      sorted: [['Last activity', 'descending']],
    });
    expect((await table('?sort=activity&dir=asc')).names[0]).toBe('Finn Longname-Fitzgerald-Okonkwo-Vandersteen');
    expect((await table('?sort=bogus&dir=up')).sorted).toEqual([['Progress', 'descending']]);
  });

  it('answers an unknown path with 404 and a failing source with a plain 500, both with the security headers', async () => {
    const errors: unknown[] = [];
    const s = await start({ onError: (err) => errors.push(err) });
    const cookie = await signIn(s, 'ada');
    const missing = await get(s.base, '/dashboard/nope', { cookie });
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
    s.source.delivery = () => {
      throw new Error('database is locked');
    };
    const failed = await get(s.base, '/dashboard/delivery', { cookie });
    expect(failed.status).toBe(500);
    expectSecurityHeaders(failed);
    expect(await failed.text()).not.toContain('database is locked');
    expect(errors).toHaveLength(1);
  });
});
