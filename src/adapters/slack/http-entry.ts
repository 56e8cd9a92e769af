// The HTTP entry: POSTs to /slack/events pass the guard first, then `/roadmap` commands are answered without Bolt and
// the rest goes to Bolt; install and OAuth redirect go straight to Bolt.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Log } from '../../log.ts';
import type { Verdict } from './guard.ts';

export const EVENTS_PATH = '/slack/events';

export function createHttpEntry(deps: {
  boltListener: RequestListener;
  guard: (req: IncomingMessage, res: ServerResponse) => Promise<Verdict>;
  /** Answers a verified request that is a `/roadmap` command and says true; false: not one, Bolt's to answer. */
  answerIfCommand: (req: IncomingMessage, res: ServerResponse, body: Buffer) => boolean;
  log: Log;
}): RequestListener {
  const toBolt = (req: IncomingMessage, res: ServerResponse) => {
    try {
      deps.boltListener(req, res);
    } catch {
      // Bolt throws for paths it does not serve.
      if (!res.headersSent) res.writeHead(404).end();
    }
  };
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'POST' || path !== EVENTS_PATH) return toBolt(req, res);
    deps.guard(req, res).then(
      (verdict) => {
        if (verdict === 'pass') {
          if (!deps.answerIfCommand(req, res, (req as IncomingMessage & { rawBody: Buffer }).rawBody)) toBolt(req, res);
        } else if (verdict === 'refused') deps.log.warn('slack request refused: bad signature or timestamp', { path });
      },
      (error) => {
        deps.log.warn('slack request could not be read', { err: error });
        if (!res.headersSent) res.writeHead(400).end();
      },
    );
  };
}
