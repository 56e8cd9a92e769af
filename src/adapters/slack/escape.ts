// Slack mrkdwn escaping, once: &, <, > everywhere; user text also loses every formatting character.
import type { Span } from '../../core/model/reply.ts';

/** The three characters Slack parses as controls (mentions, links); required in every text field. Most strings hold
 *  none, and one test costs less than three replaces over every string of every reply. */
export const escapeText = (s: string): string =>
  /[&<>]/.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : s;

// mrkdwn has no backslash escape, so formatting characters in text a user typed become look-alikes: "*x*" can
// never turn bold, "`" never opens code. Zero-width tricks are avoided because Slack uses them to *enable*
// formatting mid-word.
const LOOKALIKE: Record<string, string> = { '*': '\u2217', _: '\uff3f', '~': '\u223c', '`': '\u02cb' };
export const neutralise = (s: string): string => escapeText(s).replace(/[*_~`]/g, (c) => LOOKALIKE[c]!);

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const HAS_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/; // no g: test() then keeps no state between calls
const withoutControls = (s: string): string => (HAS_CONTROL.test(s) ? s.replace(CONTROL, '') : s);

/** Only web and mail links, with the characters that would end Slack's <url|title> syntax percent-encoded. */
export function safeUrl(url: string): string | undefined {
  if (!/^(https?:\/\/|mailto:)/i.test(url)) return undefined;
  return url.replace(/[<>|\s]/g, (c) => encodeURIComponent(c));
}

/**
 * *text* in bold. Slack only sees a bold span when its markers touch non-space characters ("*Streak: *0" stays
 * plain), so leading and trailing spaces go outside the markers; an asterisk inside becomes a look-alike.
 */
export function bold(text: string): string {
  const [, before, inner, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  if (!inner) return text;
  return `${before}*${escapeText(inner).replace(/\*/g, LOOKALIKE['*']!)}*${after}`;
}

export function mrkdwn(spans: Span[]): string {
  return withoutControls(spans.map(span).join(''));
}

function span(s: Span): string {
  if (typeof s === 'string') return escapeText(s); // our own strings: `code` runs stay code
  if ('user' in s) return neutralise(s.user);
  if ('strong' in s) return bold(s.strong);
  if ('code' in s) return `\`${escapeText(s.code).replace(/`/g, LOOKALIKE['`']!)}\``;
  const url = safeUrl(s.url);
  return url ? `<${url}|${escapeText(s.link).replace(/\|/g, '∣')}>` : escapeText(s.link);
}

/** The text with no markup at all (notification fallback), user text still neutralised. */
export function plainText(spans: Span[]): string {
  return withoutControls(
    spans
      .map((s) =>
        typeof s === 'string'
          ? escapeText(s)
          : 'user' in s
            ? neutralise(s.user)
            : escapeText('strong' in s ? s.strong : 'code' in s ? s.code : s.link),
      )
      .join(''),
  );
}

/** Cuts to max characters with "…", never leaving half an entity or half a <link>. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const open = cut.lastIndexOf('<');
  if (open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  cut = cut.replace(/&[a-z]{0,4}$/, '');
  return `${cut}…`;
}
