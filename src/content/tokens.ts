// Reading markdown-it's token stream: blocks and their children, and the plain text of inline tokens.
import type { Token } from 'markdown-it';

/** Index of the token that closes the block opened at i (i itself for a token that opens nothing). */
export function closing(tokens: Token[], i: number): number {
  if (tokens[i]!.nesting !== 1) return i;
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    depth += tokens[j]!.nesting;
    if (depth === 0) return j;
  }
  return tokens.length - 1;
}

/** Indexes of the blocks directly inside the block opened at i. */
export function childrenOf(tokens: Token[], i: number): number[] {
  const end = closing(tokens, i);
  const children: number[] = [];
  for (let j = i + 1; j < end; j = closing(tokens, j) + 1) children.push(j);
  return children;
}

export function textOf(inline: Token[]): string {
  return clean(inline.map((t) => (t.type === 'softbreak' || t.type === 'hardbreak' ? ' ' : t.content)).join(''));
}

/**
 * "1. **Choose Your Backend Language**" → "Choose Your Backend Language": numbering is not part of a name, nor is a
 * leading decoration with no ASCII letter in it (an emoji, or the mojibake a mis-saved emoji becomes).
 */
export function headingTitle(inline: Token): string {
  return textOf(inline.children ?? [])
    .replace(/^[^\sA-Za-z0-9]+\s+/, '')
    .replace(/^(\d+|[a-z])[.)]\s+/i, '');
}

/** A topic's first paragraph: "**Title**: summary", or plain "Title: summary", or just "Title". */
export function splitTitle(inline: Token[]): { title: string; summary: string } {
  const first = inline[0];
  if (first && (first.type === 'strong_open' || first.type === 'em_open')) {
    const end = inline.findIndex((t) => t.type === first.type.replace('_open', '_close'));
    return { title: textOf(inline.slice(1, end)), summary: textOf(inline.slice(end + 1)).replace(/^[:—–-]\s*/, '') };
  }
  const text = textOf(inline);
  const match = /^(.+?)(?::\s+|\s+[—–-]\s+)(.*)$/.exec(text);
  return match ? { title: match[1]!.trim(), summary: match[2]!.trim() } : { title: text, summary: '' };
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
