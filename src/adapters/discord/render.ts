// Reply → a Discord message body (one embed + button rows) inside Discord's limits, truncating with "…".
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
  MessageFlags,
} from 'discord.js';
import type { Block, Button, Reply, Span } from '../../core/model/reply.ts';

export const LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  embedTotal: 6000,
  rows: 5,
  buttonsPerRow: 5,
  label: 80,
  customId: 100,
} as const;
const BAR_WIDTH = 12;

export interface DiscordMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  allowed_mentions: { parse: [] }; // on every message: nothing a user typed can ping anyone
  flags?: number;
}

export interface RenderOptions {
  /** Prepended to every custom_id; DMs carry the guild id this way ("<guild>:<command>"), see receive.ts. */
  customIdPrefix?: string;
}

export interface Rendered {
  message: DiscordMessage;
  dropped: Button[]; // buttons whose command text does not fit a custom_id, or beyond 25
}

export function render(reply: Reply, opts: RenderOptions = {}): Rendered {
  const labelled: { label: string; value: string }[] = [];
  const parts: string[] = [];
  for (const block of reply.blocks) {
    if (block.type === 'fields') labelled.push(...block.fields.map((f) => ({ label: f.label, value: spans(f.value) })));
    else parts.push(renderBlock(block));
  }
  // Beyond 25 fields, the rest read as lines of the description.
  for (const f of labelled.slice(LIMITS.fields)) parts.push(`**${f.label}**: ${f.value}`);
  const embed: APIEmbed = {};
  if (reply.heading) embed.title = truncate(reply.heading, LIMITS.title);
  const description = truncate(parts.filter(Boolean).join('\n\n'), LIMITS.description);
  if (description || !embed.title) embed.description = description || '…';
  // Discord also caps a message's embeds at 6,000 characters in all: fields take what the text leaves.
  let budget = LIMITS.embedTotal - (embed.title?.length ?? 0) - (embed.description?.length ?? 0);
  const fields: APIEmbedField[] = [];
  for (const f of labelled.slice(0, LIMITS.fields)) {
    const name = truncate(f.label || '—', LIMITS.fieldName);
    if (budget - name.length < 2) break;
    const value = truncate(f.value || '—', Math.min(LIMITS.fieldValue, budget - name.length));
    fields.push({ name, value, inline: true });
    budget -= name.length + value.length;
  }
  if (fields.length) embed.fields = fields;
  const { components, dropped } = buttonRows(reply.buttons, opts.customIdPrefix ?? '');
  return { message: { embeds: [embed], components, allowed_mentions: { parse: [] } }, dropped };
}

/** The flags a fresh reply needs: private replies are ephemeral. */
export function flagsFor(reply: Reply): number | undefined {
  return reply.visibility === 'private' ? MessageFlags.Ephemeral : undefined;
}

function renderBlock(block: Exclude<Block, { type: 'fields' }>): string {
  switch (block.type) {
    case 'text':
      return spans(block.spans);
    case 'list':
      return block.items.map((item) => `• ${spans(item)}`).join('\n');
    case 'progress': {
      const filled = block.total ? Math.round((Math.min(block.done, block.total) / block.total) * BAR_WIDTH) : 0;
      const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
      const count = block.total ? ` ${block.done}/${block.total}` : '';
      return `\`${bar}\`${count} ${block.label}${block.note ? ` (${block.note})` : ''}`;
    }
  }
}

/** Our own strings pass as written (they may hold `code`); structure becomes markdown; user text is escaped. */
function spans(list: Span[]): string {
  return list
    .map((s) => {
      if (typeof s === 'string') return s;
      if ('strong' in s) return `**${escapeMarkdown(s.strong)}**`;
      if ('code' in s) return `\`${s.code.replace(/`/g, 'ˋ') || ' '}\``;
      if ('link' in s) return `[${escapeMarkdown(s.link)}](${s.url.replace(/\)/g, '%29')})`;
      return escapeMarkdown(s.user);
    })
    .join('');
}

function buttonRows(
  buttons: Button[],
  prefix: string,
): { components: DiscordMessage['components']; dropped: Button[] } {
  const kept: APIButtonComponentWithCustomId[] = [];
  const dropped: Button[] = [];
  const seen = new Set<string>();
  for (const b of buttons) {
    const customId = prefix + b.command;
    if (seen.has(customId)) continue; // custom_ids must be unique in a message; the same command twice is one button
    // A key into an in-memory map would not survive a restart: a command that does not fit is left out instead.
    if (customId.length > LIMITS.customId || kept.length >= LIMITS.rows * LIMITS.buttonsPerRow) {
      dropped.push(b);
      continue;
    }
    seen.add(customId);
    const style =
      b.style === 'primary' ? ButtonStyle.Primary : b.style === 'danger' ? ButtonStyle.Danger : ButtonStyle.Secondary;
    kept.push({
      type: ComponentType.Button,
      style,
      label: truncate(b.label || b.command, LIMITS.label),
      custom_id: customId,
    });
  }
  const components: DiscordMessage['components'] = [];
  for (let i = 0; i < kept.length; i += LIMITS.buttonsPerRow) {
    components.push({ type: ComponentType.ActionRow, components: kept.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return { components, dropped };
}

/** At most max UTF-16 units, ending in "…" when cut, never splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - 1);
  if (cut > 0 && /[\uD800-\uDBFF]/.test(text[cut - 1]!)) cut--;
  return `${text.slice(0, cut)}…`;
}
