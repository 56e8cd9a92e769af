// Slack's command text as the core reads it: channel references
// normalised, escaped entities turned back into characters.
import { expect, it } from 'vitest';
import { fromSlackText } from '../../../src/adapters/slack/receive.ts';

it("normalises Slack's escaped command text: channel names drop, entities become characters", () => {
  expect(fromSlackText('digest <#C0123|general> weekly mon 09:00')).toBe('digest <#C0123> weekly mon 09:00');
  expect(fromSlackText('note x a &amp; b &lt;ok&gt;')).toBe('note x a & b <ok>');
  expect(fromSlackText('topic <!channel> <https://evil.example|click>')).toBe(
    'topic <!channel> <https://evil.example|click>',
  );
});
