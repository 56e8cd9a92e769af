// Reading a request the way every signed webhook needs it: the raw body (the signature covers its exact bytes) with a
// size limit, and one header's value.
import type { IncomingMessage } from 'node:http';

/** The whole body, or undefined past the limit. Plain stream events: an async iterator costs more per request. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData).resume(); // drain the rest unread
      resolve(undefined);
    };
    req
      .on('data', onData)
      .once('error', reject)
      .once('end', () => {
        if (size <= limit) resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
      });
  });
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
