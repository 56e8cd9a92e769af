// A pre-check in front of Bolt's receiver: Slack's v0 signature, a timestamp within 5 minutes either way (Bolt
// only refuses old ones), and repeated deliveries acknowledged without running anything again.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../clock.ts';
import { header, readBody } from '../../server/request.ts';
import type { FirstSeen } from '../adapter.ts';

const MAX_SKEW_SECONDS = 5 * 60;
const BODY_LIMIT = 1024 * 1024;

export type Verdict = 'pass' | 'refused' | 'retry';

/** Reads the body onto req.rawBody (Bolt reuses it), then decides; refusals and retries are answered here. */
export function createGuard(deps: { signingSecret: string; clock: Clock; firstSeen: FirstSeen }) {
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
    // Slack retries an Events API event it thinks we missed (x-slack-retry-num), maybe to another replica. Its
    // event id is taken in the store on every delivery: a retry runs only when no replica ever took the first.
    const eventId = eventIdOf(body);
    if (eventId !== undefined)
      return (await deps.firstSeen(`slack-event:${eventId}`)) ? 'pass' : answer(res, 200, 'retry');
    // Slack retries nothing else (slash commands and buttons are never resent), so a retry of one is not run again.
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

/** An Events API callback's event_id (its body is JSON; commands and buttons come form-encoded), else undefined. */
function eventIdOf(body: Buffer): string | undefined {
  if (body[0] !== 0x7b) return undefined; // '{'
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { type?: unknown; event_id?: unknown };
    return parsed.type === 'event_callback' && typeof parsed.event_id === 'string' ? parsed.event_id : undefined;
  } catch {
    return undefined; // Bolt answers a malformed body itself
  }
}

function answer(res: ServerResponse, status: number, verdict: Verdict): Verdict {
  res.writeHead(status).end();
  return verdict;
}
