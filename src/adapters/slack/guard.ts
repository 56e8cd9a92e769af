// A pre-check in front of Bolt's receiver: Slack's v0 signature, a timestamp within 5 minutes either way (Bolt
// only refuses old ones), and retries acknowledged without running anything again.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../clock.ts';
import { header, readBody } from '../../server/request.ts';

const MAX_SKEW_SECONDS = 5 * 60;
const BODY_LIMIT = 1024 * 1024;

export type Verdict = 'pass' | 'refused' | 'retry';

/** Reads the body onto req.rawBody (Bolt reuses it), then decides; refusals and retries are answered here. */
export function createGuard(deps: { signingSecret: string; clock: Clock }) {
  return async function guard(req: IncomingMessage, res: ServerResponse): Promise<Verdict> {
    const body = await readBody(req, BODY_LIMIT);
    if (body === undefined) return answer(res, 413, 'refused');
    (req as IncomingMessage & { rawBody: Buffer }).rawBody = body;
    const timestamp = Number(header(req, 'x-slack-request-timestamp'));
    const now = Math.floor(deps.clock.now().getTime() / 1000);
    if (!Number.isInteger(timestamp) || Math.abs(now - timestamp) > MAX_SKEW_SECONDS)
      return answer(res, 401, 'refused');
    if (!signatureMatches(deps.signingSecret, timestamp, body, header(req, 'x-slack-signature')))
      return answer(res, 401, 'refused');
    // Slack retries an event it thinks we missed; the first delivery was acked and is already being handled.
    if (header(req, 'x-slack-retry-num') !== undefined) return answer(res, 200, 'retry');
    return 'pass';
  };
}

export function sign(secret: string, timestamp: number, body: Buffer | string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`;
}

function signatureMatches(secret: string, timestamp: number, body: Buffer, given: string | undefined): boolean {
  if (!given) return false;
  const expected = Buffer.from(sign(secret, timestamp, body));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function answer(res: ServerResponse, status: number, verdict: Verdict): Verdict {
  res.writeHead(status).end();
  return verdict;
}
