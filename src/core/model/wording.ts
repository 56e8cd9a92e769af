// Wording the replies share: counts ("3 topics"), ordinals ("2nd"), and how a member appears on boards and team
// views (a display name as user text, an anonymous member as "a teammate").
import type { Span } from './reply.ts';

export type Privacy = 'show' | 'anonymous' | 'hide';
export const PRIVACY_MODES: readonly Privacy[] = ['show', 'anonymous', 'hide'];

/** Names go in a { user } span so renderers escape them: a board posted in a channel pings nobody. */
export function nameOf(row: { name: string; privacy: Privacy }): Span {
  return row.privacy === 'show' ? { user: row.name, name: true } : 'a teammate';
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
