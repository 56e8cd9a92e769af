// Workspace holidays: dates admins declared off. No nudges on them; streaks treat them as excused.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from './db.ts';
import { holidays } from './schema.ts';

export function createHolidayStore(db: Db) {
  const has = db.$client.prepare('select 1 from holidays where workspace_id = ? and date = ?').pluck();
  return {
    /** Returns false when the date was already a holiday. */
    add(workspaceId: number, date: string): boolean {
      return db.insert(holidays).values({ workspaceId, date }).onConflictDoNothing().run().changes > 0;
    },
    remove(workspaceId: number, date: string): boolean {
      return (
        db
          .delete(holidays)
          .where(and(eq(holidays.workspaceId, workspaceId), eq(holidays.date, date)))
          .run().changes > 0
      );
    },
    /** Every holiday of the workspace, oldest first ("YYYY-MM-DD"): the streak code's excused dates. */
    datesOf(workspaceId: number): string[] {
      return db
        .select({ date: holidays.date })
        .from(holidays)
        .where(eq(holidays.workspaceId, workspaceId))
        .orderBy(asc(holidays.date))
        .all()
        .map((r) => r.date);
    },
    isHoliday(workspaceId: number, date: string): boolean {
      return has.get(workspaceId, date) !== undefined;
    },
  };
}
