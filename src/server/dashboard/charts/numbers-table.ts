// The numbers behind a chart, as a table: the chart's text alternative, scrolling in its own box on a phone.
import { html } from 'hono/html';
import type { Html } from '../html.ts';

export interface NumbersTable {
  id: string;
  caption: string;
  /** Column headers; the first names the row headers. */
  columns: string[];
  rows: { head: Html | string; cells: (number | string)[] }[];
}

export function numbersTable(t: NumbersTable): Html {
  return html`<div class="scroll" role="region" aria-labelledby="${t.id}-caption" tabindex="0">
<table id="${t.id}" class="numbers">
<caption id="${t.id}-caption">${t.caption}</caption>
<thead><tr>${t.columns.map((c, i) => html`<th scope="col"${i > 0 ? html` class="num"` : ''}>${c}</th>`)}</tr></thead>
<tbody>${t.rows.map(
    (r) => html`
<tr><th scope="row">${r.head}</th>${r.cells.map((c) => html`<td class="num">${c}</td>`)}</tr>`,
  )}
</tbody>
</table>
</div>`;
}
