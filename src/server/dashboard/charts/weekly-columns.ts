// Team page: topics finished per week as columns, oldest week on the left, with the numbers in a table.
import { html } from 'hono/html';
import type { TeamPage } from '../data.ts';
import { longDay, shortDay } from '../format.ts';
import type { Html } from '../html.ts';
import { chartBlock, figure } from './figure.ts';
import { numbersTable } from './numbers-table.ts';
import { BAR, GRID, MUTED } from './palette.ts';
import { countScale, px } from './scale.ts';

const W = 400;
const H = 220;
const LEFT = 46;
const RIGHT = 8;
const TOP = 18;
const BOTTOM = 44;

export function weeklyColumns(weeks: TeamPage['weekly'], id = 'weekly'): Html {
  const title = `Topics finished per week, last ${weeks.length} weeks`;
  const scale = countScale(Math.max(0, ...weeks.map((w) => w.finished)));
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const band = plotW / Math.max(1, weeks.length);
  const y = (v: number) => px(TOP + plotH - (v / scale.top) * plotH);
  // Every other week is labelled, counting back from the latest, so the newest week always has its date.
  const labelled = (i: number) => (weeks.length - 1 - i) % 2 === 0;

  const body = html`<g class="grid" fill="${MUTED}" font-size="11">${scale.ticks.map(
    (t) => html`
<line x1="${LEFT}" x2="${W - RIGHT}" y1="${y(t)}" y2="${y(t)}" stroke="${GRID}" stroke-width="1"/><text x="${LEFT - 6}" y="${y(t) + 4}" text-anchor="end">${t}</text>`,
  )}
</g>
<g class="columns">${weeks.map((w, i) => {
    const x = LEFT + i * band;
    return html`
<rect data-week="${w.weekStart}" data-value="${w.finished}" x="${px(x + band * 0.15)}" y="${y(w.finished)}" width="${px(band * 0.7)}" height="${px(plotH - (y(w.finished) - TOP))}" fill="${BAR}"/>${
      w.finished > 0
        ? html`<text x="${px(x + band / 2)}" y="${y(w.finished) - 4}" text-anchor="middle" font-size="11">${w.finished}</text>`
        : ''
    }${
      labelled(i)
        ? html`<text x="${px(x + band / 2)}" y="${H - BOTTOM + 16}" text-anchor="middle" font-size="11" fill="${MUTED}">${shortDay(w.weekStart)}</text>`
        : ''
    }`;
  })}
</g>
<text x="${px(LEFT + plotW / 2)}" y="${H - 6}" text-anchor="middle" fill="${MUTED}">Week starting</text>
<text transform="translate(12 ${px(TOP + plotH / 2)}) rotate(-90)" text-anchor="middle" fill="${MUTED}">Topics finished</text>`;

  return chartBlock(
    figure({ id, title, width: W, height: H, body }),
    numbersTable({
      id: `${id}-numbers`,
      caption: title,
      columns: ['Week starting', 'Topics finished'],
      rows: weeks.map((w) => ({
        head: html`<time datetime="${w.weekStart}">${longDay(w.weekStart)}</time>`,
        cells: [w.finished],
      })),
    }),
  );
}
