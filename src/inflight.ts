// Tracks commands being handled, so a shutdown can stop taking new ones and let the running ones finish.
import type { Handle } from './adapters/adapter.ts';
import { reply, text } from './core/model/reply.ts';

export function createInflight() {
  let open = true;
  const running = new Set<Promise<unknown>>();
  return {
    get size() {
      return running.size;
    },
    wrap(handle: Handle): Handle {
      return (invocation) => {
        if (!open) {
          return Promise.resolve(
            reply({ blocks: [text('The coach is restarting. Please try again in a moment; nothing was changed.')] }),
          );
        }
        const pending = handle(invocation).finally(() => running.delete(pending));
        running.add(pending);
        return pending;
      };
    },
    /** Refuses new commands from now on, then waits for the running ones (at most timeoutMs). True if all finished. */
    async drain(timeoutMs: number): Promise<boolean> {
      open = false;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
      const finished = Promise.allSettled([...running]).then(() => true as const);
      const result = await Promise.race([finished, timeout]);
      clearTimeout(timer);
      return result;
    },
  };
}
