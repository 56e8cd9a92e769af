// Every command in the list has a test file named after it, here: adding a verb means adding its tests.
import { existsSync } from 'node:fs';
import { expect, it } from 'vitest';
import { COMMANDS } from '../../../src/core/commands/index.ts';

it('has test/core/commands/<name>.test.ts for every command', () => {
  const missing = COMMANDS.map((c) => c.name).filter(
    (name) => !existsSync(new URL(`./${name}.test.ts`, import.meta.url)),
  );
  expect(missing).toEqual([]);
  expect(COMMANDS.length).toBeGreaterThan(20);
});
