// The team's member table: sortable by progress and by last activity through links, the order kept on the server.
import { html } from 'hono/html';
import type { MemberRow, MemberSort, TeamPage } from '../data.ts';
import { instantsIn } from '../format.ts';
import type { Html } from '../html.ts';

const LABELS: Record<MemberSort['by'], string> = { progress: 'Progress', activity: 'Last activity' };

/** A header that sorts by its column: descending first, flipping when it is already the order. */
function sortHeader(by: MemberSort['by'], sort: MemberSort): Html {
  const active = sort.by === by;
  const next = active && sort.dir === 'desc' ? 'asc' : 'desc';
  const state = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;
  const arrow = active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : '';
  return html`<th scope="col"${state ? html` aria-sort="${state}"` : ''}><a href="?sort=${by}&amp;dir=${next}#members">${LABELS[by]}</a><span aria-hidden="true">${arrow}</span></th>`;
}

function who(row: MemberRow): Html {
  if (!('name' in row.who)) return html`a teammate`;
  const you = row.you ? html` <span class="tag">(you)</span>` : '';
  return html`<a href="/dashboard/members/${encodeURIComponent(row.who.id)}">${row.who.name}</a>${you}`;
}

/** Previous and next links of a paged table, keeping the order. */
function pager(page: TeamPage, sort: MemberSort): Html | string {
  const p = page.paging;
  if (!p || p.rows <= p.size) return '';
  const last = Math.ceil(p.rows / p.size);
  const link = (n: number, label: string, rel: string) =>
    html`<a rel="${rel}" href="?sort=${sort.by}&amp;dir=${sort.dir}&amp;page=${n}#members">${label}</a>`;
  return html`<nav class="pager" aria-label="Member table pages"><p>Page ${p.page} of ${last}${
    p.page > 1 ? html` · ${link(p.page - 1, 'Previous', 'prev')}` : ''
  }${p.page < last ? html` · ${link(p.page + 1, 'Next', 'next')}` : ''}</p></nav>`;
}

function caption(page: TeamPage): string {
  const p = page.paging;
  if (!p || p.rows <= p.size) return `Members, ${page.table.length} shown`;
  const first = (p.page - 1) * p.size + 1;
  return `Members ${first}–${first + page.table.length - 1} of ${p.rows.toLocaleString('en')}`;
}

export function memberTable(page: TeamPage, sort: MemberSort): Html {
  const instant = instantsIn(page.workspace.timeZone);
  return html`<div class="scroll" role="region" aria-labelledby="members-caption" tabindex="0">
<table id="members-table">
<caption id="members-caption">${caption(page)}</caption>
<thead><tr><th scope="col">Member</th>${sortHeader('progress', sort)}<th scope="col" class="num">Topics done</th>${sortHeader('activity', sort)}<th scope="col" class="num">Streak (days)</th></tr></thead>
<tbody>${page.table.map(
    (row) => html`
<tr${row.you ? html` class="you"` : ''}><th scope="row" class="who">${who(row)}</th><td class="num">${Math.round(row.progressPercent)}%</td><td class="num">${row.done} of ${row.total}</td><td>${
      row.lastActivity
        ? html`<time datetime="${row.lastActivity.toISOString()}">${instant(row.lastActivity)}</time>`
        : 'never'
    }</td><td class="num">${row.currentStreak}</td></tr>`,
  )}
</tbody>
</table>
</div>
${pager(page, sort)}`;
}
