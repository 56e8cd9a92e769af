import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/core/commands/index.ts';
import { MAX_INPUT, parse } from '../../src/core/grammar.ts';
import { UserError } from '../../src/core/model/errors.ts';

const verbOf = (text: string) => parse(text, COMMANDS).command.name;

describe('grammar', () => {
  it('reads the verb and leaves the rest as its argument, with or without /roadmap', () => {
    expect(parse('done express', COMMANDS)).toMatchObject({ command: { name: 'done' }, rest: 'express' });
    expect(parse('/roadmap   DONE   graphql   resolvers ', COMMANDS)).toMatchObject({
      command: { name: 'done' },
      rest: 'graphql resolvers',
    });
    expect(parse('roadmap next', COMMANDS).command.name).toBe('next');
  });

  it('accepts aliases', () => {
    expect(verbOf('finish jwt')).toBe('done');
    expect(verbOf('show redis')).toBe('topic');
    expect(verbOf('stats')).toBe('progress');
    expect(verbOf('?')).toBe('help');
  });

  it('answers empty text with a short hint, not the whole help', () => {
    for (const empty of ['', '   ', '/roadmap', '\u200b', '\0']) {
      expect(() => parse(empty, COMMANDS)).toThrow(/Type a command, for example `next`/);
    }
  });

  it('refuses an unknown verb with the nearest one', () => {
    expect(() => parse('nxet', COMMANDS)).toThrow(UserError);
    try {
      parse('prgress', COMMANDS);
    } catch (e) {
      expect((e as UserError).spans).toEqual(["I don't know the command ", { user: 'prgress' }, '.']);
      expect((e as UserError).detail.hint).toContain('`progress`');
    }
    expect.assertions(3);
  });

  it(`refuses input over ${MAX_INPUT} characters`, () => {
    expect(() => parse(`topic ${'x'.repeat(MAX_INPUT)}`, COMMANDS)).toThrow(/at most 1000/);
    expect(parse(`topic ${'x'.repeat(MAX_INPUT - 6)}`, COMMANDS).command.name).toBe('topic');
  });

  it('every command has a unique name and aliases, a summary and examples that parse to itself', () => {
    const words = COMMANDS.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
    expect(new Set(words).size).toBe(words.length);
    for (const command of COMMANDS) {
      expect(command.summary.length).toBeGreaterThan(5);
      for (const example of command.examples) expect(verbOf(example)).toBe(command.name);
    }
  });
});
