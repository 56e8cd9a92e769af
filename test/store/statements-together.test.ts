// Statements asked for together inside one transaction (Promise.all over a list, as the team view does) each get
// their own answer, and no engine leans on node-postgres's deprecated client-side queue (an error from pg 9 on).
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES, type OpenedEngine } from './engines.ts';

describe.each(ENGINES.map((e) => [e.name, e] as const))('%s', (_name, engine) => {
  let opened: OpenedEngine | undefined;
  afterEach(async () => {
    await opened?.dispose();
    opened = undefined;
  });

  it('runs statements asked for together one after another, each with its own answer', async () => {
    opened = await engine.open({ migrate: false });
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const answers = await opened.db.transaction((r) =>
        Promise.all(Array.from({ length: 20 }, (_, i) => r.get<{ n: number }>('select @i + 1 as "n"', { i }))),
      );
      expect(answers.map((a) => Number(a?.n))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
      expect(warnings.filter((w) => /already executing a query/.test(w))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
