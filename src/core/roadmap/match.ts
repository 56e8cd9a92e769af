// Forgiving name matching shared by every lookup: exact names, aliases, prefixes, words, then small typos.
import { distance } from 'fastest-levenshtein';
import { TOPIC_ALIASES } from './topic-aliases.ts';

export interface Candidate<T> {
  value: T;
  names: Name[]; // every name it answers to: title, slug, parts of "A / B", a parenthetical
}

/** A name, normalised once: "node js", "nodejs", ["node", "js"]. */
export interface Name {
  text: string;
  compact: string;
  words: string[];
}

export interface Ranked<T> {
  score: number; // 0: nothing close enough
  best: T[]; // every candidate at the best score
}

/** "APIs (RESTful & GraphQL)" → ["apis restful graphql", "apis", "restful graphql"]; "EC2 / Compute Engine" → parts. */
export function namesOf(...titles: (string | null | undefined)[]): Name[] {
  const names = new Set<string>();
  for (const title of titles) {
    if (!title) continue;
    names.add(normalize(title));
    names.add(normalize(title.replace(/\([^)]*\)/g, ' ')));
    for (const inner of title.matchAll(/\(([^)]*)\)/g)) names.add(normalize(inner[1]!));
    for (const part of title.split(/\s*[/|]\s*/)) names.add(normalize(part));
  }
  names.delete('');
  return [...names].map((text) => ({ text, compact: compact(text), words: text.split(' ') }));
}

export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/([a-z0-9])\.(?=[a-z0-9])/g, '$1') // "node.js" and "nodejs" are one name
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function queryName(query: string): Name {
  const text = expand(normalize(query));
  return { text, compact: compact(text), words: text.split(' ') };
}

export function rank<T>(query: string, candidates: Candidate<T>[]): Ranked<T> {
  const q = queryName(query);
  // Typo scores are all below the cheap ones, so edit distances are only worked out when nothing matched cheaply.
  const cheap = best(candidates, (name) => scoreName(q, name));
  return cheap.score > 0 ? cheap : best(candidates, (name) => scoreTypo(q, name));
}

/** Every candidate that matches, best first (ties in the candidates' order), for a list of suggestions: the cheap
 *  matches, or the typos when nothing matches cheaply — as rank() decides. */
export function rankAll<T>(query: string, candidates: Candidate<T>[]): T[] {
  const q = queryName(query);
  const scored = (score: (name: Name) => number) =>
    candidates
      .map((candidate, i) => ({ value: candidate.value, i, s: Math.max(0, ...candidate.names.map(score)) }))
      .filter((c) => c.s > 0);
  let found = scored((name) => scoreName(q, name));
  if (!found.length) found = scored((name) => scoreTypo(q, name));
  return found.sort((a, b) => b.s - a.s || a.i - b.i).map((c) => c.value);
}

function best<T>(candidates: Candidate<T>[], score: (name: Name) => number): Ranked<T> {
  let found: T[] = [];
  let top = 0;
  for (const candidate of candidates) {
    let s = 0;
    for (const name of candidate.names) s = Math.max(s, score(name));
    if (s > top) [top, found] = [s, [candidate.value]];
    else if (s === top && s > 0) found.push(candidate.value);
  }
  return { score: top, best: found };
}

/**
 * The candidate whose name is closest to the query, for "did you mean": at most about a third of the letters
 * changed, so "reslovers" finds Resolvers but "websockets" does not find Resolvers nor "3" find S3.
 */
export function nearest<T>(query: string, candidates: Candidate<T>[], maxDistance = 0.34): T | undefined {
  const q = expand(normalize(query));
  if (q.replace(/ /g, '').length < 3) return undefined; // one or two letters are close to everything
  let found: T | undefined;
  let least = Infinity;
  for (const candidate of candidates) {
    for (const { text: name } of candidate.names) {
      const d = distance(q, name) / Math.max(q.length, name.length);
      if (d < least) [least, found] = [d, candidate.value];
    }
  }
  return least <= maxDistance ? found : undefined;
}

// Words too common to search prose by: "the" or "with" would mention every topic.
const STOP = new Set([
  'and',
  'the',
  'for',
  'with',
  'how',
  'what',
  'why',
  'you',
  'your',
  'are',
  'use',
  'using',
  'from',
  'into',
  'that',
  'this',
]);

/** The words of a text to search by prefix: "Passport.js strategies" → ["passportjs", "strategies"]. */
export function wordsOf(text: string): string[] {
  return normalize(text).split(' ').filter(Boolean);
}

/** Whether every significant query word starts a word of the text: "caching" in "…for caching, sessions…". */
export function mentions(query: string, words: readonly string[]): boolean {
  const wanted = normalize(query)
    .split(' ')
    .filter((w) => w.length >= 3 && !STOP.has(w));
  return wanted.length > 0 && wanted.every((w) => words.some((word) => word.startsWith(w)));
}

function expand(q: string): string {
  return q
    .split(' ')
    .map((word) => TOPIC_ALIASES[word] ?? word)
    .join(' ');
}

const compact = (s: string) => s.replace(/ /g, '');

function scoreName(q: Name, name: Name): number {
  if (!q.compact) return 0;
  if (q.compact === name.compact) return 100;
  if (q.compact.length >= 2 && name.compact.startsWith(q.compact)) return 80;
  if (q.words.every((w) => name.words.some((n) => n.startsWith(w)))) return 60;
  return q.compact.length >= 3 && name.compact.includes(q.compact) ? 50 : 0;
}

function scoreTypo(q: Name, name: Name): number {
  if (!q.compact) return 0;
  const typo = Math.min(
    distance(q.compact, name.compact),
    distance(q.compact, name.compact.slice(0, q.compact.length)) + 1,
  );
  if (typo <= typos(q.compact)) return 40 - typo * 5;
  // Word by word, each allowed a typo: "kuberneetes pods" still finds "kubernetes pods deployments".
  const close = (w: string) =>
    name.words.some((n) => n.startsWith(w) || distance(w, n.slice(0, w.length + 1)) <= typos(w));
  return q.words.every(close) ? 25 : 0;
}

/** How many edits a typed word may be off: none for short words, where one edit makes another word. */
function typos(word: string): number {
  return word.length >= 6 ? 2 : word.length >= 4 ? 1 : 0;
}
