// Private notes a member keeps on topics: several per topic, newest first.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from './db.ts';
import { notes, topics } from './schema.ts';

export interface NoteRow {
  id: number;
  topicId: number;
  topicTitle: string;
  text: string;
  createdAt: number;
}

export function createNoteStore(db: Db) {
  const columns = { id: notes.id, topicId: notes.topicId, topicTitle: topics.title, text: notes.text, createdAt: notes.createdAt };
  const mine = eq(notes.memberId, sql.placeholder('memberId'));
  // Newest first; the id breaks ties between notes written in the same millisecond. Prepared: `topic` reads them.
  const byTopic = db.select(columns).from(notes).innerJoin(topics, eq(topics.id, notes.topicId))
    .where(and(mine, eq(notes.topicId, sql.placeholder('topicId')))).orderBy(desc(notes.createdAt), desc(notes.id)).prepare();
  const byMember = db.select(columns).from(notes).innerJoin(topics, eq(topics.id, notes.topicId))
    .where(mine).orderBy(desc(notes.createdAt), desc(notes.id)).prepare();

  return {
    add(memberId: number, topicId: number, text: string, now: number): void {
      db.insert(notes).values({ memberId, topicId, text, createdAt: now }).run();
    },
    forTopic(memberId: number, topicId: number): NoteRow[] {
      return byTopic.all({ memberId, topicId });
    },
    forMember(memberId: number): NoteRow[] {
      return byMember.all({ memberId });
    },
  };
}
