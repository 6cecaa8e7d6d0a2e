/**
 * Working days (工作日) for deadlines and escalation, DESIGN §7: Monday–Friday, except the official
 * holidays, plus the weekend days worked in lieu (调休上班). The calendar is data an administrator
 * keeps (calendar_days); this file is the pure arithmetic both sides use.
 */
import { addDays, type IsoDate } from './compliance-calendar';

export type CalendarDayKind = 'holiday' | 'workday';

export interface WorkCalendar {
  /** Day → 'holiday' (a weekday off) or 'workday' (a weekend day worked). */
  readonly special: ReadonlyMap<IsoDate, CalendarDayKind>;
}

export function workCalendar(days: Iterable<{ day: IsoDate; kind: CalendarDayKind }>): WorkCalendar {
  return { special: new Map([...days].map((d) => [d.day, d.kind])) };
}

function weekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function isWorkingDay(calendar: WorkCalendar, date: IsoDate): boolean {
  const special = calendar.special.get(date);
  if (special === 'holiday') return false;
  if (special === 'workday') return true;
  const d = weekday(date);
  return d !== 0 && d !== 6;
}

/**
 * Working days that have passed after `deadline` up to and including `today` (0 when not yet late).
 * An issue due on Friday is 1 working day overdue on Monday.
 */
export function workingDaysOverdue(calendar: WorkCalendar, deadline: IsoDate, today: IsoDate): number {
  if (today <= deadline) return 0;
  let count = 0;
  for (let day = addDays(deadline, 1); day <= today; day = addDays(day, 1)) {
    if (isWorkingDay(calendar, day)) count += 1;
    if (count > 3650) break;
  }
  return count;
}

/** The date `n` working days after `from` (n ≥ 0; n = 0 is `from` itself). */
export function addWorkingDays(calendar: WorkCalendar, from: IsoDate, n: number): IsoDate {
  let day = from;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(calendar, day)) left -= 1;
  }
  return day;
}

/** Escalation after a deadline passes (逾期升级): to the town/park office, then to the bureau. */
export interface EscalationSettings {
  /** Overdue by this many working days → the town/park office is told (level 1). */
  townAfterWorkingDays: number;
  /** Overdue by this many working days → the bureau is told (level 2). */
  bureauAfterWorkingDays: number;
  /** Calendar days before a deadline to remind the enterprise and its grid cadre. */
  remindDaysBefore: number;
}

export const DEFAULT_ESCALATION: EscalationSettings = { townAfterWorkingDays: 3, bureauAfterWorkingDays: 10, remindDaysBefore: 3 };

/** 0 = nobody yet, 1 = the town, 2 = the bureau. */
export function escalationLevel(settings: EscalationSettings, workingDaysLate: number): 0 | 1 | 2 {
  if (workingDaysLate >= settings.bureauAfterWorkingDays) return 2;
  if (workingDaysLate >= settings.townAfterWorkingDays) return 1;
  return 0;
}
