// Changing state on a topic never quietly loses a finished one, explains a topic off the member's track, and
// speaks like a coach: a finished section or roadmap is celebrated, and the streak is mentioned.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, textOf, type TestApp } from '../helpers.ts';

let app: TestApp;
beforeEach(() => (app = createTestApp()));
afterEach(() => app.close());

const say = async (text: string) => textOf(await app.say(text));
const doneCount = () => (app.db.$client.prepare('select coalesce(sum(done_count), 0) n from member_stats').get() as { n: number }).n;
const stateOf = (slug: string) => (app.db.$client.prepare('select p.state from progress p join topics t on t.id = p.topic_id where t.slug = ?').get(slug) as { state: string } | undefined)?.state;

describe('start or skip on a finished topic', () => {
  it.each(['start', 'skip'])('%s asks first, and the point stays on the board until the member confirms', async (verb) => {
    await app.say('track nodejs');
    await app.say('done express');
    const asked = await app.say(`${verb} express`);
    expect(asked.heading).toBe('Express.js is done');
    expect(stateOf('expressjs')).toBe('done');
    expect(doneCount()).toBe(1);
    expect(await say('leaderboard')).toContain('1. Ada — 1 point');
    expect(asked.buttons.map((b) => b.label)).toContain('Keep it done');

    const confirm = asked.buttons.find((b) => b.command.endsWith(' confirm'))!;
    expect(confirm.command).toBe(`${verb} backend/choose-your-backend-language/nodejs/expressjs confirm`);
    await app.say(confirm.command);
    expect(stateOf('expressjs')).toBe(verb === 'start' ? 'learning' : 'skipped');
    expect(doneCount()).toBe(0); // member_stats follows the change the member asked for
    expect(await say('leaderboard')).not.toContain('1 point');
  });
});

describe('a confirmation survives a choice of topics', () => {
  it('`start jwt confirm` offers each JWT topic with the confirmation carried along', async () => {
    const reply = await app.say('start jwt confirm');
    expect(reply.buttons.map((b) => b.command)).toEqual(['start jwt/token-structure confirm', 'start jwt/authorization confirm']);
    await app.say('done token structure');
    await app.say(reply.buttons[0]!.command);
    expect(stateOf('token-structure')).toBe('learning');
  });
});

describe('a topic on a track the member does not follow', () => {
  it('is kept, explained, offered as a track switch, and counted in progress once followed', async () => {
    const reply = await app.say('done express');
    const text = textOf(reply);
    expect(text).toContain('Express.js is on the Node.js track, and you have not chosen a track yet: it is kept, and counts once you follow Node.js.');
    expect(reply.buttons).toContainEqual({ label: 'Follow Node.js', command: 'track nodejs', style: 'primary' });
    expect(stateOf('expressjs')).toBe('done');

    const progress = await app.say('progress');
    expect(textOf(progress)).toContain('1 done on Node.js, not counted');
    expect(textOf(progress)).toContain("Kept but not counted, on a track you don't follow: 1 on Node.js.");
    expect(progress.buttons).toContainEqual({ label: 'Follow Node.js', command: 'track nodejs' });

    await app.say('track python');
    expect(await say('progress')).toContain('1 done on Node.js, not counted');
    await app.say('track node');
    const counted = await say('progress');
    expect(counted).toContain('Overall: 1 of 31 topics done');
    expect(counted).not.toContain('not counted');
  });
});

describe('done, as a coach says it', () => {
  it('mentions the streak, and celebrates a finished section', async () => {
    await app.say('track go');
    const first = await say('done mysql');
    expect(first).toContain('Streak: 1 day');
    for (const t of ['postgresql', 'sqlite', 'mongodb']) expect(await say(`done ${t}`)).not.toContain('That finishes');
    expect(await say('done redis')).toContain('🎉 That finishes Databases & Storage! All 5 topics done.');
  });

  it('celebrates the whole roadmap on the last topic', async () => {
    await app.say('track go');
    const topics = app.store.content.roadmap('backend')!.topics.filter((t) => !t.pickOne || t.groupSlug === 'go');
    let last = '';
    for (const t of topics) last = await say(`done ${t.path}`);
    expect(last).toContain('You have finished the whole roadmap!');
  });

  it('says plainly when nothing changed', async () => {
    expect(await say('reset mysql')).toContain('You have not started MySQL: nothing to reset');
    await app.say('start mysql');
    expect(await say('start mysql')).toContain('You are already learning MySQL');
  });
});
