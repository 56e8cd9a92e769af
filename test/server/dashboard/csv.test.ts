// The member table's CSV: RFC 4180 quoting, CRLF lines, and no cell a spreadsheet would run as a formula.
import { describe, expect, it } from 'vitest';
import { csvField, membersCsv } from '../../../src/server/dashboard/csv.ts';
import type { MemberRow } from '../../../src/server/dashboard/data.ts';

const row = (who: MemberRow['who'], extra: Partial<MemberRow> = {}): MemberRow => ({
  who,
  you: false,
  progressPercent: 42.6,
  done: 17,
  total: 40,
  lastActivity: new Date('2025-03-11T21:05:00Z'),
  currentStreak: 3,
  ...extra,
});

describe('CSV fields', () => {
  it('quotes every field and doubles the quotes inside', () => {
    expect(csvField('Ada')).toBe('"Ada"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a,b\r\nc')).toBe('"a,b\r\nc"');
    expect(csvField(7)).toBe('"7"');
  });

  it.each(["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'puts an apostrophe before %j so it stays text',
    (name) => {
      expect(csvField(name)).toBe(`"'${name}"`);
    },
  );

  it('leaves a name that only contains such characters alone, and quotes one that starts with a quote', () => {
    expect(csvField('Jean-Luc = @home')).toBe('"Jean-Luc = @home"');
    expect(csvField('"=cmd"')).toBe('"""=cmd"""');
  });
});

describe('the member table as CSV', () => {
  it('has a header and a row per member, CRLF after each line, anonymous members as "a teammate" with no id', () => {
    const csv = membersCsv([
      row({ id: 'U1', name: '=HYPERLINK("http://evil","x")' }),
      row({ anonymous: true }, { progressPercent: 0, done: 0, lastActivity: null, currentStreak: 0 }),
    ]);
    expect(csv.split('\r\n')).toEqual([
      '"Member","Progress (%)","Topics done","Topics total","Last activity (UTC)","Current streak (days)"',
      '"\'=HYPERLINK(""http://evil"",""x"")","43","17","40","2025-03-11T21:05:00.000Z","3"',
      '"a teammate","0","0","40","","0"',
      '',
    ]);
    expect(csv).not.toMatch(/[^\r]\n/);
    expect(csv).not.toContain('U1');
  });
});
