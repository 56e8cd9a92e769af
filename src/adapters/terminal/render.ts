// Reply → plain text for a terminal. Buttons become numbered commands: typing the number runs one.
import type { Block, Reply, Span } from '../../core/model/reply.ts';

const BAR_WIDTH = 20;
export const PROMPT = 'roadmap> ';

/** A piped line as a transcript shows it: after the prompt, as if typed there. */
export function echo(line: string): string {
  return PROMPT + safe(line);
}

export function render(reply: Reply): string {
  const lines: string[] = [];
  if (reply.heading) lines.push(`== ${safe(reply.heading)} ==`);
  for (const block of reply.blocks) lines.push(...renderBlock(block));
  // A short command is shown, as it teaches the grammar ("Python → track python"); one that carries a topic's path
  // is not: the path is the button's value, never something to read.
  for (const [i, b] of reply.buttons.entries()) {
    lines.push(`  [${i + 1}] ${safe(b.label)}${b.command.includes('/') ? '' : ` → ${safe(b.command)}`}`);
  }
  return lines.join('\n');
}

function renderBlock(block: Block): string[] {
  switch (block.type) {
    case 'text':
      return [spans(block.spans)];
    case 'list':
      return block.items.map((item) => `  • ${spans(item)}`);
    case 'fields':
      return block.fields.map((f) => `  ${safe(f.label)}: ${spans(f.value)}`);
    case 'progress': {
      const filled = block.total ? Math.round((block.done / block.total) * BAR_WIDTH) : 0;
      const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
      const count = block.total ? `${block.done}/${block.total}` : '';
      return [`  ${bar} ${count}  ${safe(block.label)}${block.note ? ` (${safe(block.note)})` : ''}`];
    }
  }
}

function spans(list: Span[]): string {
  return list
    .map((s) =>
      typeof s === 'string'
        ? s
        : 'strong' in s
          ? s.strong
          : 'code' in s
            ? `\`${s.code}\``
            : 'link' in s
              ? `${s.link} <${s.url}>`
              : s.name
                ? s.user
                : `"${s.user}"`,
    )
    .map(safe)
    .join('');
}

/** Control characters could move the cursor or recolour the terminal: text never carries them through. */
function safe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}
