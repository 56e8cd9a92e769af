// Delivery health (admins): nudges and digests sent, retried and failed per day, and schedules paused by failures.
import { html } from 'hono/html';
import { deliveryBars } from '../charts/delivery-bars.ts';
import type { DeliveryPage } from '../data.ts';
import { instantsIn } from '../format.ts';
import type { Html } from '../html.ts';
import type { Viewer } from '../ports.ts';
import { layout } from './layout.ts';

function paused(page: DeliveryPage): Html {
  if (page.paused.length === 0) return html`<p id="paused-none">None: every schedule is running.</p>`;
  const instant = instantsIn(page.workspace.timeZone);
  return html`<div class="scroll" role="region" aria-labelledby="paused-caption" tabindex="0">
<table id="paused-table">
<caption id="paused-caption">Schedules paused after deliveries kept failing</caption>
<thead><tr><th scope="col">Schedule</th><th scope="col">Reason</th><th scope="col">Paused</th></tr></thead>
<tbody>${page.paused.map(
    (p) => html`
<tr><th scope="row" class="who">${p.kind === 'nudge' ? 'Nudge' : 'Digest'}: ${p.target}</th><td>${p.reason}</td><td><time datetime="${p.since.toISOString()}">${instant(p.since)}</time></td></tr>`,
  )}
</tbody>
</table>
</div>`;
}

export function deliveryPage(page: DeliveryPage, viewer: Viewer): Html {
  return layout({
    title: 'Delivery health',
    viewer,
    current: 'delivery',
    body: html`<h1>Delivery health</h1>
<p class="lede">${page.workspace.name}: the last 7 days. Days and times are in ${page.workspace.timeZone}.</p>
<section aria-labelledby="nudges-heading">
<h2 id="nudges-heading">Nudges</h2>
${deliveryBars(
  page.days.map((d) => ({ date: d.date, outcomes: d.nudges })),
  'Nudges',
  'nudges',
)}
</section>
<section aria-labelledby="digests-heading">
<h2 id="digests-heading">Digests</h2>
${deliveryBars(
  page.days.map((d) => ({ date: d.date, outcomes: d.digests })),
  'Digests',
  'digests',
)}
</section>
<section aria-labelledby="paused-heading">
<h2 id="paused-heading">Paused schedules</h2>
${paused(page)}
</section>`,
  });
}
