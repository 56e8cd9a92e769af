// Member page: topics done in each section, as a share of the section's topics.
import type { MemberPage } from '../data.ts';
import type { Html } from '../html.ts';
import { barRows, ROWS_WIDTH } from './bar-rows.ts';
import { chartBlock, figure } from './figure.ts';
import { numbersTable } from './numbers-table.ts';
import { BAR } from './palette.ts';

export function sectionProgress(sections: MemberPage['sections'], id = 'sections'): Html {
  const title = 'Topics done in each section';
  const { body, height } = barRows({
    rows: sections.map((s) => ({
      label: s.title,
      note: `${s.done} of ${s.total} done`,
      segments: [{ fraction: s.total > 0 ? s.done / s.total : 0, fill: BAR, name: 'done', value: s.done }],
    })),
    legend: [],
    ticks: [0, 0.5, 1].map((f) => ({ fraction: f, label: `${f * 100}%` })),
    axisTitle: 'Share of the section’s topics done',
  });
  return chartBlock(
    figure({ id, title, width: ROWS_WIDTH, height, body }),
    numbersTable({
      id: `${id}-numbers`,
      caption: title,
      columns: ['Section', 'Done', 'Topics'],
      rows: sections.map((s) => ({ head: s.title, cells: [s.done, s.total] })),
    }),
  );
}
