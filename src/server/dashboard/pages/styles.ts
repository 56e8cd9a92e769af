// The dashboard's one stylesheet, inlined by the layout (no build step, no second request): system fonts, a
// readable width, and nothing wider than a 375 px phone — wide tables scroll inside their own box.
export const STYLES = `
:root { color-scheme: light; --ink: #1f2933; --muted: #4a5562; --line: #c5ccd3; --accent: #1d4f91; --panel: #f3f5f7; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  line-height: 1.5; color: var(--ink); background: #fff; }
a { color: var(--accent); }
a:focus-visible, .scroll:focus-visible, summary:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
header { background: var(--panel); border-bottom: 1px solid var(--line); }
.bar, main { max-width: 68rem; margin: 0 auto; padding: 0.75rem 1rem; }
.bar { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; align-items: baseline; }
.brand { margin: 0; font-weight: 700; }
nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; list-style: none; margin: 0; padding: 0; }
nav a { display: inline-block; padding: 0.25rem 0; text-decoration: none; }
nav a:hover, nav a[aria-current="page"] { text-decoration: underline; text-underline-offset: 0.3em; }
nav a[aria-current="page"] { font-weight: 700; color: var(--ink); }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.75rem 0 0.25rem; overflow-wrap: anywhere; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; }
.lede { color: var(--muted); margin: 0 0 1rem; }
.stats { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0 0 1rem; }
.stats div { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 0.9rem; min-width: 9rem; }
.stats dt { color: var(--muted); font-size: 0.875rem; }
.stats dd { margin: 0; font-size: 1.5rem; font-weight: 700; font-variant-numeric: tabular-nums; }
figure.chart { margin: 0.5rem 0; max-width: 36rem; }
.chart-block { display: grid; gap: 0.5rem 2.5rem; align-items: start; }
@media (min-width: 60rem) { .chart-block { grid-template-columns: minmax(0, 34rem) minmax(0, 1fr); } }
table.numbers th[scope="row"] { white-space: normal; min-width: 7rem; }
figure.chart svg { display: block; width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 0.875rem; margin-top: 0.25rem; }
.scroll { max-width: 100%; overflow-x: auto; margin: 0.5rem 0 1rem; }
table { border-collapse: collapse; font-size: 0.9375rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--line); text-align: left; white-space: nowrap; }
thead th { border-bottom: 2px solid var(--ink); vertical-align: bottom; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
th.who { white-space: normal; overflow-wrap: anywhere; min-width: 8rem; max-width: 16rem; font-weight: 400; }
tr.you th.who { font-weight: 700; }
details { margin: 0.5rem 0 1rem; }
summary { cursor: pointer; color: var(--accent); }
.actions { margin: 0.5rem 0 1rem; }
`;
