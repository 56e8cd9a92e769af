// Discord's signature on an HTTP interaction: Ed25519 over timestamp + raw body, checked against the application's
// public key (hex, from the Developer Portal), plus a freshness window on the timestamp against replays.
import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import type { Clock } from '../../clock.ts';

/** Either way: a replay is refused once older than this, and a little clock skew is forgiven. Slack's window too. */
export const MAX_SKEW_SECONDS = 5 * 60;

export type SignatureVerdict = 'ok' | 'missing' | 'bad' | 'stale';

/** A 32-byte raw Ed25519 key as a KeyObject: node:crypto takes raw OKP keys as JWK. */
export function publicKeyFromHex(hex: string): KeyObject {
  const raw = Buffer.from(hex, 'hex');
  if (raw.length !== 32 || raw.toString('hex') !== hex.toLowerCase())
    throw new Error('a Discord public key is 64 hex characters');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

export function createSignatureCheck(deps: { publicKey: string; clock: Clock }) {
  const key = publicKeyFromHex(deps.publicKey);
  return function check(signature: string | undefined, timestamp: string | undefined, body: Buffer): SignatureVerdict {
    if (!signature || !timestamp) return 'missing';
    // Buffer.from(…, 'hex') stops at the first bad pair: the round trip refuses anything but 64 clean bytes of hex.
    const sig = Buffer.from(signature, 'hex');
    if (sig.length !== 64 || sig.toString('hex') !== signature.toLowerCase()) return 'bad';
    if (!verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, sig)) return 'bad';
    // Checked after the signature, so a stale verdict is only ever given to a request Discord really signed.
    const seconds = Number(timestamp);
    const now = Math.floor(deps.clock.now().getTime() / 1000);
    if (!Number.isInteger(seconds) || Math.abs(now - seconds) > MAX_SKEW_SECONDS) return 'stale';
    return 'ok';
  };
}
