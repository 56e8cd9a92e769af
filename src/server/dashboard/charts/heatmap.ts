// Member page: progress events per day over 26 weeks, a column per week (Monday on top), in the member's own zone.
import { html } from 'hono/html';
import type { IsoDate, MemberPage } from '../data.ts';
import { addDays, daysBetween, isoWeekday, longDay, mondayOf, monthName } from '../format.ts';
import type { Html } from '../html.ts';
import { chartBlock, figure } from './figure.ts';
import { numbersTable } from './numbers-table.ts';
import { HEAT, MUTED } from './palette.ts';

export const WEEKS = 26;
const CELL = 12;
const STEP = 14;
const LEFT = 30;
const TOP = 18;
const W = 400;
const H = TOP + 7 * STEP + 30;
const LEGEND_X = W - 30 - HEAT.length * STEP; // room for "More" after the swatches
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export interface HeatCell {
  date: IsoDate;
  count: number;
  /** 0 = the oldest week … 25 = today's week */
  column: number;
  /** 0 = Monday … 6 = Sunday */
  row: number;
}

/** Every day from the Monday 25 weeks before today's week up to today, with its place in the grid. */
export function heatCells(activity: MemberPage['activity']): HeatCell[] {
  const first = addDays(mondayOf(activity.today), -7 * (WEEKS - 1));
  const counts = new Map<IsoDate, number>();
  for (const d of activity.days) counts.set(d.date, (counts.get(d.date) ?? 0) + d.count);
  return Array.from({ length: daysBetween(first, activity.today) + 1 }, (_, i) => {
    const date = addDays(first, i);
    return { date, count: counts.get(date) ?? 0, column: Math.floor(i / 7), row: isoWeekday(date) - 1 };
  });
}

/** 0 for no events, else 1–4 in quarters of the busiest day. */
const level = (count: number, max: number): number => (count <= 0 ? 0 : Math.min(4, Math.ceil((4 * count) / max)));

export function activityHeatmap(activity: MemberPage['activity'], id = 'activity'): Html {
  const cells = heatCells(activity);
  const max = Math.max(0, ...cells.map((c) => c.count));
  const total = cells.reduce((sum, c) => sum + c.count, 0);
  const title = `Progress events per day over the last ${WEEKS} weeks: ${total} in all`;
  const mondays = cells.filter((c) => c.row === 0);
  const body = html`<g fill="${MUTED}" font-size="11">${mondays
    .filter((m) => Number(m.date.slice(8)) <= 7)
    .map(
      (m) => html`
<text x="${LEFT + m.column * STEP}" y="${TOP - 6}">${monthName(m.date)}</text>`,
    )}${[0, 2, 4].map(
    (r) => html`
<text x="0" y="${TOP + r * STEP + 10}">${WEEKDAYS[r]}</text>`,
  )}
</g>
<g class="cells">${cells.map(
    (c) => html`
<rect data-date="${c.date}" data-count="${c.count}" x="${LEFT + c.column * STEP}" y="${TOP + c.row * STEP}" width="${CELL}" height="${CELL}" rx="2" fill="${HEAT[level(c.count, max)]}"><title>${longDay(c.date)}: ${c.count}</title></rect>`,
  )}
</g>
<g class="legend" fill="${MUTED}" font-size="11">
<text x="${LEGEND_X - 4}" y="${H - 8}" text-anchor="end">Less</text>${HEAT.map(
    (fill, i) => html`
<rect x="${LEGEND_X + i * STEP}" y="${H - 18}" width="${CELL}" height="${CELL}" rx="2" fill="${fill}"/>`,
  )}
<text x="${LEGEND_X + HEAT.length * STEP + 2}" y="${H - 8}">More</text>
</g>`;

  const weeks = Array.from({ length: WEEKS }, (_, w) => cells.filter((c) => c.column === w));
  return chartBlock(
    figure({ id, title, width: W, height: H, body }),
    html`<details class="numbers-details"><summary>Events per day, as a table</summary>
${numbersTable({
  id: `${id}-numbers`,
  caption: 'Progress events per day, a row per week',
  columns: ['Week of', ...WEEKDAYS, 'Total'],
  rows: weeks.map((days) => ({
    head: html`<time datetime="${days[0]!.date}">${longDay(days[0]!.date)}</time>`,
    cells: [
      ...WEEKDAYS.map((_, r) => days.find((d) => d.row === r)?.count ?? ''),
      days.reduce((s, d) => s + d.count, 0),
    ],
  })),
})}
</details>`,
  );
}
