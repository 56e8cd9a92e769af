// The SVG charts: their accessible names, the numbers in the tables beside them, and where bars and cells land.
import { type HTMLElement, parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { deliveryBars } from '../../../src/server/dashboard/charts/delivery-bars.ts';
import { activityHeatmap, heatCells } from '../../../src/server/dashboard/charts/heatmap.ts';
import { countScale } from '../../../src/server/dashboard/charts/scale.ts';
import { sectionFunnel } from '../../../src/server/dashboard/charts/section-funnel.ts';
import { sectionProgress } from '../../../src/server/dashboard/charts/section-progress.ts';
import { weeklyColumns } from '../../../src/server/dashboard/charts/weekly-columns.ts';
import type { Html } from '../../../src/server/dashboard/html.ts';

const dom = async (markup: Html) => parse(String(await markup));
const num = (el: HTMLElement, attr: string) => Number(el.getAttribute(attr));

/** The figure's image and the name it is given by aria-labelledby. */
function accessibleImage(root: HTMLElement) {
  const svg = root.querySelector('figure svg')!;
  expect(svg.getAttribute('role')).toBe('img');
  const label = root.querySelector(`#${svg.getAttribute('aria-labelledby')}`)!;
  expect(label.tagName).toBe('TITLE');
  expect(root.querySelector('figure')!.getAttribute('aria-labelledby')).toBe(svg.getAttribute('aria-labelledby'));
  expect(svg.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
  return { svg, name: label.text };
}

/** A numbers table as [row header, ...cells] text. */
function tableRows(root: HTMLElement, id: string): string[][] {
  const table = root.querySelector(`table#${id}`)!;
  expect(table.querySelector('caption')!.text.length).toBeGreaterThan(5);
  expect(table.querySelectorAll('thead th').every((th) => th.getAttribute('scope') === 'col')).toBe(true);
  return table.querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('th, td').map((c) => c.text.trim()));
}

const WEEKS = [3, 5, 0, 12].map((finished, i) => ({
  weekStart: ['2025-02-17', '2025-02-24', '2025-03-03', '2025-03-10'][i]!,
  finished,
}));

describe('weekly columns', () => {
  it('is an image named for what it shows, with axis labels, and the numbers in its table', async () => {
    const root = await dom(weeklyColumns(WEEKS));
    expect(accessibleImage(root).name).toBe('Topics finished per week, last 4 weeks');
    const texts = root.querySelectorAll('svg text').map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(['Week starting', 'Topics finished', '0', '10 Mar']));
    expect(tableRows(root, 'weekly-numbers')).toEqual([
      ['17 Feb 2025', '3'],
      ['24 Feb 2025', '5'],
      ['3 Mar 2025', '0'],
      ['10 Mar 2025', '12'],
    ]);
    expect(root.querySelectorAll('tbody time').map((t) => t.getAttribute('datetime'))).toEqual(
      WEEKS.map((w) => w.weekStart),
    );
  });

  it('draws each column as tall as its number on a shared scale, left to right from the oldest week', async () => {
    const root = await dom(weeklyColumns(WEEKS));
    const bars = root.querySelectorAll('rect[data-week]');
    expect(bars.map((b) => b.getAttribute('data-week'))).toEqual(WEEKS.map((w) => w.weekStart));
    const xs = bars.map((b) => num(b, 'x'));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    const perTopic = num(bars[3]!, 'height') / 12;
    for (const [i, b] of bars.entries()) expect(num(b, 'height')).toBeCloseTo(perTopic * WEEKS[i]!.finished, 0);
    // Every column stands on the same baseline.
    expect(new Set(bars.map((b) => num(b, 'y') + num(b, 'height'))).size).toBe(1);
  });
});

describe('count scale', () => {
  it('tops out at a round number at or above the largest value, in whole steps', () => {
    expect(countScale(0)).toEqual({ top: 1, ticks: [0, 1] });
    expect(countScale(9)).toEqual({ top: 10, ticks: [0, 5, 10] });
    expect(countScale(12)).toEqual({ top: 15, ticks: [0, 5, 10, 15] });
    expect(countScale(230)).toEqual({ top: 300, ticks: [0, 100, 200, 300] });
  });
});

describe('section funnel', () => {
  const funnel = [
    { section: 'Internet', reached: 6, finished: 3 },
    { section: 'A <b>bold</b> "section"', reached: 2, finished: 0 },
  ];

  it('bars reached and finished out of every member, with the numbers in its table', async () => {
    const root = await dom(sectionFunnel(funnel, 8));
    expect(accessibleImage(root).name).toBe('Members who reached and finished each section, of 8');
    expect(tableRows(root, 'funnel-numbers')).toEqual([
      ['Internet', '6', '3'],
      ['A <b>bold</b> "section"', '2', '0'],
    ]);
    const everyone = num(root.querySelectorAll('rect[fill="none"]')[0]!, 'width'); // the track: all 8 members
    expect(num(root.querySelector('rect[data-reached="6"]')!, 'width') / everyone).toBeCloseTo(6 / 8, 2);
    expect(num(root.querySelector('rect[data-finished="3"]')!, 'width') / everyone).toBeCloseTo(3 / 8, 2);
    expect(num(root.querySelector('rect[data-reached="2"]')!, 'width') / everyone).toBeCloseTo(2 / 8, 2);
    expect(root.querySelectorAll('svg text').map((t) => t.text)).toEqual(
      expect.arrayContaining(['Members', '0', '8', 'Reached', 'Finished']),
    );
  });

  it('escapes section titles in the picture and the table', async () => {
    const markup = String(await sectionFunnel(funnel, 8));
    expect(markup).not.toContain('<b>');
    expect(markup).toContain('A &lt;b&gt;bold&lt;/b&gt; &quot;section&quot;');
  });
});

describe('section progress', () => {
  it('bars each section as a share of its own topics', async () => {
    const root = await dom(
      sectionProgress([
        { title: 'Git', done: 3, total: 12 },
        { title: 'SQL', done: 0, total: 0 },
      ]),
    );
    expect(accessibleImage(root).name).toBe('Topics done in each section');
    expect(tableRows(root, 'sections-numbers')).toEqual([
      ['Git', '3', '12'],
      ['SQL', '0', '0'],
    ]);
    const track = root.querySelectorAll('rect[fill="none"]')[0]!;
    expect(num(root.querySelector('rect[data-done="3"]')!, 'width') / num(track, 'width')).toBeCloseTo(0.25, 2);
    expect(root.querySelectorAll('svg text').map((t) => t.text)).toEqual(
      expect.arrayContaining(['0%', '100%', '3 of 12 done']),
    );
  });
});

describe('activity heatmap', () => {
  // Wednesday 12 March 2025: its week is the last column; the first column is the Monday 25 weeks before.
  const activity = {
    today: '2025-03-12',
    days: [
      { date: '2024-09-15', count: 9 }, // a Sunday before the grid: left out
      { date: '2024-09-16', count: 1 }, // the first Monday
      { date: '2024-10-27', count: 2 }, // Sunday, the night European clocks went back
      { date: '2024-10-28', count: 3 },
      { date: '2025-03-12', count: 4 },
      { date: '2025-03-13', count: 5 }, // tomorrow: not drawn
    ],
  };

  it('places each day by its own date: a column per week from Monday, a row per weekday', () => {
    const cells = heatCells(activity);
    expect(cells).toHaveLength(25 * 7 + 3);
    const at = (date: string) => cells.find((c) => c.date === date);
    expect(at('2024-09-16')).toEqual({ date: '2024-09-16', count: 1, column: 0, row: 0 });
    expect(at('2024-10-27')).toEqual({ date: '2024-10-27', count: 2, column: 5, row: 6 });
    expect(at('2024-10-28')).toEqual({ date: '2024-10-28', count: 3, column: 6, row: 0 });
    expect(at('2025-03-12')).toEqual({ date: '2025-03-12', count: 4, column: 25, row: 2 });
    expect(at('2025-01-01')).toEqual({ date: '2025-01-01', count: 0, column: 15, row: 2 });
    expect(at('2024-09-15')).toBeUndefined();
    expect(at('2025-03-13')).toBeUndefined();
  });

  it('draws the cells on a 7 × 26 grid and counts them in a table, a row per week', async () => {
    const root = await dom(activityHeatmap(activity));
    expect(accessibleImage(root).name).toBe('Progress events per day over the last 26 weeks: 10 in all');
    const rect = (date: string) => root.querySelector(`rect[data-date="${date}"]`)!;
    const [x0, y0] = [num(rect('2024-09-16'), 'x'), num(rect('2024-09-16'), 'y')];
    const step = num(rect('2024-09-17'), 'y') - y0;
    expect(num(rect('2024-09-23'), 'x') - x0).toBe(step); // next Monday: next column, same row
    expect([num(rect('2024-10-27'), 'x') - x0, num(rect('2024-10-27'), 'y') - y0]).toEqual([5 * step, 6 * step]);
    expect([num(rect('2025-03-12'), 'x') - x0, num(rect('2025-03-12'), 'y') - y0]).toEqual([25 * step, 2 * step]);
    expect(rect('2025-03-12').getAttribute('data-count')).toBe('4');
    expect(root.querySelector('rect[data-date="2025-03-13"]')).toBeNull();
    // Busiest day darkest, empty days the lightest.
    expect(rect('2025-03-12').getAttribute('fill')).not.toBe(rect('2025-01-01').getAttribute('fill'));

    const rows = tableRows(root, 'activity-numbers');
    expect(rows).toHaveLength(26);
    expect(rows[0]).toEqual(['16 Sep 2024', '1', '0', '0', '0', '0', '0', '0', '1']);
    expect(rows[5]).toEqual(['21 Oct 2024', '0', '0', '0', '0', '0', '0', '2', '2']);
    expect(rows[25]).toEqual(['10 Mar 2025', '0', '0', '4', '', '', '', '', '4']);
  });
});

describe('delivery bars', () => {
  const days = [
    { date: '2025-03-10', outcomes: { sent: 6, retried: 2, failed: 1 } },
    { date: '2025-03-11', outcomes: { sent: 3, retried: 0, failed: 0 } },
  ];

  it('stacks sent, retried and failed per day, each part as tall as its number', async () => {
    const root = await dom(deliveryBars(days, 'Nudges', 'nudges'));
    expect(accessibleImage(root).name).toBe('Nudges per day over the last 2 days: sent, sent after a retry, failed');
    expect(tableRows(root, 'nudges-numbers')).toEqual([
      ['10 Mar 2025', '6', '2', '1'],
      ['11 Mar 2025', '3', '0', '0'],
    ]);
    const part = (date: string, name: string) => root.querySelector(`rect[data-date="${date}"][data-${name}]`)!;
    const perMessage = num(part('2025-03-10', 'sent'), 'height') / 6;
    expect(num(part('2025-03-10', 'retried'), 'height')).toBeCloseTo(2 * perMessage, 0);
    expect(num(part('2025-03-10', 'failed'), 'height')).toBeCloseTo(perMessage, 0);
    // Retried sits on sent, failed on retried.
    expect(num(part('2025-03-10', 'retried'), 'y') + num(part('2025-03-10', 'retried'), 'height')).toBeCloseTo(
      num(part('2025-03-10', 'sent'), 'y'),
      1,
    );
    expect(num(part('2025-03-10', 'failed'), 'y') + num(part('2025-03-10', 'failed'), 'height')).toBeCloseTo(
      num(part('2025-03-10', 'retried'), 'y'),
      1,
    );
    expect(root.querySelector('rect[data-date="2025-03-11"][data-retried]')).toBeNull();
    expect(part('2025-03-10', 'failed').getAttribute('fill')).toBe('url(#nudges-hatch)');
    expect(root.querySelector('pattern#nudges-hatch')).not.toBeNull();
    expect(root.querySelectorAll('svg text').map((t) => t.text)).toEqual(
      expect.arrayContaining(['Day', 'Messages', 'Mon 10', 'Sent', 'Failed']),
    );
  });
});
