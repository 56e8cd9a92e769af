// Horizontal bars, one row per section: its title and numbers on a line, the bar below, an axis at the bottom.
// Shared by the team's section funnel and a member's progress per section.
import { html } from 'hono/html';
import type { Html } from '../html.ts';
import { GRID, MUTED } from './palette.ts';
import { px } from './scale.ts';

export const ROWS_WIDTH = 400;
const ROW = 40;
const BAR = 14;
const LEGEND = 22;
const AXIS = 40;
const TITLE_CHARS = 34;

export interface BarRow {
  label: string;
  note: string;
  /** Drawn in order from 0, each over the one before: a later segment is a part of an earlier one. */
  segments: { fraction: number; fill: string; name: string; value: number }[];
}

export interface BarRows {
  rows: BarRow[];
  legend: { label: string; fill: string }[];
  ticks: { fraction: number; label: string }[];
  axisTitle: string;
}

/** Long titles are cut in the picture only; the table beside it has them whole. */
function clipLabel(label: string): string {
  return label.length <= TITLE_CHARS ? label : `${label.slice(0, TITLE_CHARS - 1).trimEnd()}…`;
}

export function barRows(chart: BarRows): { body: Html; height: number } {
  const top = chart.legend.length > 0 ? LEGEND : 0;
  const axisY = top + chart.rows.length * ROW + 4;
  const x = (fraction: number) => px(Math.min(1, Math.max(0, fraction)) * (ROWS_WIDTH - 2) + 1);
  const body = html`<g class="legend" font-size="11">${chart.legend.map(
    (l, i) => html`
<rect x="${i * 110}" y="2" width="12" height="12" fill="${l.fill}"/><text x="${i * 110 + 17}" y="12">${l.label}</text>`,
  )}
</g>
<g class="rows">${chart.rows.map((r, i) => {
    const y = top + i * ROW;
    return html`
<text x="0" y="${y + 12}">${clipLabel(r.label)}</text><text x="${ROWS_WIDTH}" y="${y + 12}" text-anchor="end" font-size="11" fill="${MUTED}">${r.note}</text>
<rect x="1" y="${y + 18}" width="${ROWS_WIDTH - 2}" height="${BAR}" fill="none" stroke="${GRID}"/>${r.segments.map(
      (s) => html`
<rect data-${s.name}="${s.value}" x="1" y="${y + 18}" width="${px(x(s.fraction) - 1)}" height="${BAR}" fill="${s.fill}"/>`,
    )}`;
  })}
</g>
<g class="axis" fill="${MUTED}" font-size="11">
<line x1="1" x2="${ROWS_WIDTH - 1}" y1="${axisY}" y2="${axisY}" stroke="${MUTED}"/>${chart.ticks.map(
    (t, i) => html`
<line x1="${x(t.fraction)}" x2="${x(t.fraction)}" y1="${axisY}" y2="${axisY + 4}" stroke="${MUTED}"/><text x="${x(t.fraction)}" y="${axisY + 16}" text-anchor="${i === 0 ? 'start' : i === chart.ticks.length - 1 ? 'end' : 'middle'}">${t.label}</text>`,
  )}
<text x="${ROWS_WIDTH / 2}" y="${axisY + 34}" text-anchor="middle" font-size="12">${chart.axisTitle}</text>
</g>`;
  return { body, height: axisY + AXIS };
}
