// Walking markdown-it's flat token stream as blocks: where a block ends, what is directly inside it, its text.
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

/** The words of inline tokens: markup dropped, whitespace collapsed. */
export function textOf(inline: Token[]): string {
  return clean(inline.map((t) => (t.type === 'softbreak' || t.type === 'hardbreak' ? ' ' : t.content)).join(''));
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
