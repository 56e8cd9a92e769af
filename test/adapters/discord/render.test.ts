// render: Reply → one embed and button rows inside Discord's limits, truncating with "…", escaping user text.
import { describe, expect, it } from 'vitest';
import { LIMITS, render, truncate } from '../../../src/adapters/discord/render.ts';
import { type Button, reply, text } from '../../../src/core/model/reply.ts';
import { createSpecValidator } from '../../fakes/discord-spec.ts';

const spec = createSpecValidator();
const valid = (data: unknown) => spec.check('POST', '/interactions/1/t/callback', { type: 4, data });

describe('render', () => {
  it('renders spans: structure as markdown, user text escaped, our own `code` kept', () => {
    const { message } = render(
      reply({
        heading: 'Title',
        blocks: [
          text(
            'Type `next`, ',
            { strong: 'bold' },
            ' ',
            { code: 'a`b' },
            ' ',
            { link: 'Docs', url: 'https://x.dev/a_(b)' },
            ' ',
            { user: '@everyone *hi* <@1>' },
          ),
        ],
      }),
    );
    expect(message.embeds[0]!.description).toBe(
      'Type `next`, **bold** `aˋb` [Docs](https://x.dev/a_(b%29) @everyone \\*hi\\* <@1>',
    );
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it('turns progress into a text bar and fields into embed fields', () => {
    const { message } = render(
      reply({
        blocks: [
          { type: 'progress', label: 'Databases', done: 3, total: 4, note: '1 skipped' },
          {
            type: 'fields',
            fields: [
              { label: 'Where', value: ['APIs'] },
              { label: 'Empty', value: [] },
            ],
          },
        ],
      }),
    );
    expect(message.embeds[0]!.description).toBe('`█████████░░░` 3/4 Databases (1 skipped)');
    expect(message.embeds[0]!.fields).toEqual([
      { name: 'Where', value: 'APIs', inline: true },
      { name: 'Empty', value: '—', inline: true },
    ]);
  });

  it('truncates every part to its limit with "…" instead of failing', () => {
    const buttons: Button[] = Array.from({ length: 30 }, (_, i) => ({
      label: `${'L'.repeat(90)}${i}`,
      command: `done t${i}`,
    }));
    const fields = Array.from({ length: 30 }, (_, i) => ({ label: `F${i}`.repeat(100), value: ['v'.repeat(2000)] }));
    const { message, dropped } = render(
      reply({
        heading: 'H'.repeat(300),
        blocks: [text('x'.repeat(5000)), { type: 'fields', fields }],
        buttons,
      }),
    );
    const embed = message.embeds[0]!;
    expect(embed.title).toHaveLength(LIMITS.title);
    expect(embed.title!.endsWith('…')).toBe(true);
    expect(embed.fields!.length).toBeGreaterThan(0);
    expect(embed.fields!.length).toBeLessThanOrEqual(25);
    for (const f of embed.fields!) expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    const total =
      embed.title!.length +
      embed.description!.length +
      embed.fields!.reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(embed.description!.length).toBeLessThanOrEqual(LIMITS.description);
    expect(message.components).toHaveLength(5);
    expect(message.components.every((r) => r.components.length === 5)).toBe(true);
    expect(message.components[0]!.components[0]!.label).toHaveLength(80);
    expect(dropped.map((b) => b.command)).toEqual(['done t25', 'done t26', 'done t27', 'done t28', 'done t29']);
    expect(valid(message)).toEqual([]);
    expect(total).toBeLessThanOrEqual(LIMITS.embedTotal); // Discord's cap on all embed text in one message
  });

  it('spills fields beyond 25 into the description', () => {
    const fields = Array.from({ length: 27 }, (_, i) => ({ label: `F${i}`, value: ['v'] }));
    const { message } = render(reply({ blocks: [{ type: 'fields', fields }] }));
    expect(message.embeds[0]!.fields).toHaveLength(25);
    expect(message.embeds[0]!.description).toBe('**F25**: v\n\n**F26**: v');
  });

  it('leaves out a button whose command does not fit a custom_id, and dedupes equal commands', () => {
    const long = `done ${'a/'.repeat(60)}`;
    const { message, dropped } = render(
      reply({
        blocks: [],
        buttons: [
          { label: 'A', command: 'next' },
          { label: 'B', command: 'next' },
          { label: 'C', command: long },
        ],
      }),
    );
    expect(message.components[0]!.components.map((b) => b.custom_id)).toEqual(['next']);
    expect(dropped.map((b) => b.label)).toEqual(['C']);
    expect(message.embeds[0]!.description).toBe('…'); // an embed is never empty
  });

  it('never splits a surrogate pair when truncating', () => {
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('short', 10)).toBe('short');
  });
});
