// The topic card that `next`, `topic` and button presses share: what it is, where, resources, state, actions.
import type { TopicRow, TopicState } from '../../store/port.ts';
import { type Button, list, type Reply, reply, text } from '../model/reply.ts';
import { placeOf } from './plan.ts';

export const STATE_LABEL: Record<TopicState | 'new', string> = {
  new: 'not started',
  learning: 'learning',
  done: 'done',
  skipped: 'skipped',
};

export const STATE_MARK: Record<TopicState | 'new', string> = { new: '○', learning: '◐', done: '●', skipped: '–' };

export function topicCard(
  topic: TopicRow,
  state: TopicState | undefined,
  opts: { heading?: string; why?: string } = {},
): Reply {
  const resources = topic.resources.map((r) => [`${r.type}: `, { link: r.title, url: r.url }]);
  return reply({
    heading: opts.heading ?? topic.title,
    blocks: [
      ...(topic.summary ? [text(topic.summary)] : []),
      {
        type: 'fields',
        fields: [
          { label: 'Where', value: [placeOf(topic)] },
          { label: 'Your progress', value: [STATE_LABEL[state ?? 'new']] },
        ],
      },
      ...(resources.length ? [text({ strong: 'Resources' }), list(resources)] : []),
      ...(opts.why ? [text(opts.why)] : []),
    ],
    buttons: actionsFor(topic, state),
  });
}

export function actionsFor(topic: TopicRow, state: TopicState | undefined): Button[] {
  const buttons: Button[] = [];
  if (!state) buttons.push({ label: 'Start', command: `start ${topic.path}`, style: 'primary' });
  if (state !== 'done')
    buttons.push({ label: 'Done', command: `done ${topic.path}`, style: state ? 'primary' : undefined });
  if (!state || state === 'learning') buttons.push({ label: 'Skip', command: `skip ${topic.path}` });
  if (state) buttons.push({ label: 'Reset', command: `reset ${topic.path}`, style: 'danger' });
  return buttons;
}
