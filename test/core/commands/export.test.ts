// `export`: all of my data as one JSON file a person can read (times in ISO 8601, days by name).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../helpers.ts';
import { ADA, seedBoth } from './my-data.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

describe('export', () => {
  it('attaches my profile, settings, identities, progress, events, notes and reminder as JSON', async () => {
    await seedBoth(app);
    await app.say('remind 07:45 Europe/Berlin mon-fri', ADA);
    const reply = await app.say('export', ADA);
    expect(reply.files).toHaveLength(1);
    const file = reply.files![0]!;
    expect(file).toMatchObject({ name: 'roadmap-coach-my-data.json', mime: 'application/json' });
    const data = JSON.parse(file.content);
    expect(data.profile).toMatchObject({ displayName: 'Ada' });
    expect(data.settings).toEqual({ privacy: 'anonymous', streakMode: 'daily', timeZone: 'Europe/Berlin' });
    expect(data.identities.map((i: { workspace: string }) => i.workspace)).toEqual(['local', 'other']);
    expect(data.trackChoices).toEqual([expect.objectContaining({ track: 'go' })]);
    expect(data.progress.map((p: { title: string; state: string }) => `${p.title}:${p.state}`).sort()).toEqual([
      'Gin:done',
      'Redis:learning',
    ]);
    expect(data.events).toHaveLength(2);
    expect(data.notes).toEqual([
      expect.objectContaining({ text: 'cache aside', topic: expect.stringMatching(/\/redis$/) }),
    ]);
    expect(data.reminders).toEqual([
      expect.objectContaining({
        localTime: '07:45',
        timeZone: 'Europe/Berlin',
        days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'],
      }),
    ]); // names, not a bit set
    expect(file.content).not.toContain('Grace');
  });

  it('writes every time as ISO 8601 and reminder days by name', async () => {
    await app.say('track go');
    await app.say('done redis');
    await app.say('note redis x');
    await app.say('remind 09:00 Europe/Berlin mon-fri');
    await app.say('snooze 3d');
    const data = JSON.parse((await app.say('export')).files![0]!.content);
    const times: unknown[] = [];
    const walk = (value: unknown, key = ''): void => {
      if (Array.isArray(value)) for (const v of value) walk(v);
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
      else if (/(^at$|At$|Until$)/.test(key)) times.push(value);
    };
    walk(data);
    expect(times.length).toBeGreaterThan(8);
    for (const t of times)
      expect(t === null || /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(String(t)), String(t)).toBe(true);
    expect(JSON.stringify(data)).not.toMatch(/":\s*1\d{12}\b/); // no milliseconds since 1970 anywhere
    expect(data.reminders[0].days).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']);
  });

  it('export counts 1 topic state, 1 progress event and 1 note', async () => {
    await app.say('done redis');
    await app.say('note redis x');
    expect(textOf(await app.say('export'))).toContain('1 topic state, 1 progress event and 1 note.');
  });
});
