// Rendering: escaping of every span, user text neutralised, Block Kit limits kept by cutting with "…".
import { describe, expect, it } from 'vitest';
import { render } from '../../../src/adapters/slack/render.ts';
import { type Block, reply, text } from '../../../src/core/model/reply.ts';
import { buildNudge } from '../../../src/core/outbound/nudge.ts';
import { createTestApp } from '../../helpers.ts';

const sectionTexts = (r: ReturnType<typeof render>) =>
  r.blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));

describe('slack render', () => {
  it('escapes our text, neutralises user text and keeps our `code` runs', () => {
    const out = render(reply({ blocks: [text('Type `next` & go <now> — ', { user: '<!channel> *x* _y_ ~z~ `w`' })] }));
    const [line] = sectionTexts(out);
    expect(line).toContain('Type `next` &amp; go &lt;now&gt;');
    expect(line).toContain('&lt;!channel&gt;');
    expect(line).not.toMatch(/<!channel>|\*x\*|_y_|~z~|`w`/);
    expect(out.text).not.toContain('<!channel>');
  });

  it('renders links as <url|title> with the title escaped, and drops non-web links', () => {
    const out = render(
      reply({
        blocks: [
          text({ link: 'A <b> & c', url: 'https://x.example/a?b=1|2' }, ' ', {
            link: 'js',
            url: 'javascript:alert(1)',
          }),
        ],
      }),
    );
    expect(sectionTexts(out)[0]).toBe('<https://x.example/a?b=1%7C2|A &lt;b&gt; &amp; c> js');
  });

  it('renders progress as a text bar', () => {
    const out = render(reply({ blocks: [{ type: 'progress', label: 'APIs', done: 3, total: 6, note: '1 skipped' }] }));
    expect(sectionTexts(out)[0]).toBe('`██████░░░░░░` 3/6  *APIs* — 1 skipped');
  });

  it('stays within Block Kit limits', () => {
    const many: Block[] = Array.from({ length: 80 }, (_, i) => text(`line ${i} `.repeat(500)));
    const buttons = Array.from({ length: 30 }, (_, i) => ({ label: 'L'.repeat(100), command: `topic ${i}` }));
    const out = render(reply({ heading: 'H'.repeat(300), blocks: many, buttons }));
    expect(out.blocks.length).toBeLessThanOrEqual(50);
    const actions = out.blocks.filter((b) => b.type === 'actions');
    expect(actions).toHaveLength(5);
    for (const a of actions) {
      expect(a.elements.length).toBeLessThanOrEqual(5);
      for (const e of a.elements) if (e.type === 'button') expect(e.text.text.length).toBeLessThanOrEqual(75);
    }
    for (const t of sectionTexts(out)) expect(t.length).toBeLessThanOrEqual(3000);
    expect(sectionTexts(out).at(-1)).toBe('…');
    const header = out.blocks[0]!;
    expect(header.type === 'header' && header.text.text.length).toBe(150);
  });

  it('keeps spaces outside bold markers, where Slack would not see the span as bold', () => {
    const out = render(
      reply({
        blocks: [
          text({ strong: 'Streak: ' }, '0 days'),
          text('a', { strong: '  both sides ' }, 'b ', { strong: '   ' }, 'c'),
          { type: 'fields', fields: [{ label: 'Label ', value: ['v'] }] },
          { type: 'progress', label: ' APIs ', done: 0, total: 0 },
        ],
      }),
    );
    const [streak, both, field, progress] = out.blocks.flatMap((b) =>
      b.type !== 'section' ? [] : b.text ? [b.text.text] : b.fields!.map((f) => f.text),
    );
    expect(streak).toBe('*Streak:* 0 days');
    expect(both).toBe('a  *both sides* b    c');
    expect(field).toBe('*Label* \nv');
    expect(progress).toMatch(/ {2}\*APIs\* $/);
  });

  it("renders the real nudge's streak line bold", async () => {
    const app = await createTestApp();
    try {
      const workspace = await app.q.workspaces.ensure({
        platform: 'slack',
        externalId: 'T1',
        roadmapId: 'backend',
        now: 0,
      });
      const member = await app.q.members.resolve({
        workspaceId: workspace.id,
        platformUserId: 'U1',
        displayName: 'Ada',
        now: 0,
      });
      const texts = render(
        await app.store.transaction((tx) => buildNudge(tx, member, workspace, app.clock.now().getTime())),
      ).blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));
      expect(texts).toContain('*Streak:* 0 days (longest 0 days)');
      // No bold span anywhere in it opens or closes on a space.
      for (const t of texts) expect(t).not.toMatch(/(^|\s)\*\s|\S\s\*(\s|$)/);
    } finally {
      await app.close();
    }
  });

  it('numbers actions from an offset so two replies can share a view', () => {
    const out = render(reply({ blocks: [], buttons: [{ label: 'a', command: 'next' }] }), { firstAction: 3 });
    const row = out.blocks[0]!;
    expect(row.type === 'actions' && row.elements[0]).toMatchObject({ action_id: 'cmd:3', value: 'next' });
  });
});
