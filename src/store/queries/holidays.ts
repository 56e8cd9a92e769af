// Workspace holidays: dates admins declared off. No nudges on them; streaks treat them as excused.
import type { HolidayQueries } from '../port.ts';
import type { Runner } from '../sql/database.ts';
import { unplanned } from '../sql/fragments.ts';

const ADD = 'insert into holidays (workspace_id, date) values (@workspaceId, @date) on conflict do nothing';
const REMOVE = 'delete from holidays where workspace_id = @workspaceId and date = @date';
const HAS = 'select 1 as "one" from holidays where workspace_id = @workspaceId and date = @date';

export function holidayQueries(r: Runner): HolidayQueries {
  const DATES = `select date as "date" from holidays where workspace_id = ${unplanned(r.dialect, '@workspaceId')} order by date`;
  return {
    async add(workspaceId, date) {
      return (await r.run(ADD, { workspaceId, date })).changes > 0;
    },
    async remove(workspaceId, date) {
      return (await r.run(REMOVE, { workspaceId, date })).changes > 0;
    },
    async datesOf(workspaceId) {
      return r.column<string>(DATES, { workspaceId });
    },
    async isHoliday(workspaceId, date) {
      return (await r.get(HAS, { workspaceId, date })) !== undefined;
    },
  };
}
