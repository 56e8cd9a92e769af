// The whole fake Discord (REST + gateway) and builders for the interaction payloads Discord dispatches.
import { createDiscordGatewayFake, type FakeGuild } from './discord-gateway.ts';
import { createDiscordRestFake, type DiscordRestOptions } from './discord-rest.ts';

export const APP_ID = '1100000000000000001';
export const BOT_ID = '1100000000000000001';
export const GUILD: FakeGuild = { id: '1200000000000000001', name: 'Study Group', channelId: '1300000000000000001' };
export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
}
export const ADA: FakeUser = {
  id: '1400000000000000001',
  username: 'ada',
  global_name: 'Ada L',
  discriminator: '0',
  avatar: null,
};

export async function createDiscordFake(
  opts: { heartbeatMs?: number; rest?: Omit<DiscordRestOptions, 'gatewayUrl'> } = {},
) {
  const gateway = await createDiscordGatewayFake({
    applicationId: APP_ID,
    botId: BOT_ID,
    guilds: [GUILD],
    heartbeatMs: opts.heartbeatMs,
  });
  const rest = await createDiscordRestFake({ ...opts.rest, gatewayUrl: () => gateway.url });
  return {
    gateway,
    rest,
    /** Requests to one route, e.g. callbacks for an interaction: fake.requestsTo(/\/interactions\/7\//). */
    requestsTo: (path: RegExp, method?: string) =>
      rest.requests.filter((r) => path.test(r.path) && (!method || r.method === method)),
    /** Resolves with the first request to a route (already received or still to come). */
    nextRequest(path: RegExp, timeoutMs = 5000) {
      return new Promise<(typeof rest.requests)[number]>((resolve, reject) => {
        const found = rest.requests.find((r) => path.test(r.path));
        if (found) return resolve(found);
        const timer = setTimeout(() => {
          off();
          reject(new Error(`no request to ${path} within ${timeoutMs} ms`));
        }, timeoutMs);
        const off = rest.onRequest((r) => {
          if (path.test(r.path)) {
            clearTimeout(timer);
            off();
            resolve(r);
          }
        });
      });
    },
    close: async () => {
      await gateway.close();
      await rest.close();
    },
  };
}

export type DiscordFake = Awaited<ReturnType<typeof createDiscordFake>>;

let counter = 0;
export const nextId = () => `15${String(Date.now()).slice(-8)}${String(++counter).padStart(8, '0')}`;

type Option = { type: number; name: string; value?: string; focused?: boolean; options?: Option[] };

function base(type: number, data: unknown, user: FakeUser = ADA, extra: Record<string, unknown> = {}) {
  const id = nextId();
  return {
    id,
    application_id: APP_ID,
    type,
    token: `token-${id}`,
    version: 1,
    data,
    guild_id: GUILD.id,
    channel_id: GUILD.channelId,
    channel: { id: GUILD.channelId, type: 0, name: 'general', guild_id: GUILD.id },
    guild: { id: GUILD.id, locale: 'en-US', features: [] },
    member: {
      user,
      roles: [],
      permissions: '2248473465835073',
      joined_at: '2026-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      nick: null,
      flags: 0,
    },
    app_permissions: '2248473465835073',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { 0: GUILD.id },
    context: 0,
    ...extra,
  };
}

/** `/roadmap <sub> name:value…`, as Discord dispatches it. */
export function slashCommand(sub: string, values: Record<string, string> = {}, user: FakeUser = ADA) {
  const options = Object.entries(values).map(([name, value]) => ({ type: 3, name, value }));
  return base(
    2,
    { id: '1600000000000000001', name: 'roadmap', type: 1, options: [{ type: 1, name: sub, options }] },
    user,
  );
}

/** Autocomplete while typing `focused` into option `name` of `/roadmap <sub>`. */
export function autocomplete(sub: string, name: string, typed: string) {
  const options: Option[] = [{ type: 1, name: sub, options: [{ type: 3, name, value: typed, focused: true }] }];
  return base(4, { id: '1600000000000000001', name: 'roadmap', type: 1, options });
}

/** A click on a button with `customId`; in a guild on an ephemeral message by default, or in a DM. */
export function buttonClick(customId: string, opts: { dm?: boolean; ephemeral?: boolean } = {}) {
  const msg = {
    id: nextId(),
    channel_id: GUILD.channelId,
    type: 0,
    content: '',
    author: { id: BOT_ID, username: 'Roadmap Coach', discriminator: '0', avatar: null, bot: true },
    embeds: [],
    components: [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: '2026-11-26T09:00:00.000Z',
    edited_timestamp: null,
    flags: opts.ephemeral === false ? 0 : 64,
  };
  const payload = base(3, { custom_id: customId, component_type: 2 }, ADA, { message: msg });
  if (!opts.dm) return payload;
  const { guild_id: _g, guild: _gg, member: _m, guild_locale: _l, ...rest } = payload;
  const dm = `9${ADA.id}`;
  return {
    ...rest,
    user: ADA,
    channel_id: dm,
    channel: { id: dm, type: 1, recipients: [ADA] },
    context: 1,
    message: { ...msg, channel_id: dm, flags: 0 },
  };
}
