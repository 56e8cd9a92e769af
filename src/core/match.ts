// Forgiving name matching shared by every lookup: exact names, aliases, prefixes, words, then small typos.
import { distance } from 'fastest-levenshtein';
import { ALIASES } from './aliases.ts';

export interface Candidate<T> {
  value: T;
  names: string[]; // every name it answers to: title, slug, parts of "A / B", a parenthetical
}

export interface Ranked<T> {
  score: number; // 0: nothing close enough
  best: T[]; // every candidate at the best score
}

/** "APIs (RESTful & GraphQL)" → ["apis restful graphql", "apis", "restful graphql"]; "EC2 / Compute Engine" → parts. */
export function namesOf(...titles: (string | null | undefined)[]): string[] {
  const names = new Set<string>();
  for (const title of titles) {
    if (!title) continue;
    names.add(normalize(title));
    names.add(normalize(title.replace(/\([^)]*\)/g, ' ')));
    for (const inner of title.matchAll(/\(([^)]*)\)/g)) names.add(normalize(inner[1]!));
    for (const part of title.split(/\s*[/|]\s*/)) names.add(normalize(part));
  }
  names.delete('');
  return [...names];
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

export function rank<T>(query: string, candidates: Candidate<T>[]): Ranked<T> {
  const q = expand(normalize(query));
  let best: T[] = [];
  let top = 0;
  for (const candidate of candidates) {
    const score = Math.max(...candidate.names.map((name) => scoreName(q, name)));
    if (score > top) [top, best] = [score, [candidate.value]];
    else if (score === top && score > 0) best.push(candidate.value);
  }
  return { score: top, best };
}

/** The candidate whose name is closest to the query, for "did you mean". */
export function nearest<T>(query: string, candidates: Candidate<T>[]): T | undefined {
  const q = expand(normalize(query));
  let found: T | undefined;
  let least = Infinity;
  for (const candidate of candidates) {
    for (const name of candidate.names) {
      const d = distance(q, name) / Math.max(q.length, name.length);
      if (d < least) [least, found] = [d, candidate.value];
    }
  }
  return least <= 0.6 ? found : undefined;
}

function expand(q: string): string {
  return q.split(' ').map((word) => ALIASES[word] ?? word).join(' ');
}

const compact = (s: string) => s.replace(/ /g, '');

function scoreName(q: string, name: string): number {
  if (!q) return 0;
  const cq = compact(q);
  const cn = compact(name);
  if (cq === cn) return 100;
  if (cq.length >= 2 && cn.startsWith(cq)) return 80;
  const words = name.split(' ');
  if (q.split(' ').every((w) => words.some((n) => n.startsWith(w)))) return 60;
  if (cq.length >= 3 && cn.includes(cq)) return 50;
  const typo = Math.min(distance(cq, cn), distance(cq, cn.slice(0, cq.length)) + 1);
  if (typo <= typos(cq)) return 40 - typo * 5;
  // Word by word, each allowed a typo: "kuberneetes pods" still finds "kubernetes pods deployments".
  const close = (w: string) => words.some((n) => n.startsWith(w) || distance(w, n.slice(0, w.length + 1)) <= typos(w));
  return q.split(' ').every(close) ? 25 : 0;
}

/** How many edits a typed word may be off: none for short words, where one edit makes another word. */
function typos(word: string): number {
  return word.length >= 6 ? 2 : word.length >= 4 ? 1 : 0;
}
