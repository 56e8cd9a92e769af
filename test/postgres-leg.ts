// Vitest global setup: says once per run when the real PostgreSQL server leg is left out, so a green run without
// TEST_DATABASE_URL is never taken for one that tested the server (PGlite, in-process PostgreSQL, still runs).
export default function setup(): void {
  if (!process.env.TEST_DATABASE_URL) console.warn('PostgreSQL leg skipped: set TEST_DATABASE_URL');
}
