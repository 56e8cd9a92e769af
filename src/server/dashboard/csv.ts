// The member table as CSV (RFC 4180): every field quoted, CRLF line ends, and no cell a spreadsheet would run.
import type { MemberRow } from './data.ts';
import { displayName } from './sort.ts';

const HEADER = [
  'Member',
  'Progress (%)',
  'Topics done',
  'Topics total',
  'Last activity (UTC)',
  'Current streak (days)',
];

/**
 * A spreadsheet treats a cell starting with = + - @ (or a tab or carriage return, which some strip first) as a
 * formula: a display name like "=HYPERLINK(…)" would run on the lead's machine. A leading apostrophe makes it text.
 */
export function csvField(value: string | number): string {
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function membersCsv(rows: readonly MemberRow[]): string {
  const lines = [
    HEADER,
    ...rows.map((row) => [
      displayName(row),
      Math.round(row.progressPercent),
      row.done,
      row.total,
      row.lastActivity ? row.lastActivity.toISOString() : '',
      row.currentStreak,
    ]),
  ];
  return lines.map((cells) => `${cells.map(csvField).join(',')}\r\n`).join('');
}
