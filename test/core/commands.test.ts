import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, rowCounts, textOf, type TestApp } from '../helpers.ts';

let app: TestApp;
beforeEach(() => (app = createTestApp()));
afterEach(() => app.close());

const say = async (text: string, user?: { id: string }) => textOf(await app.say(text, user));

describe('next', () => {
  it('offers the track choice first, then walks only the chosen group, in roadmap order', async () => {
    const first = await app.say('next');
    expect(first.heading).toBe('Choose Your Backend Language');
    expect(first.buttons.map((b) => b.command)).toEqual(['track nodejs', 'track python', 'track go', 'track ruby-on-rails']);
    await app.say('track python');
    const next = await app.say('next');
    expect(next.heading).toBe('Next: Flask');
    expect(textOf(next)).toContain('Why this one: it is the first topic on the roadmap you haven\'t done yet.');
    expect(next.buttons.map((b) => b.label)).toEqual(['Start', 'Done', 'Skip']);
    await app.say('done flask');
    await app.say('skip django');
    await app.say('done pandas');
    expect((await app.say('next')).heading).toBe('Next: MySQL'); // Node.js, Go and Rails are not on a Python track
    expect(await say('next')).toContain('you skipped 1 before it');
  });

  it('returns the topic in progress first, and says why', async () => {
    await app.say('track go');
    app.clock.set('2026-11-20T10:00:00Z');
    await app.say('start redis');
    app.clock.set('2026-11-26T10:00:00Z');
    const reply = await app.say('next');
    expect(reply.heading).toBe('Keep going: Redis');
    expect(textOf(reply)).toContain('you started it on 2026-11-20');
    expect(reply.buttons.map((b) => b.label)).toEqual(['Done', 'Skip', 'Reset']);
  });

  it('congratulates when everything is done or skipped', async () => {
    await app.say('track go');
    const topics = app.store.content.roadmap('backend')!.topics.filter((t) => !t.pickOne || t.groupSlug === 'go');
    for (const t of topics) await app.say(`done ${t.path}`);
    expect((await app.say('next')).heading).toMatch(/finished the roadmap/);
  });
});

describe('start, done, skip, reset', () => {
  it('records each change once, with its event, and reports the count', async () => {
    await app.say('track nodejs');
    expect(await say('done express')).toContain('Done: Express.js');
    expect(await say('done express')).toContain('Express.js is already done');
    expect(await say('start jwt token')).toContain('Started Token Structure');
    expect(await say('skip helm')).toContain('Skipped Helm');
    const events = app.db.$client.prepare('select from_state, to_state from progress_events order by id').all();
    expect(events).toEqual([
      { from_state: null, to_state: 'done' },
      { from_state: null, to_state: 'learning' },
      { from_state: null, to_state: 'skipped' },
    ]);
    expect(await say('reset express')).toContain('Reset Express.js');
    expect(await say('reset express')).toContain('You have not started Express.js: nothing to reset');
    expect(app.db.$client.prepare('select count(*) n from progress_events').get()).toEqual({ n: 4 });
    expect(await say('progress')).toContain('Overall: 0 of 30 topics done (0%)'); // 31 on the Node track, 1 skipped
  });

  it('keeps members apart', async () => {
    await app.say('done redis', { id: 'ada' });
    expect(await say('topic redis', { id: 'grace' })).toContain('Your progress: not started');
    expect(await say('topic redis', { id: 'ada' })).toContain('Your progress: done');
  });
});

describe('topic lookup', () => {
  it.each([
    ['express', 'Express.js'],
    ['EXPRESS.JS', 'Express.js'],
    ['expres', 'Express.js'],
    ['postgre', 'PostgreSQL'],
    ['postgres', 'PostgreSQL'],
    ['mongo', 'MongoDB'],
    ['graphql resolvers', 'Resolvers'],
    ['reslovers', 'Resolvers'],
    ['kubernetes helm', 'Helm'],
    ['backend/apis/graphql/resolvers', 'Resolvers'],
    ['apis/graphql/resolvers', 'Resolvers'],
    ['docker compose', 'Docker Compose'],
    ['ec2', 'EC2 / Compute Engine'],
    ['compute engine', 'EC2 / Compute Engine'],
  ])('"%s" finds %s', async (query, title) => {
    expect((await app.say(`topic ${query}`)).heading).toBe(title);
  });

  it.each([
    ['jwt', ['Token Structure', 'Authorization']],
    ['k8s', ['Pods & Deployments', 'Helm']],
    ['gql', ['Schemas and Queries', 'Resolvers']],
    ['docker', ['Docker Containers', 'Docker Compose']],
  ])('"%s" is a group: lists its topics to choose from', async (query, titles) => {
    const reply = await app.say(`topic ${query}`);
    expect(reply.heading).toBeUndefined();
    expect(textOf(reply)).toContain(`could mean ${titles.length} topics`);
    expect(reply.buttons.map((b) => b.label)).toEqual(titles);
    expect(reply.buttons.every((b) => b.command.startsWith('topic backend/'))).toBe(true);
  });

  it('suggests the nearest topic for an unknown one', async () => {
    const reply = await app.say('done kuberneetes pods');
    expect(textOf(reply)).toContain('Pods & Deployments');
    const unknown = await app.say('topic quantum basket weaving');
    expect(textOf(unknown)).toContain("I can't find a topic called");
    expect(textOf(unknown)).toContain('`topics` lists them all');
  });
});

describe('topics, topic, progress, track, help', () => {
  it('topics lists sections, and one section by name or number with my marks', async () => {
    await app.say('done redis');
    expect(await say('topics')).toContain('2. Databases & Storage — 1/5 done');
    for (const query of ['databases', '2', 'storage']) {
      const reply = await app.say(`topics ${query}`);
      expect(reply.heading).toBe('Databases & Storage');
      expect(textOf(reply)).toContain('● Redis');
    }
    expect(await say('topics cooking')).toContain('There is no section called');
  });

  it('topic shows the summary, where it sits, and resources with official documentation first', async () => {
    const reply = await app.say('topic resolvers');
    const text = textOf(reply);
    expect(text).toContain('Where: APIs (RESTful & GraphQL) › GraphQL');
    const resources = reply.blocks.find((b) => b.type === 'list');
    expect(resources?.type === 'list' && resources.items[0]![0]).toBe('official: ');
  });

  it('progress shows a bar per section and the overall percentage', async () => {
    await app.say('track go');
    await app.say('done gin');
    await app.say('done concurrency');
    await app.say('done mysql');
    const reply = await app.say('progress');
    const bars = reply.blocks.filter((b) => b.type === 'progress');
    expect(bars).toHaveLength(6);
    expect(bars[0]).toMatchObject({ label: 'Choose Your Backend Language', done: 2, total: 2 });
    expect(reply.heading).toBe('Your progress: 10%'); // 3 of 30
  });

  it('progress asks for a track while none is chosen', async () => {
    const reply = await app.say('progress');
    expect(reply.blocks[0]).toMatchObject({ type: 'progress', total: 0, note: expect.stringContaining('track') });
  });

  it('track shows and changes the choice, keeping progress', async () => {
    expect(await say('track')).toContain('Choose Your Backend Language: not chosen yet.');
    expect(await say('track rails')).toContain('Your track: Ruby on Rails');
    await app.say('done active record');
    expect(await say('track node')).toContain('Your track: Node.js');
    expect(await say('track')).toContain('you follow Node.js');
    expect(await say('topic active record')).toContain('Your progress: done');
    expect(await say('track cobol')).toContain('There is no single track called');
  });

  it('help lists every command, and explains one', async () => {
    const all = await say('help');
    for (const verb of ['next', 'topics [section]', 'topic <topic>', 'done <topic>', 'progress', 'track [choice]']) expect(all).toContain(verb);
    expect(await say('help done')).toContain('/roadmap done express');
    expect(await say('help nope')).toContain('There is no command');
  });
});

describe('bad input', () => {
  it('writes nothing on any error, not even a first-contact member', async () => {
    const before = rowCounts(app);
    for (const text of ['frobnicate', 'done', 'done not-a-topic-at-all', 'topic jwt', `topic ${'x'.repeat(1200)}`, 'track cobol', 'topics nowhere']) {
      await app.say(text, { id: 'newcomer' });
    }
    expect(rowCounts(app)).toEqual(before);
  });

  it('keeps user text out of our strings so renderers can escape it', async () => {
    const reply = await app.say('topic <!channel> @everyone');
    const spans = reply.blocks[0]!.type === 'text' ? reply.blocks[0]!.spans : [];
    expect(spans).toContainEqual({ user: '<!channel> @everyone' });
    expect(spans.filter((s) => typeof s === 'string').join('')).not.toContain('everyone');
  });

  it('answers an internal failure with an apology, logs it, and keeps nothing', async () => {
    app.db.$client.exec('drop table track_choices'); // a broken database, not a broken command
    const before = rowCounts(app);
    const reply = await app.core.handle({
      platform: 'slack', workspace: { id: 'T1' }, user: { id: 'newcomer', displayName: 'New' }, place: { direct: true },
      text: 'track go', id: 'trigger-123',
    });
    expect(textOf(reply)).toContain('something went wrong on my side');
    const logged = JSON.parse(app.errors.find((l) => l.includes('command failed'))!);
    expect(logged).toMatchObject({ msg: 'command failed', rid: 'trigger-123', verb: 'track', platform: 'slack' });
    expect(JSON.stringify(logged)).not.toContain('track go'); // the text a user typed stays out of the logs
    expect(rowCounts(app)).toEqual(before);
  });
});
