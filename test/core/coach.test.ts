// The coach reads like a coach: titles on buttons (never paths), a button per section, plural words that agree, and
// names unquoted on the terminal's board. (The current track marked, freezes shown and an export a person can read
// are checked with their commands: track, streak, export.)
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from '../../src/adapters/terminal/render.ts';
import { createTestApp, type TestApp, tempDir, textOf } from '../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

describe('buttons', () => {
  it('are labelled, never with a path or a command, on every reply a learner meets first', async () => {
    for (const line of [
      'next',
      'topic express',
      'track',
      'topics',
      'done express',
      'start express',
      'note jwt | x',
      'topic jwt',
      'done caching',
      'remind 09:00',
    ]) {
      for (const b of (await app.say(line)).buttons) {
        expect(b.label, line).toBeTruthy();
        expect(b.label, line).not.toContain('/');
        expect(b.label, line).not.toBe(b.command);
      }
    }
  });

  it('`track` marks the current track', async () => {
    await app.say('track python');
    const reply = await app.say('track');
    expect(reply.buttons.find((b) => b.command === 'track python')).toEqual({
      label: '✓ Python (yours)',
      command: 'track python',
      style: 'primary',
    });
    expect(reply.buttons.find((b) => b.command === 'track go')!.label).toBe('Go');
    expect(textOf(await app.say('track python'))).toContain('You already follow Python');
  });

  it('`topics` offers a button for each of the six sections', async () => {
    const reply = await app.say('topics');
    expect(reply.buttons.map((b) => b.label)).toEqual([
      '1. Choose Your Backend Language',
      '2. Databases & Storage',
      '3. Authentication & Security',
      '4. APIs (RESTful & GraphQL)',
      '5. Deployment & Cloud',
      '6. Testing & Monitoring',
    ]);
  });
});

describe('words that agree with their numbers', () => {
  it('the terminal board shows names unquoted', async () => {
    await app.say('done redis');
    const board = render(await app.say('leaderboard'));
    expect(board).toContain('1. Ada — 1 point');
    expect(board).not.toContain('"Ada"');
    expect(render(await app.say('topic <x>'))).toContain('"<x>"'); // other text a user typed stays quoted
  });
});

describe('load-content', () => {
  it('reports "1 topic", not "1 topics"', () => {
    const { dir, cleanup } = tempDir();
    const content = join(dir, 'content');
    mkdirSync(content);
    writeFileSync(join(content, 'tiny.md'), '# Tiny\n\n## Basics\n\n- **One**: The only topic.\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', 'load-content'], {
      cwd: new URL('../..', import.meta.url).pathname,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dir,
        DATABASE_PATH: join(dir, 'db.sqlite'),
        CONTENT_DIR: content,
        DEFAULT_ROADMAP: 'tiny',
      },
    });
    cleanup();
    expect(run.stdout).toContain('tiny: 1 topic (');
  }, 30_000);
});
