// `unlink`: this account gets a member of its own again, starting from a copy of the shared progress.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plain } from '../../../src/core/model/reply.ts';
import { createTestApp, rowCounts, type TestApp, textOf } from '../../helpers.ts';

let app: TestApp;
beforeEach(async () => (app = await createTestApp()));
afterEach(() => app.close());

const TERMINAL = { id: 'ada', platform: 'terminal', workspace: 'local' };
const DISCORD = { id: '1400000000000000001', platform: 'discord', workspace: 'guild-1', displayName: 'Ada L' };
const say = async (text: string, who: object) => textOf(await app.say(text, who));

async function codeFor(who: object): Promise<string> {
  const reply = await app.say('link', who);
  const line = reply.blocks
    .flatMap((b) => (b.type === 'text' ? [plain(b.spans)] : []))
    .find((t) => t.startsWith('/roadmap link '));
  return line!.slice('/roadmap link '.length);
}
const members = async () => (await app.sql.get('select count(*) n from members')) as { n: number };
const stateOf = async (memberOf: object & { id: string }, path: string) =>
  (
    (await app.sql.get(
      `select p.state from progress p join identities i on i.member_id = p.member_id join topics t on t.id = p.topic_id
      where i.platform_user_id = @user and t.path like @path`,
      { user: memberOf.id, path: `%${path}` },
    )) as { state: string } | undefined
  )?.state;

describe('unlink', () => {
  it('unlink splits this account off with a copy of the progress', async () => {
    await app.say('done redis', TERMINAL);
    await app.say(`link ${await codeFor(TERMINAL)}`, DISCORD);
    expect(await say('unlink', DISCORD)).toContain('Account unlinked');
    expect((await members()).n).toBe(2);
    await app.say('done mysql', DISCORD);
    expect(await stateOf(DISCORD, '/redis')).toBe('done');
    expect(await stateOf(TERMINAL, '/mysql')).toBeUndefined();
    expect(await say('unlink', DISCORD)).toContain('not linked');
  });

  it('refuses an account that is not linked, changing nothing', async () => {
    await app.say('done redis', TERMINAL);
    const before = await rowCounts(app);
    const reply = await app.say('unlink', TERMINAL);
    expect(textOf(reply)).toContain('This account is not linked to another one.');
    expect(textOf(reply)).toContain('`link` joins it');
    expect(await rowCounts(app)).toEqual(before);
  });
});
