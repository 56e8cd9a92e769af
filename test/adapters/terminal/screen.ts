// What a terminal shows for the bytes written to it: text, newlines, and the few VT100 moves and erases readline
// uses (cursor up/down/left/right, to a column, erase line, erase to the end of the screen). One row per line.
export function screen(bytes: string): string[] {
  const rows: string[][] = [[]];
  let row = 0;
  let col = 0;
  for (const [token, count, command] of bytes.matchAll(/\u001b\[(\d*)([A-Za-z])|\r|\n|[^\u001b\r\n]/gu)) {
    const n = count ? Number(count) : undefined;
    if (command === 'A') row = Math.max(0, row - (n ?? 1));
    else if (command === 'B') row += n ?? 1;
    else if (command === 'C') col += n ?? 1;
    else if (command === 'D') col = Math.max(0, col - (n ?? 1));
    else if (command === 'G') col = (n ?? 1) - 1;
    else if (command === 'K') rows[row] = n === 2 ? [] : rows[row]!.slice(0, col);
    else if (command === 'J') {
      rows[row] = rows[row]!.slice(0, col);
      rows.length = row + 1;
    } else if (command) throw new Error(`screen: unexpected escape ${JSON.stringify(token)}`);
    else if (token === '\r') col = 0;
    else if (token === '\n')
      [row, col] = [row + 1, 0]; // a terminal turns "\n" into CR LF
    else rows[row]![col++] = token;
    while (rows.length <= row) rows.push([]);
  }
  return rows.map((r) =>
    Array.from(r, (c) => c ?? ' ')
      .join('')
      .trimEnd(),
  );
}
