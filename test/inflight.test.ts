import { describe, expect, it } from 'vitest';
import type { Invocation } from '../src/core/model/invocation.ts';
import { reply, text } from '../src/core/model/reply.ts';
import { createInflight } from '../src/inflight.ts';

const invocation = { text: 'next' } as Invocation;
const slow = (ms: number, log: string[]) => async () => {
  await new Promise((r) => setTimeout(r, ms));
  log.push('finished');
  return reply({ blocks: [text('done')] });
};

describe('inflight', () => {
  it('lets a running command finish before drain resolves, and refuses new ones meanwhile', async () => {
    const inflight = createInflight();
    const log: string[] = [];
    const handle = inflight.wrap(slow(100, log));
    const running = handle(invocation);
    const drained = inflight.drain(5_000);
    const late = await handle(invocation);
    expect(late.blocks[0]).toEqual(text('The coach is restarting. Please try again in a moment; nothing was changed.'));
    expect(await drained).toBe(true);
    expect(log).toEqual(['finished']);
    expect((await running).blocks[0]).toEqual(text('done'));
  });

  it('gives up after the grace period', async () => {
    const inflight = createInflight();
    void inflight.wrap(slow(1_000, []))(invocation);
    expect(await inflight.drain(50)).toBe(false);
    expect(inflight.size).toBe(1);
  });
});
