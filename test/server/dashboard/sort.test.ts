// The member table's order: what ?sort=&dir= mean, and the reference sort a source may use.
import { describe, expect, it } from 'vitest';
import type { MemberRow } from '../../../src/server/dashboard/data.ts';
import { parseSort, sortMembers } from '../../../src/server/dashboard/sort.ts';

const row = (name: string, progressPercent: number, lastActivity: string | null): MemberRow => ({
  who: { id: name, name },
  you: false,
  progressPercent,
  done: 0,
  total: 10,
  lastActivity: lastActivity ? new Date(lastActivity) : null,
  currentStreak: 0,
});
const ROWS = [
  row('Bo', 50, '2025-03-01T00:00:00Z'),
  row('Al', 50, null),
  row('Cy', 90, '2025-03-10T00:00:00Z'),
  row('Di', 10, '2025-03-05T00:00:00Z'),
  { ...row('x', 70, '2025-02-01T00:00:00Z'), who: { anonymous: true } as const },
];
const names = (rows: MemberRow[]) => rows.map((r) => ('name' in r.who ? r.who.name : 'a teammate'));

describe('member table sort', () => {
  it('reads sort and dir, falling back to progress, descending, for anything else', () => {
    expect(parseSort('activity', 'asc')).toEqual({ by: 'activity', dir: 'asc' });
    expect(parseSort('progress', undefined)).toEqual({ by: 'progress', dir: 'desc' });
    expect(parseSort('name; drop table', 'sideways')).toEqual({ by: 'progress', dir: 'desc' });
  });

  it('sorts by progress either way, ties by name', () => {
    expect(names(sortMembers(ROWS, { by: 'progress', dir: 'desc' }))).toEqual(['Cy', 'a teammate', 'Al', 'Bo', 'Di']);
    expect(names(sortMembers(ROWS, { by: 'progress', dir: 'asc' }))).toEqual(['Di', 'Al', 'Bo', 'a teammate', 'Cy']);
  });

  it('sorts by last activity, the never-active as the least recent', () => {
    expect(names(sortMembers(ROWS, { by: 'activity', dir: 'desc' }))).toEqual(['Cy', 'Di', 'Bo', 'a teammate', 'Al']);
    expect(names(sortMembers(ROWS, { by: 'activity', dir: 'asc' }))).toEqual(['Al', 'a teammate', 'Bo', 'Di', 'Cy']);
  });
});
