// A note is never cut by a guess: an uncertain split asks, every button carries the whole note, and symbols, quotes
// and bars inside the text stay in it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, rowCounts, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

const notesIn = async () =>
  await app.sql.all('select t.title, n.text from notes n join topics t on t.id = n.topic_id order by n.id');

describe('a choice made from buttons carries the note along', () => {
  it("the README's `note jwt | …`: each topic button saves the whole note when pressed", async () => {
    const before = await rowCounts(app);
    const asked = await app.say('note jwt | check alg none attacks');
    expect(await rowCounts(app)).toEqual(before); // nothing is saved, nor lost, until a choice is made
    expect(asked.buttons.map((b) => b.label)).toEqual(['1. Token Structure', '2. Authorization']);
    for (const b of asked.buttons) expect(b.command).toMatch(/^note \S+ \| check alg none attacks$/);
    expect(textOf(await app.say(asked.buttons[1]!.command))).toContain('Noted on Authorization');
    expect(await notesIn()).toEqual([{ title: 'Authorization', text: 'check alg none attacks' }]);
  });
});

describe('when the topic could end at more than one word, it asks, showing every reading', () => {
  it.each([
    ['note docker compose up -d', 'Docker Compose', 'compose up -d', 'up -d'],
    ['note jwt token structure is three parts', 'Token Structure', 'token structure is three parts', 'is three parts'],
    [
      'note graphql resolvers batch with dataloader',
      'Resolvers',
      'resolvers batch with dataloader',
      'batch with dataloader',
    ],
  ])('%s', async (line, title, longest, shortest) => {
    const before = await rowCounts(app);
    const asked = await app.say(line);
    expect(await rowCounts(app)).toEqual(before);
    const text = textOf(asked);
    expect(text).toContain('Which topic is this note on?');
    expect(text).toContain(`: ${longest}`); // the reading that keeps the most text is offered…
    expect(text).toContain(`${title}: ${shortest}`); // …and so is the one the old code picked silently
    const keepsMost = asked.buttons.find((b) => b.command.endsWith(`| ${longest}`))!;
    await app.say(keepsMost.command);
    expect(await notesIn()).toEqual([{ title: keepsMost.label.replace(/^\d+\. /, ''), text: longest }]);
  });
});

describe('the text after the topic is kept whole', () => {
  it.each([
    ['note redis ⚡ fast', 'Redis', '⚡ fast'],
    ["note express '); DROP TABLE notes; --", 'Express.js', "'); DROP TABLE notes; --"],
    ['note express use cat a | grep b', 'Express.js', 'use cat a | grep b'],
    ['note express | a | b', 'Express.js', 'a | b'],
  ])('%s', async (line, title, kept) => {
    expect(textOf(await app.say(line))).toContain(`Noted on ${title}`);
    expect(await notesIn()).toEqual([{ title, text: kept }]);
  });
});

describe('one note can be changed or deleted, by its number, with an undo', () => {
  it('edits and deletes only my own notes, and undo brings the text back', async () => {
    await app.say('note redis first');
    await app.say('note express second');
    await app.say('note redis grace was here', { id: 'grace', displayName: 'Grace' });
    const listed = textOf(await app.say('notes'));
    expect(listed).toMatch(/^2\. Express\.js \(2026-11-26\): second\n1\. Redis \(2026-11-26\): first$/m);
    expect(listed).toContain('`note delete <number>`');

    const edited = await app.say('note edit 1 use SCAN | not KEYS');
    expect(textOf(edited)).toContain('Note 1 on Redis changed');
    expect(await notesIn()).toContainEqual({ title: 'Redis', text: 'use SCAN | not KEYS' });
    await app.say(edited.buttons.find((b) => b.label === 'Undo')!.command);
    expect(await notesIn()).toContainEqual({ title: 'Redis', text: 'first' });

    const deleted = await app.say('note delete 2');
    expect(textOf(deleted)).toContain('Note 2 on Express.js deleted');
    expect(await notesIn()).not.toContainEqual({ title: 'Express.js', text: 'second' });
    await app.say(deleted.buttons.find((b) => b.label === 'Undo')!.command);
    expect(await notesIn()).toContainEqual({ title: 'Express.js', text: 'second' });

    // Grace's note (number 3) is out of Ada's reach.
    expect(textOf(await app.say('note delete 3'))).toContain('You have no note 3');
    expect(textOf(await app.say('note edit 3 mine now'))).toContain('You have no note 3');
    expect(await notesIn()).toContainEqual({ title: 'Redis', text: 'grace was here' });
  });

  it('the saved reply offers to delete the note it saved', async () => {
    const saved = await app.say('note redis oops');
    await app.say(saved.buttons.find((b) => b.label === 'Delete this note')!.command);
    expect(await notesIn()).toEqual([]);
  });
});
