// Private notes a member keeps on topics: several per topic, newest first.
import type { NoteQueries, NoteRow } from '../port.ts';
import type { Runner } from '../sql/database.ts';
import { unplanned } from '../sql/fragments.ts';

const COLUMNS = `select n.id as "id", n.topic_id as "topicId", t.title as "topicTitle", n.text as "text",
    n.created_at as "createdAt"
  from notes n join topics t on t.id = n.topic_id`;
// Newest first; the id breaks ties between notes written in the same millisecond.
const NEWEST = 'order by n.created_at desc, n.id desc';
const ONE = `${COLUMNS} where n.member_id = @memberId and n.id = @id`;
const ADD = `insert into notes (member_id, topic_id, text, created_at) values (@memberId, @topicId, @text, @now)
  returning id as "id"`;
const EDIT = 'update notes set text = @text where member_id = @memberId and id = @id';
const REMOVE = 'delete from notes where member_id = @memberId and id = @id';

export function noteQueries(r: Runner): NoteQueries {
  const member = unplanned(r.dialect, '@memberId');
  const BY_TOPIC = `${COLUMNS} where n.member_id = ${member} and n.topic_id = ${unplanned(r.dialect, '@topicId')} ${NEWEST}`;
  const BY_MEMBER = `${COLUMNS} where n.member_id = ${member} ${NEWEST}`;
  return {
    async add(memberId, topicId, text, now) {
      return (await r.get<{ id: number }>(ADD, { memberId, topicId, text, now }))!.id;
    },
    forTopic: (memberId, topicId) => r.all<NoteRow>(BY_TOPIC, { memberId, topicId }),
    forMember: (memberId) => r.all<NoteRow>(BY_MEMBER, { memberId }),
    one: (memberId, id) => r.get<NoteRow>(ONE, { memberId, id }),
    async edit(memberId, id, text) {
      await r.run(EDIT, { memberId, id, text });
    },
    async remove(memberId, id) {
      await r.run(REMOVE, { memberId, id });
    },
  };
}
