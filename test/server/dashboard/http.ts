// Talking to the dashboard over real HTTP in tests: requests that do not follow redirects, signing in through a
// fresh one-time link, and the headers every answer must carry.
import { expect } from 'vitest';
import type { serveDashboard } from './fixture.ts';

export type Served = Awaited<ReturnType<typeof serveDashboard>>;

export const get = (base: string, path: string, headers: Record<string, string> = {}) =>
  fetch(base + path, { headers, redirect: 'manual' });

/** Signs in through a fresh one-time link and returns the cookie header to send. */
export async function signIn(s: Served, memberId: string): Promise<string> {
  const res = await get(s.base, s.sessions.link(memberId));
  expect(res.status).toBe(303);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
export function expectSecurityHeaders(res: Response): void {
  expect(res.headers.get('content-security-policy')).toBe(CSP);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('strict-transport-security')).toBeNull(); // the host's https policy is not ours to set
}
