import type { Kysely } from 'kysely';
import type { CalendarDay, WorkCalendarView } from '../../../common/contracts/workdays';
import { addDays, type IsoDate } from '../../../common/compliance-calendar';
import { DEFAULT_ESCALATION, isWorkingDay, workCalendar, type EscalationSettings, type WorkCalendar } from '../../../common/working-days';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import type { Actor } from '../../db/scope';
import { AppError, forbidden } from '../../http/errors';

/** The working-day calendar (工作日历) kept by the administrator, and the escalation settings. */
const SETTINGS_KEY = 'issue_escalation';

export async function loadWorkCalendar(db: Kysely<DB>, from: IsoDate, to: IsoDate): Promise<WorkCalendar> {
  const rows = await db.selectFrom('calendar_days').select(['day', 'kind']).where('day', '>=', from).where('day', '<=', to).execute();
  return workCalendar(rows);
}

export async function escalationSettings(db: Kysely<DB>): Promise<EscalationSettings> {
  const row = await db.selectFrom('app_meta').select('value').where('key', '=', SETTINGS_KEY).executeTakeFirst();
  return { ...DEFAULT_ESCALATION, ...((row?.value as Partial<EscalationSettings> | undefined) ?? {}) };
}

export async function getWorkCalendar(db: Kysely<DB>, year: number): Promise<WorkCalendarView> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const days = await db.selectFrom('calendar_days').select(['day', 'kind', 'name']).where('day', '>=', from).where('day', '<=', to).orderBy('day').execute();
  const calendar = workCalendar(days);
  let workingDays = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(calendar, d)) workingDays += 1;
  return { year, days, workingDays, settings: await escalationSettings(db) };
}

function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw forbidden();
}

function weekday(day: IsoDate): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export async function setCalendarDay(db: Kysely<DB>, actor: Actor, input: CalendarDay): Promise<CalendarDay> {
  requireAdmin(actor);
  const weekend = [0, 6].includes(weekday(input.day));
  if (input.kind === 'workday' && !weekend) {
    throw new AppError(400, 'invalid_field', `${input.day} 本来就是工作日，只有周末才能设为调休上班`, `${input.day} is already a working day; only a weekend day can be worked in lieu`, 'kind');
  }
  if (input.kind === 'holiday' && weekend) {
    throw new AppError(400, 'invalid_field', `${input.day} 是周末，本来就不计工作日`, `${input.day} is a weekend day and never counts as a working day`, 'kind');
  }
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('calendar_days').selectAll().where('day', '=', input.day).executeTakeFirst();
    await trx
      .insertInto('calendar_days')
      .values({ ...input, updated_by: actor.userId })
      .onConflict((oc) => oc.column('day').doUpdateSet({ kind: input.kind, name: input.name, updated_by: actor.userId, updated_at: new Date() }))
      .execute();
    await writeAudit(trx, actor, { action: 'work_calendar.set_day', entityType: 'calendar_day', entityId: input.day, before: before ?? null, after: input });
    return input;
  });
}

export async function deleteCalendarDay(db: Kysely<DB>, actor: Actor, day: IsoDate): Promise<void> {
  requireAdmin(actor);
  await db.transaction().execute(async (trx) => {
    const before = await trx.deleteFrom('calendar_days').where('day', '=', day).returningAll().executeTakeFirst();
    if (!before) throw new AppError(404, 'not_found', `${day} 不在日历的特殊日期中`, `${day} is not a special day in the calendar`, 'day');
    await writeAudit(trx, actor, { action: 'work_calendar.delete_day', entityType: 'calendar_day', entityId: day, before });
  });
}

export async function updateEscalationSettings(db: Kysely<DB>, actor: Actor, input: EscalationSettings): Promise<EscalationSettings> {
  requireAdmin(actor);
  if (input.bureauAfterWorkingDays <= input.townAfterWorkingDays) {
    throw new AppError(400, 'invalid_field', '升级到区局的工作日数须大于升级到街镇的工作日数', 'Escalation to the bureau must come after escalation to the town', 'bureauAfterWorkingDays');
  }
  return db.transaction().execute(async (trx) => {
    const before = await escalationSettings(trx);
    await trx
      .insertInto('app_meta')
      .values({ key: SETTINGS_KEY, value: JSON.stringify(input) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(input), updated_at: new Date() }))
      .execute();
    await writeAudit(trx, actor, { action: 'work_calendar.escalation_settings', entityType: 'app_meta', entityId: SETTINGS_KEY, before, after: input });
    return input;
  });
}
