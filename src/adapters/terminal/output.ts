// The chat's output stream as a reader sees it: a slow reader paces the chat, a reader that goes away ends it
// quietly, and nothing written is lost when the process stops.
import type { Writable } from 'node:stream';

export interface ChatOutput {
  readonly gone: boolean;
  /** Writes text; resolves when the reader has room for more, so a slow reader holds the chat back, not memory. */
  write(text: string): Promise<void>;
  /** Resolves when everything written has reached the reader (or
   *  the reader is gone): only then may the process exit. */
  flush(): Promise<void>;
}

/** onGone: called once when writing fails (EPIPE: `… | head -5` closed its end); there is nobody left to answer. */
export function createChatOutput(stream: Writable, onGone: () => void): ChatOutput {
  let gone = false;
  stream.on('error', () => {
    if (gone) return;
    gone = true;
    onGone();
  });
  return {
    get gone() {
      return gone;
    },
    async write(text) {
      if (gone) return;
      if (!stream.write(text)) await drained(stream);
    },
    flush() {
      // Writes complete in order, so an empty write's callback runs after every earlier write has been taken.
      return new Promise((resolve) => (gone || stream.destroyed ? resolve() : stream.write('', () => resolve())));
    },
  };
}

function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done).off('error', done).off('close', done);
      resolve();
    };
    stream.on('drain', done).on('error', done).on('close', done);
  });
}
