// Discord's HTTP interactions endpoint (POST /discord/interactions): the signature checked before anything is read,
// PING answered with PONG, every other interaction turned into the discord.js object the gateway would have made
// and answered by the same routes; the first answer is this request's response.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type Client, Events, type Interaction, InteractionResponseType, InteractionType } from 'discord.js';
import type { Clock } from '../../clock.ts';
import type { Log } from '../../log.ts';
import { header, readBody } from '../../server/request.ts';
import { INTERACTIONS_PATH } from './platform.ts';
import type { Target } from './respond.ts';
import type { Outcome } from './routes.ts';
import { createSignatureCheck } from './signature.ts';

const BODY_LIMIT = 256 * 1024; // an interaction is a few kilobytes; more is not Discord

export interface EndpointDeps {
  publicKey: string; // hex, from the Developer Portal's General Information page
  clock: Clock;
  log: Log;
  client: Client; // builds the interaction objects, as it does for gateway events
  route: (interaction: Interaction, answer: NonNullable<Target['answer']>) => Promise<Outcome>;
}

export function createInteractionsEndpoint(deps: EndpointDeps): RequestListener {
  const { log } = deps;
  const check = createSignatureCheck(deps);

  return (req, res) =>
    void receive(req, res).catch((err: unknown) => {
      log.error('discord: interaction failed', { err });
      if (!res.headersSent) res.writeHead(500).end();
    });

  async function receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== INTERACTIONS_PATH)
      return void res.writeHead(404).end();
    if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
    const body = await readBody(req, BODY_LIMIT);
    if (body === undefined) return void res.writeHead(413).end();
    const verdict = check(header(req, 'x-signature-ed25519'), header(req, 'x-signature-timestamp'), body);
    if (verdict !== 'ok') {
      // Discord itself sends unsigned and badly signed requests to check that we refuse them: a debug line only.
      if (verdict === 'stale') log.warn('discord: a signed interaction is too old or too new: is the clock right?');
      else log.debug('discord: interaction refused', { verdict });
      return void res.writeHead(401).end('invalid request signature');
    }
    const raw = parse(body);
    if (!raw) return void res.writeHead(400).end('not an interaction');
    if (raw.type === InteractionType.Ping) return json(res, { type: InteractionResponseType.Pong });

    const interaction = toInteraction(deps.client, raw);
    if (!interaction) return void res.writeHead(400).end('interaction type not handled');
    let answered = false;
    const answer = (response: unknown) => {
      answered = true;
      return json(res, response);
    };
    const outcome = await deps.route(interaction, answer);
    if (answered) return;
    // Unanswered: the first delivery of this id is answered elsewhere, or the app never asks for this kind.
    if (outcome === 'duplicate') res.writeHead(409).end('interaction already received');
    else res.writeHead(400).end('interaction type not handled');
  }
}

/**
 * The discord.js object for a raw interaction, made by the client's own INTERACTION_CREATE handler, which the gateway
 * path runs too; it emits synchronously, so the listener catches exactly this one. undefined: a kind discord.js
 * does not build (it skips those on the gateway as well).
 */
function toInteraction(client: Client, raw: unknown): Interaction | undefined {
  let made: Interaction | undefined;
  const keep = (interaction: Interaction) => {
    made = interaction;
  };
  client.on(Events.InteractionCreate, keep);
  try {
    (client as unknown as GatewayActions).actions.InteractionCreate.handle(raw);
  } finally {
    client.off(Events.InteractionCreate, keep);
  }
  return made;
}

/** The private part of discord.js used here: its handler for INTERACTION_CREATE payloads. */
interface GatewayActions {
  actions: { InteractionCreate: { handle(data: unknown): void } };
}

function parse(body: Buffer): { type: number } | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'number'
      ? (value as { type: number })
      : undefined;
  } catch {
    return undefined;
  }
}

function json(res: ServerResponse, body: unknown): Promise<void> {
  return new Promise((resolve) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body), resolve),
  );
}
