// Discord's side of an HTTP interaction's signature: an application key pair made for the test (Discord keeps the
// private half, the bot is given the public one as DISCORD_PUBLIC_KEY) and the headers Discord signs a request with.
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

/** How a request is signed: by the application's key (as Discord does), by another key, or not at all. */
export type Signing = 'discord' | 'other key' | 'none';

/** The hex public key Discord shows in the Developer Portal, for a node:crypto Ed25519 key. */
export function publicKeyHex(key: KeyObject): string {
  return Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
}

export function createDiscordSigner() {
  const application = generateKeyPairSync('ed25519');
  const other = generateKeyPairSync('ed25519');
  return {
    /** For DISCORD_PUBLIC_KEY. */
    publicKey: publicKeyHex(application.publicKey),
    /** X-Signature-Ed25519 over timestamp + body, and X-Signature-Timestamp in seconds (now, unless given). */
    headers(
      raw: string,
      timestamp = Math.floor(Date.now() / 1000),
      signing: Signing = 'discord',
    ): Record<string, string> {
      if (signing === 'none') return {};
      const key = signing === 'other key' ? other.privateKey : application.privateKey;
      const signature = sign(null, Buffer.from(`${timestamp}${raw}`), key).toString('hex');
      return { 'x-signature-ed25519': signature, 'x-signature-timestamp': String(timestamp) };
    },
  };
}
