// Member: their streak, progress per section, 26 weeks of activity in their own zone, and retention once it exists.
import { html } from 'hono/html';
import { plural } from '../../../core/model/wording.ts';
import { activityHeatmap } from '../charts/heatmap.ts';
import { numbersTable } from '../charts/numbers-table.ts';
import { sectionProgress } from '../charts/section-progress.ts';
import type { MemberPage } from '../data.ts';
import type { Html } from '../html.ts';
import type { Viewer } from '../ports.ts';
import { layout } from './layout.ts';

function retention(rows: NonNullable<MemberPage['retention']>): Html {
  return html`<section aria-labelledby="retention-heading">
<h2 id="retention-heading">Retention</h2>
${numbersTable({
  id: 'retention-numbers',
  caption: 'Estimated share of each section remembered',
  columns: ['Section', 'Recall'],
  rows: rows.map((r) => ({ head: r.section, cells: [`${Math.round(r.recall * 100)}%`] })),
})}
</section>`;
}

export function memberPage(page: MemberPage, viewer: Viewer, self: boolean): Html {
  return layout({
    title: self ? 'Me' : page.name,
    viewer,
    current: self ? 'me' : 'team',
    body: html`<h1>${page.name}</h1>
<p class="lede">Days are counted in ${self ? 'your' : 'their'} time zone, ${page.timeZone}.</p>
<section aria-labelledby="streak-heading">
<h2 id="streak-heading">Streak</h2>
<dl class="stats">
<div><dt>Current streak</dt><dd id="streak-current">${plural(page.streak.current, 'day')}</dd></div>
<div><dt>Longest streak</dt><dd id="streak-longest">${plural(page.streak.longest, 'day')}</dd></div>
<div><dt>Freezes held</dt><dd id="streak-freezes">${page.streak.freezes}</dd></div>
</dl>
</section>
<section aria-labelledby="sections-heading">
<h2 id="sections-heading">Progress</h2>
${sectionProgress(page.sections)}
</section>
<section aria-labelledby="activity-heading">
<h2 id="activity-heading">Activity</h2>
${activityHeatmap(page.activity)}
</section>
${page.retention ? retention(page.retention) : ''}`,
  });
}
