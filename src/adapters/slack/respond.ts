// Posts a reply to a response_url over pooled keep-alive connections: lighter than Bolt's axios-based respond(),
// and one pool that stop() can close.
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

const TIMEOUT_MS = 5000;

export function createResponder() {
  const http = new HttpAgent({ keepAlive: true, maxSockets: 64 });
  const https = new HttpsAgent({ keepAlive: true, maxSockets: 64 });
  return {
    /** Resolves when Slack accepted the message; rejects with the
     *  status otherwise. The URL came in a signed request. */
    post(url: string, message: Record<string, unknown>): Promise<void> {
      const target = new URL(url);
      const body = JSON.stringify(message);
      const secure = target.protocol === 'https:';
      const send = secure ? httpsRequest : httpRequest;
      return new Promise((resolve, reject) => {
        const req = send(
          target,
          {
            method: 'POST',
            agent: secure ? https : http,
            timeout: TIMEOUT_MS,
            headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            res
              .resume()
              .on('end', () =>
                (res.statusCode ?? 0) < 300 ? resolve() : reject(new Error(`response_url answered ${res.statusCode}`)),
              );
          },
        );
        req
          .on('timeout', () => req.destroy(new Error('response_url timed out')))
          .on('error', reject)
          .end(body);
      });
    },
    close() {
      http.destroy();
      https.destroy();
    },
  };
}

export type Responder = ReturnType<typeof createResponder>;
