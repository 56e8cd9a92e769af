// `/roadmap export` end to end: the answer in the ack, then the JSON file uploaded privately into the member's DM.
import { afterEach, describe, expect, it } from 'vitest';
import { type Bot, startBot } from './harness.ts';
import { slashBody } from './requests.ts';

const FILE = 'roadmap-coach-my-data.json';

describe('slack /roadmap export', () => {
  let bot: Bot;
  afterEach(async () => {
    await bot.close();
  });

  async function exportAfterDone(responseId: string) {
    expect((await bot.postForm(slashBody('done express', bot.fake.responseUrl('done')))).status).toBe(200);
    const res = await bot.postForm(slashBody('export', bot.fake.responseUrl(responseId)));
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  }

  it(
    'answers in the ack, then uploads the JSON into the ' + 'DM: conversations.open, upload URL, bytes, completion',
    async () => {
      bot = await startBot();
      const ack = await exportAfterDone('export');
      expect(ack.response_type).toBe('ephemeral');
      expect(JSON.stringify(ack.blocks)).toContain('Your data');
      expect(JSON.stringify(ack.blocks)).toContain(`Sent to you as a direct message from Roadmap Coach: \`${FILE}\``);

      const completed = await bot.fake.waitFor(() => bot.fake.callsTo('files.completeUploadExternal')[0]);
      expect(bot.fake.callsTo('conversations.open').map((c) => c.params.users)).toEqual(['U1']);
      expect(completed.params.channel_id).toBe('DU1'); // the DM the fake opened for U1: private to the member
      expect(completed.token).toBe('xoxb-test-token');

      const asked = bot.fake.callsTo('files.getUploadURLExternal');
      expect(asked.map((c) => c.params.filename)).toEqual([FILE]);
      expect(bot.fake.uploads).toHaveLength(1);
      const upload = bot.fake.uploads[0]!;
      expect(Number(asked[0]!.params.length)).toBe(upload.bytes.length);
      expect(JSON.parse(String(completed.params.files))).toEqual([{ id: upload.fileId, title: FILE }]);

      const data = JSON.parse(upload.bytes.toString('utf8')) as {
        profile: Record<string, unknown>;
        progress: { topic: string; state: string }[];
      };
      expect(data.profile).toMatchObject({ displayName: 'Alice' });
      expect(data.progress).toEqual([
        expect.objectContaining({ topic: expect.stringContaining('expressjs'), state: 'done' }),
      ]);

      expect(bot.fake.responses).toEqual([]); // nothing went wrong, so no follow-up
      expect(bot.fake.violations).toEqual([]);
    },
  );

  it('when the upload keeps failing, tells the member privately through the response_url', async () => {
    bot = await startBot();
    bot.fake.failUploads(500, 500, 500); // the first try and both retries
    await exportAfterDone('broken');
    const followUp = await bot.fake.waitFor(() => bot.fake.responses.find((r) => r.id === 'broken'), 5000);
    expect(followUp.body.response_type).toBe('ephemeral');
    expect(followUp.body.replace_original).toBe(false); // the answer stays; the apology comes under it
    expect(JSON.stringify(followUp.body.blocks)).toContain(`could not deliver \`${FILE}\``);
    expect(bot.fake.callsTo('files.completeUploadExternal')).toEqual([]);
    expect(bot.fake.uploads).toEqual([]);
  });

  it('when the installation lacks files:write, says that an admin must reinstall', async () => {
    bot = await startBot();
    bot.fake.answer('files.getUploadURLExternal', () => ({ ok: false, error: 'missing_scope', needed: 'files:write' }));
    await exportAfterDone('scope');
    const followUp = await bot.fake.waitFor(() => bot.fake.responses.find((r) => r.id === 'scope'));
    expect(JSON.stringify(followUp.body.blocks)).toContain('needs to reinstall the app');
    expect(bot.fake.uploads).toEqual([]);
  });
});
