// What a learner types is read as they meant it: invisible characters do not break a verb, an empty line gets a
// hint, extra words are refused rather than dropped, and a slip in `link` does not cost one of the hour's tries.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, rowCounts, type TestApp, textOf } from '../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

describe('every line is normalised before it is parsed', () => {
  it.each([
    ['a leading zero-width space', '\u200bnext'],
    ['a NUL', '\u0000next'],
    ['a byte-order mark', '\ufeffnext'],
    ['full-width letters', 'ｎｅｘｔ'],
    ['a zero-width space inside', 'ne\u200bxt'],
    ['a tab and a line break', '\tnext\r\n'],
  ])('%s', async (_what, line) => {
    expect(await app.say(line)).toEqual(await app.say('next'));
  });

  it('keeps arguments apart by the same rules: "done\u00a0express" is done express', async () => {
    expect(textOf(await app.say('done\u00a0express'))).toContain('Done: Express.js');
  });
});

describe('an empty line', () => {
  it('gets a short hint with buttons, not the whole help', async () => {
    for (const line of ['', '   ', '\u200b', '/roadmap']) {
      const reply = await app.say(line);
      expect(textOf(reply)).toContain('Type a command, for example `next`');
      expect(textOf(reply)).not.toContain('leaderboard');
      expect(reply.buttons.map((b) => b.command)).toEqual(['next', 'help']);
    }
  });
});

describe('extra words are refused, never silently dropped', () => {
  it.each(['progress foo', 'notes foo', 'export now', 'next please', 'unlink me'])('%s', async (line) => {
    await app.say('progress');
    const before = await rowCounts(app);
    const reply = await app.say(line);
    const verb = line.split(' ')[0]!;
    expect(textOf(reply)).toContain(`${verb} takes nothing after it`);
    expect(reply.files).toBeUndefined();
    expect(await rowCounts(app)).toEqual(before);
  });
});

describe('`off` takes nothing after it either', () => {
  it.each([
    ['remind off now', 'remind off'],
    ['digest off please', 'digest off'],
  ])('%s', async (line, said) => {
    await app.say('remind 09:00');
    const before = await rowCounts(app);
    expect(textOf(await app.say(line, { isAdmin: true }))).toContain(`${said} takes nothing after it`);
    expect(await rowCounts(app)).toEqual(before);
  });
});

describe('link', () => {
  const attempts = async () => ((await app.sql.get('select count(*) n from link_attempts')) as { n: number }).n;

  it('a word not shaped like a code is explained and costs no try', async () => {
    for (const slip of ['abc', 'K7QM', 'my code', '12345678901']) {
      expect(textOf(await app.say(`link ${slip}`))).toContain('is not a link code');
    }
    expect(await attempts()).toBe(0);
    expect(textOf(await app.say('link ABCD-EFGH'))).toContain('4 more tries this hour'); // shaped like one: a real try
    expect(await attempts()).toBe(1);
  });
});
