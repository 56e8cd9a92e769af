// A content file's bytes → text: UTF-8 only, so a Latin-1 "Café" is refused by line instead of loading as "Caf�".
import { ContentError } from './roadmap.ts';

const NEWLINE = 0x0a;

export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ContentError(
      file,
      firstBadLine(bytes),
      'the file is not UTF-8 text (another encoding, such as Latin-1?); save it as UTF-8',
    );
  }
}

/** A newline byte never occurs inside a multi-byte UTF-8 character, so each line can be checked on its own. */
function firstBadLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  for (let start = 0; start <= bytes.length; line++) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end === -1) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
  }
  return line - 1;
}
