// Socket Mode end to end: the real Bolt app connects to the fake Socket Mode server through apps.connections.open,
// takes /roadmap and button envelopes, answers in its acks, reconnects when asked, and closes cleanly on stop.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { envelopes } from '../../fakes/slack-socket-mode.ts';
import { APP_TOKEN, BOT_TOKEN, type SocketBot, startSocketBot } from './socket-harness.ts';

type Button = { action_id: string; value: string; text: { text: string } };
type Message = {
  response_type?: string;
  text?: string;
  blocks?: { type: string; text?: { text: string }; elements?: Button[] }[];
};

const buttonsOf = (m: Message) => (m.blocks ?? []).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
const headingOf = (m: Message) => m.blocks?.find((b) => b.type === 'header')?.text?.text;

describe('slack in Socket Mode', () => {
  let bot: SocketBot;
  beforeEach(async () => {
    bot = await startSocketBot();
  });
  afterEach(async () => {
    await bot.close(); // stops the adapter (again, in the stop() test: harmless)
    expect(bot.socket.violations).toEqual([]);
    expect(bot.api.violations).toEqual([]);
  });

  it('opens its socket with the app-level token and takes its hello', async () => {
    expect(bot.socket.opens).toEqual([{ token: APP_TOKEN, ok: true }]);
    expect(bot.socket.connections).toHaveLength(1);
    expect(bot.api.callsTo('apps.connections.open')).toEqual([]); // answered by the socket fake, not passed upstream
  });

  it('answers /roadmap next in the ack itself, privately, and records the member', async () => {
    const ack = await bot.command('next', 'n1');
    const reply = ack.payload as Message;
    expect(reply.response_type).toBe('ephemeral');
    expect(headingOf(reply)).toBe('Choose Your Backend Language');
    expect(buttonsOf(reply).map((b) => b.value)).toContain('track nodejs');
    expect(typeof reply.text).toBe('string');
    expect(bot.api.responses).toEqual([]); // the ack carried it: nothing went to the response_url

    expect(bot.api.callsTo('users.info')).toEqual([
      expect.objectContaining({ token: BOT_TOKEN, params: expect.objectContaining({ user: 'U1' }) }),
    ]);
    const members = bot.db.sqlite
      .prepare(`
      SELECT m.display_name, m.time_zone, i.platform_user_id FROM members m JOIN identities i ON i.member_id = m.id`)
      .all();
    expect(members).toEqual([{ display_name: 'Alice', time_zone: 'Europe/Berlin', platform_user_id: 'U1' }]);
    expect(bot.progressOf('U1')).toEqual([]);

    const started = await bot.command('start express', 'n2');
    expect((started.payload as Message).response_type).toBe('ephemeral');
    expect(bot.progressOf('U1')).toEqual([{ path: expect.stringContaining('express'), state: 'learning' }]);
    expect(bot.eventCount()).toBe(1);
  });

  it('acks a button click, replaces the message, and applies the same envelope delivered twice once', async () => {
    const card = (await bot.command('topic express', 'card')).payload as Message;
    const done = buttonsOf(card).find((b) => b.text.text === 'Done');
    expect(done?.action_id).toMatch(/^cmd:\d+$/);
    expect(done?.value).toMatch(/^done .*express/);
    expect(bot.eventCount()).toBe(0);

    const click = envelopes.interactive(bot.clickPayload(done!, 'click'));
    const [first, second] = await Promise.all([bot.socket.deliver(click), bot.socket.deliver(click)]);
    expect([first, second]).toEqual([
      { envelope_id: click.envelope_id, payload: {} },
      { envelope_id: click.envelope_id, payload: {} },
    ]);

    // The listener acks first and answers through the response_url afterwards.
    const replaced = await bot.api.waitFor(() => {
      const posted = bot.api.responses.filter((r) => r.id === 'click');
      return posted.length === 2 && posted;
    });
    expect(replaced.map((r) => r.body.replace_original)).toEqual([true, true]);
    expect(bot.progressOf('U1')).toEqual([{ path: done!.value.slice('done '.length), state: 'done' }]);
    expect(bot.eventCount()).toBe(1);
  });

  it('reconnects through apps.connections.open when Slack asks it to, and keeps answering', async () => {
    const [first] = bot.socket.connections;
    bot.socket.disconnect('refresh_requested');
    expect(await bot.socket.closed(first!)).toBe(1000); // the client closed the old socket normally
    const second = await bot.socket.connected(2);
    expect(second.ticket).not.toBe(first!.ticket);
    expect(bot.socket.opens).toEqual([
      { token: APP_TOKEN, ok: true },
      { token: APP_TOKEN, ok: true },
    ]);

    const ack = await bot.command('done express', 'after');
    expect((ack.payload as Message).response_type).toBe('ephemeral');
    expect(JSON.stringify(ack.payload)).toContain('Done');
    expect(bot.progressOf('U1')).toEqual([{ path: expect.stringContaining('express'), state: 'done' }]);
  });

  it('stop() closes the socket with a normal closure before it resolves, and does not reconnect', async () => {
    const [connection] = bot.socket.connections;
    await bot.adapter.stop();
    expect(bot.socket.openCount()).toBe(0); // the close handshake had begun before stop() resolved
    expect(await bot.socket.closed(connection!)).toBe(1000);
    expect(bot.socket.opens).toHaveLength(1);
  });
});
