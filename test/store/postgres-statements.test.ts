// The @name → $n translation both PostgreSQL engines share: what it must change, and everything it must not touch.
import { describe, expect, it } from 'vitest';
import { numberParsers, statementFor, valuesFor } from '../../src/store/postgres/statements.ts';

describe('statementFor', () => {
  it('numbers parameters in order of first use; a name used twice is one $n', () => {
    const s = statementFor('select * from t where a = @first and b > @second or c = @first');
    expect(s.text).toBe('select * from t where a = $1 and b > $2 or c = $1');
    expect(s.names).toEqual(['first', 'second']);
  });

  it('leaves @ alone inside strings, quoted identifiers, comments and dollar quotes, and in operators', () => {
    const sql = [
      "select 'mail@example.org' as \"who@\", E'it\\'s @no' as x, 'it''s @no' as y,",
      '$$ @no $$ as z, $tag$ @no $tag$ as w, @yes::bigint as v, a <@ b, @@ts -- @no',
      '/* @no */ from t',
    ].join('\n');
    const s = statementFor(sql);
    expect(s.names).toEqual(['yes']);
    expect(s.text).toBe(sql.replace('@yes', '$1'));
  });

  it('keeps casts and an address-like word intact', () => {
    const s = statementFor('select @at::bigint + 1, x::text, user@host from t');
    expect(s.text).toBe('select $1::bigint + 1, x::text, user@host from t');
  });

  it('is cached: the same text gives the same statement, and its prepared name', () => {
    const a = statementFor('select @cached');
    expect(statementFor('select @cached')).toBe(a);
    expect(a.name).toMatch(/^rc_\d+$/);
    expect(statementFor('select @other').name).not.toBe(a.name);
  });
});

describe('valuesFor', () => {
  it('binds in $n order, undefined as null, and refuses a parameter left out', () => {
    const s = statementFor('select @b, @a, @c');
    expect(valuesFor(s, { a: 1, b: 'two', c: undefined })).toEqual(['two', 1, null]);
    expect(() => valuesFor(s, { a: 1, b: 2 })).toThrow(/@c has no value/);
  });
});

describe('numberParsers', () => {
  it('reads int8 and numeric as numbers, and refuses an int8 past 2^53 rather than rounding it', () => {
    expect(numberParsers[20]!('1796283973853')).toBe(1796283973853);
    expect(numberParsers[1700]!('2.5')).toBe(2.5);
    expect(() => numberParsers[20]!('9007199254740993')).toThrow(/too large/);
  });
});
