// A fake Discord gateway (JSON, no compression): HELLO, IDENTIFY/RESUME,
// heartbeats, READY, GUILD_CREATE, injected dispatches.
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { type WebSocket, WebSocketServer } from 'ws';

export interface FakeGuild {
  id: string;
  name: string;
  channelId: string;
}
export interface GatewayOptions {
  applicationId: string;
  botId: string;
  guilds: FakeGuild[];
  heartbeatMs?: number;
}

interface Frame {
  op: number;
  d: any;
  s?: number | null;
  t?: string | null;
}

export async function createDiscordGatewayFake(opts: GatewayOptions) {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const received: Frame[] = [];
  const sessions = new Map<WebSocket, { seq: number; ready: boolean }>();
  const dispatchedAt = new Map<string, number>(); // interaction id → when INTERACTION_CREATE left
  let readyWaiters: (() => void)[] = [];

  const send = (ws: WebSocket, frame: Frame) => ws.send(JSON.stringify({ s: null, t: null, ...frame }));
  const dispatch = (ws: WebSocket, t: string, d: unknown) => {
    const session = sessions.get(ws)!;
    send(ws, { op: 0, t, s: ++session.seq, d });
  };

  server.on('connection', (ws) => {
    sessions.set(ws, { seq: 0, ready: false });
    send(ws, { op: 10, d: { heartbeat_interval: opts.heartbeatMs ?? 1000 } });
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      received.push(frame);
      if (frame.op === 1) send(ws, { op: 11, d: null });
      else if (frame.op === 2) {
        dispatch(ws, 'READY', {
          v: 10,
          session_id: `session-${received.length}`,
          resume_gateway_url: url,
          shard: [0, 1],
          user: {
            id: opts.botId,
            username: 'Roadmap Coach',
            discriminator: '0',
            global_name: null,
            avatar: null,
            bot: true,
          },
          application: { id: opts.applicationId, flags: 0 },
          guilds: opts.guilds.map((g) => ({ id: g.id, unavailable: true })),
        });
        for (const g of opts.guilds) dispatch(ws, 'GUILD_CREATE', guildCreate(g));
        markReady(ws);
      } else if (frame.op === 6) {
        sessions.get(ws)!.seq = frame.d.seq; // a resumed session carries on its sequence
        dispatch(ws, 'RESUMED', {});
        markReady(ws);
      }
    });
    ws.on('close', () => sessions.delete(ws));
  });

  function markReady(ws: WebSocket) {
    sessions.get(ws)!.ready = true;
    for (const w of readyWaiters) w();
    readyWaiters = [];
  }

  const live = () => [...sessions].filter(([ws, s]) => s.ready && ws.readyState === ws.OPEN).map(([ws]) => ws);

  return {
    url,
    received,
    dispatchedAt,
    /** Sends INTERACTION_CREATE to every ready connection and notes when it left. */
    interaction(payload: { id: string } & Record<string, unknown>) {
      dispatchedAt.set(payload.id, performance.now());
      for (const ws of live()) dispatch(ws, 'INTERACTION_CREATE', payload);
    },
    /** Resolves once a client has identified or resumed (after the current ones, if `fresh`). */
    whenReady: (fresh = false) =>
      new Promise<void>((resolve) => (!fresh && live().length ? resolve() : readyWaiters.push(resolve))),
    /** Drops every connection with a resumable close code, as Discord does when it restarts a gateway node. */
    dropConnections() {
      for (const ws of live()) ws.close(4000, 'Unknown error');
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of server.clients) ws.terminate();
        server.close(() => resolve());
      }),
  };
}

function guildCreate(g: FakeGuild) {
  return {
    id: g.id,
    name: g.name,
    icon: null,
    owner_id: '1',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    features: [],
    roles: [],
    emojis: [],
    stickers: [],
    joined_at: '2026-01-01T00:00:00.000Z',
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [],
    presences: [],
    threads: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    channels: [
      {
        id: g.channelId,
        type: 0,
        name: 'general',
        guild_id: g.id,
        position: 0,
        permission_overwrites: [],
        parent_id: null,
        nsfw: false,
        topic: null,
      },
    ],
  };
}

export type DiscordGatewayFake = Awaited<ReturnType<typeof createDiscordGatewayFake>>;
