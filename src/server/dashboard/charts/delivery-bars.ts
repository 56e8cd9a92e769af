// Delivery page: one kind of message's outcomes per day as stacked columns (sent, retried, failed), last 7 days.
import { html } from 'hono/html';
import type { DeliveryOutcomes, IsoDate } from '../data.ts';
import { longDay, weekdayAndDay } from '../format.ts';
import type { Html } from '../html.ts';
import { chartBlock, figure } from './figure.ts';
import { numbersTable } from './numbers-table.ts';
import { FAILED, GRID, MUTED, RETRIED, SENT } from './palette.ts';
import { countScale, px } from './scale.ts';

const W = 400;
const H = 210;
const LEFT = 46;
const RIGHT = 8;
const TOP = 28;
const BOTTOM = 40;
const PARTS = ['sent', 'retried', 'failed'] as const;

export function deliveryBars(days: { date: IsoDate; outcomes: DeliveryOutcomes }[], what: string, id: string): Html {
  const title = `${what} per day over the last ${days.length} days: sent, sent after a retry, failed`;
  const sum = (o: DeliveryOutcomes) => o.sent + o.retried + o.failed;
  const scale = countScale(Math.max(0, ...days.map((d) => sum(d.outcomes))));
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const band = plotW / Math.max(1, days.length);
  const y = (v: number) => px(TOP + plotH - (v / scale.top) * plotH);
  const fills = { sent: SENT, retried: RETRIED, failed: `url(#${id}-hatch)` };
  const legend = { sent: 'Sent', retried: 'Retried', failed: 'Failed' };

  const column = (d: (typeof days)[number], i: number) => {
    let below = 0;
    return PARTS.map((part) => {
      const value = d.outcomes[part];
      const from = below;
      below += value;
      if (value === 0) return '';
      return html`
<rect data-date="${d.date}" data-${part}="${value}" x="${px(LEFT + i * band + band * 0.2)}" y="${y(from + value)}" width="${px(band * 0.6)}" height="${px(y(from) - y(from + value))}" fill="${fills[part]}" stroke="#fff" stroke-width="1"/>`;
    });
  };

  const body = html`<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${FAILED}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="1.5"/></pattern></defs>
<g class="legend" font-size="11">${PARTS.map(
    (part, i) => html`
<rect x="${LEFT + i * 90}" y="4" width="12" height="12" fill="${fills[part]}"/><text x="${LEFT + i * 90 + 17}" y="14">${legend[part]}</text>`,
  )}
</g>
<g class="grid" fill="${MUTED}" font-size="11">${scale.ticks.map(
    (t) => html`
<line x1="${LEFT}" x2="${W - RIGHT}" y1="${y(t)}" y2="${y(t)}" stroke="${GRID}"/><text x="${LEFT - 6}" y="${y(t) + 4}" text-anchor="end">${t}</text>`,
  )}
</g>
<g class="columns">${days.map(column)}</g>
<g fill="${MUTED}" font-size="11">${days.map(
    (d, i) => html`
<text x="${px(LEFT + i * band + band / 2)}" y="${H - BOTTOM + 16}" text-anchor="middle">${weekdayAndDay(d.date)}</text>`,
  )}
</g>
<text x="${px(LEFT + plotW / 2)}" y="${H - 6}" text-anchor="middle" fill="${MUTED}">Day</text>
<text transform="translate(12 ${px(TOP + plotH / 2)}) rotate(-90)" text-anchor="middle" fill="${MUTED}">Messages</text>`;

  return chartBlock(
    figure({ id, title, width: W, height: H, body }),
    numbersTable({
      id: `${id}-numbers`,
      caption: `${what} per day`,
      columns: ['Day', 'Sent', 'Retried', 'Failed'],
      rows: days.map((d) => ({
        head: html`<time datetime="${d.date}">${longDay(d.date)}</time>`,
        cells: [d.outcomes.sent, d.outcomes.retried, d.outcomes.failed],
      })),
    }),
  );
}
