// Team: the pace per week, where people stall, who is active, and the member table (CSV for admins).
import { html } from 'hono/html';
import { sectionFunnel } from '../charts/section-funnel.ts';
import { weeklyColumns } from '../charts/weekly-columns.ts';
import type { MemberSort, TeamPage } from '../data.ts';
import type { Html } from '../html.ts';
import type { Viewer } from '../ports.ts';
import { layout } from './layout.ts';
import { memberTable } from './member-table.ts';

export function teamPage(page: TeamPage, viewer: Viewer, sort: MemberSort): Html {
  const csv = viewer.isAdmin
    ? html`<p class="actions"><a href="/dashboard/members.csv?sort=${sort.by}&amp;dir=${sort.dir}" download>Download the member table as CSV</a></p>`
    : '';
  return layout({
    title: `${page.workspace.name}: team`,
    viewer,
    current: 'team',
    body: html`<h1>${page.workspace.name}</h1>
<p class="lede">The team’s progress. Weeks and times are in ${page.workspace.timeZone}.</p>
<dl class="stats">
<div><dt>Members</dt><dd id="members-total">${page.members.total}</dd></div>
<div><dt>Active in the last 7 days</dt><dd id="members-active">${page.members.activeLast7Days}</dd></div>
</dl>
<section aria-labelledby="pace-heading">
<h2 id="pace-heading">Pace</h2>
${weeklyColumns(page.weekly)}
</section>
<section aria-labelledby="funnel-heading">
<h2 id="funnel-heading">Where people stall</h2>
${sectionFunnel(page.funnel, page.members.total)}
</section>
<section aria-labelledby="members">
<h2 id="members">Members</h2>
${memberTable(page, sort)}
${csv}
</section>`,
  });
}
