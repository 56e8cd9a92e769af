// Vitest global setup: builds the production bundle (npm run build, into dist/) once per run, before any test file,
// so the tests that run the Docker image's command (node dist/main.js) find it on a clean clone too. Once, not per
// file: test files run in parallel and would write dist/ at the same time.
import { buildBundle } from '../scripts/build.ts';

export default async function setup(): Promise<void> {
  await buildBundle();
}
