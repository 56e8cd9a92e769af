// Reply → Block Kit (plus a plain fallback text), within Block Kit's limits: too much is cut with "…", never refused.
import type { types } from '@slack/bolt';
import type { Block, Button, Reply } from '../../core/model/reply.ts';
import { bold, clip, escapeText, mrkdwn, plainText } from './escape.ts';

type KnownBlock = types.KnownBlock;
type SectionBlock = types.SectionBlock;
type ActionsBlock = types.ActionsBlock;
type SlackButton = types.Button;

export const LIMITS = {
  messageBlocks: 50,
  homeBlocks: 100,
  sectionText: 3000,
  field: 2000,
  fields: 10,
  header: 150,
  buttonText: 75,
  buttonValue: 2000,
  buttonsPerRow: 5,
  buttons: 25,
  fallback: 3000,
};
const BAR_WIDTH = 12;

export interface Rendered {
  blocks: KnownBlock[];
  text: string;
}

/** Blocks for one Reply. firstAction numbers the buttons (cmd:<n>) so that two replies on one view never collide. */
export function render(reply: Reply, opts: { maxBlocks?: number; firstAction?: number } = {}): Rendered {
  const max = opts.maxBlocks ?? LIMITS.messageBlocks;
  const actions = buttonRows(reply.buttons, opts.firstAction ?? 0);
  let content: KnownBlock[] = [
    ...(reply.heading
      ? [
          {
            type: 'header',
            text: { type: 'plain_text', text: clip(escapeText(reply.heading), LIMITS.header), emoji: true },
          } as KnownBlock,
        ]
      : []),
    ...reply.blocks.flatMap(renderBlock),
  ];
  const room = Math.max(1, max - actions.length);
  if (content.length > room) content = [...content.slice(0, room - 1), section('…')];
  return { blocks: [...content, ...actions].slice(0, max), text: fallback(reply) };
}

function renderBlock(block: Block): KnownBlock[] {
  switch (block.type) {
    case 'text':
      return [section(mrkdwn(block.spans))];
    case 'list':
      return chunk(block.items.map((item) => `• ${mrkdwn(item)}`));
    case 'fields': {
      const fields = block.fields.slice(0, LIMITS.fields).map((f) => ({
        type: 'mrkdwn' as const,
        verbatim: true,
        text: clip(`${bold(f.label)}\n${mrkdwn(f.value)}`, LIMITS.field),
      }));
      return fields.length ? [{ type: 'section', fields } satisfies SectionBlock] : [];
    }
    case 'progress':
      return [section(progressLine(block))];
  }
}

export function progressLine(b: Extract<Block, { type: 'progress' }>): string {
  const filled = b.total ? Math.round((Math.min(b.done, b.total) / b.total) * BAR_WIDTH) : 0;
  const count = b.total ? ` ${b.done}/${b.total}` : '';
  const note = b.note ? ` — ${escapeText(b.note)}` : '';
  return `\`${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}\`${count}  ${bold(b.label)}${note}`;
}

/** verbatim: Slack must not auto-link bare URLs, channel names or mentions in any of our text. */
function section(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text || ' ', LIMITS.sectionText), verbatim: true } };
}

/** Lines joined into as few sections as fit under the per-section limit. */
function chunk(lines: string[]): SectionBlock[] {
  const out: string[] = [];
  for (const line of lines.map((l) => clip(l, LIMITS.sectionText))) {
    const last = out.length - 1;
    if (last >= 0 && out[last]!.length + 1 + line.length <= LIMITS.sectionText) out[last] += `\n${line}`;
    else out.push(line);
  }
  return out.map(section);
}

function buttonRows(buttons: Button[], first: number): ActionsBlock[] {
  const kept = buttons.slice(0, LIMITS.buttons).filter((b) => b.command.length <= LIMITS.buttonValue);
  const rows: ActionsBlock[] = [];
  for (let i = 0; i < kept.length; i += LIMITS.buttonsPerRow) {
    const elements = kept.slice(i, i + LIMITS.buttonsPerRow).map(
      (b, j): SlackButton => ({
        type: 'button',
        action_id: `cmd:${first + i + j}`,
        value: b.command,
        text: { type: 'plain_text', text: clip(escapeText(b.label) || '…', LIMITS.buttonText), emoji: true },
        ...(b.style ? { style: b.style } : {}),
      }),
    );
    rows.push({ type: 'actions', elements });
  }
  return rows;
}

/** The notification and screen-reader text: heading and the first text block, no markup. */
function fallback(reply: Reply): string {
  const first = reply.blocks.find((b) => b.type === 'text');
  const parts = [reply.heading ? escapeText(reply.heading) : '', first?.type === 'text' ? plainText(first.spans) : ''];
  return clip(parts.filter(Boolean).join(' — ') || 'Roadmap Coach', LIMITS.fallback);
}
