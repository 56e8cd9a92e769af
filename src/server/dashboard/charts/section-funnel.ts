// Team page: per section, how many members reached it and how many finished it, out of everyone: where people stall.
import type { TeamPage } from '../data.ts';
import type { Html } from '../html.ts';
import { barRows, ROWS_WIDTH } from './bar-rows.ts';
import { chartBlock, figure } from './figure.ts';
import { numbersTable } from './numbers-table.ts';
import { FINISHED, REACHED } from './palette.ts';
import { countScale } from './scale.ts';

export function sectionFunnel(funnel: TeamPage['funnel'], membersTotal: number, id = 'funnel'): Html {
  const title = `Members who reached and finished each section, of ${membersTotal}`;
  const whole = Math.max(1, membersTotal);
  const { body, height } = barRows({
    rows: funnel.map((s) => ({
      label: s.section,
      note: `${s.reached} reached · ${s.finished} finished`,
      segments: [
        { fraction: s.reached / whole, fill: REACHED, name: 'reached', value: s.reached },
        { fraction: s.finished / whole, fill: FINISHED, name: 'finished', value: s.finished },
      ],
    })),
    legend: [
      { label: 'Reached', fill: REACHED },
      { label: 'Finished', fill: FINISHED },
    ],
    // Ticks at round member counts, and the team's size at the end of the bar.
    ticks: [...countScale(whole).ticks.filter((t) => t < whole * 0.85), whole].map((t) => ({
      fraction: t / whole,
      label: String(t),
    })),
    axisTitle: 'Members',
  });
  return chartBlock(
    figure({ id, title, width: ROWS_WIDTH, height, body }),
    numbersTable({
      id: `${id}-numbers`,
      caption: title,
      columns: ['Section', 'Reached', 'Finished'],
      rows: funnel.map((s) => ({ head: s.section, cells: [s.reached, s.finished] })),
    }),
  );
}
