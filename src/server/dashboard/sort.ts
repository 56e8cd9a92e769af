// The member table's order: read from ?sort=&dir=, and the reference sort a source may use (or match in SQL).
import type { MemberRow, MemberSort } from './data.ts';

export const DEFAULT_SORT: MemberSort = { by: 'progress', dir: 'desc' };

/** Unknown values fall back to the default; the page's aria-sort then says which order applies. */
export function parseSort(sort: string | undefined, dir: string | undefined): MemberSort {
  const by = sort === 'progress' || sort === 'activity' ? sort : DEFAULT_SORT.by;
  return { by, dir: dir === 'asc' || dir === 'desc' ? dir : DEFAULT_SORT.dir };
}

/** ?page=: a page of the member table from 1; anything else is the first. */
export function parsePage(page: string | undefined): number {
  const n = Number(page);
  return Number.isSafeInteger(n) && n >= 1 ? n : 1;
}

export function displayName(row: MemberRow): string {
  return 'name' in row.who ? row.who.name : 'a teammate';
}

/**
 * Never-active members count as the least recent (first when ascending: the quietest on top). Ties go by name so the
 * order is the same on every load.
 */
export function sortMembers(rows: readonly MemberRow[], sort: MemberSort): MemberRow[] {
  const key = (row: MemberRow): number =>
    sort.by === 'progress' ? row.progressPercent : (row.lastActivity?.getTime() ?? Number.NEGATIVE_INFINITY);
  const sign = sort.dir === 'asc' ? 1 : -1;
  const byName = new Intl.Collator('en').compare; // one collator for the whole sort: 10,000 rows stay cheap
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) return ka < kb ? -sign : sign;
    return byName(displayName(a), displayName(b));
  });
}
