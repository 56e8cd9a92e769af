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
  const columns = {
    id: notes.id,
    topicId: notes.topicId,
    topicTitle: topics.title,
    text: notes.text,
    createdAt: notes.createdAt,
  };
  const mine = eq(notes.memberId, sql.placeholder('memberId'));
  // Newest first; the id breaks ties between notes written in the same millisecond. Prepared: `topic` reads them.
  const byTopic = db
    .select(columns)
    .from(notes)
    .innerJoin(topics, eq(topics.id, notes.topicId))
    .where(and(mine, eq(notes.topicId, sql.placeholder('topicId'))))
    .orderBy(desc(notes.createdAt), desc(notes.id))
    .prepare();
  const byMember = db
    .select(columns)
    .from(notes)
    .innerJoin(topics, eq(topics.id, notes.topicId))
    .where(mine)
    .orderBy(desc(notes.createdAt), desc(notes.id))
    .prepare();

  return {
    /** Returns the new note's number. */
    add(memberId: number, topicId: number, text: string, now: number): number {
      return db.insert(notes).values({ memberId, topicId, text, createdAt: now }).returning({ id: notes.id }).get().id;
    },
    forTopic(memberId: number, topicId: number): NoteRow[] {
      return byTopic.all({ memberId, topicId });
    },
    forMember(memberId: number): NoteRow[] {
      return byMember.all({ memberId });
    },
    /** One of the member's own notes by its number (its id), or undefined: nobody reaches another's notes. */
    one(memberId: number, id: number): NoteRow | undefined {
      return db
        .select(columns)
        .from(notes)
        .innerJoin(topics, eq(topics.id, notes.topicId))
        .where(and(eq(notes.memberId, memberId), eq(notes.id, id)))
        .get();
    },
    /** Replaces a note's text, keeping its topic and date. */
    edit(memberId: number, id: number, text: string): void {
      db.update(notes)
        .set({ text })
        .where(and(eq(notes.memberId, memberId), eq(notes.id, id)))
        .run();
    },
    remove(memberId: number, id: number): void {
      db.delete(notes)
        .where(and(eq(notes.memberId, memberId), eq(notes.id, id)))
        .run();
    },
  };
}
