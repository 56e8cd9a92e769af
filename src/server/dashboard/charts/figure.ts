// A chart's frame: a <figure> whose SVG is one image named by its <title>, scaling with its viewBox, set beside
// the table of its numbers (below it on a phone).
import { html } from 'hono/html';
import type { Html } from '../html.ts';
import { INK } from './palette.ts';

export interface Figure {
  id: string;
  /** The image's accessible name, and the figure's. */
  title: string;
  width: number;
  height: number;
  body: Html;
}

export function figure(f: Figure): Html {
  return html`<figure class="chart" id="${f.id}" aria-labelledby="${f.id}-title">
<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${f.id}-title" aria-describedby="${f.id}-desc" viewBox="0 0 ${f.width} ${f.height}" font-family="system-ui, sans-serif" font-size="12" fill="${INK}">
<title id="${f.id}-title">${f.title}</title>
<desc id="${f.id}-desc">The numbers are in the table with this chart.</desc>
${f.body}
</svg>
</figure>`;
}

/** The chart and its text alternative, side by side where there is room. */
export function chartBlock(chart: Html, numbers: Html): Html {
  return html`<div class="chart-block">
${chart}
<div class="chart-numbers">${numbers}</div>
</div>`;
}
