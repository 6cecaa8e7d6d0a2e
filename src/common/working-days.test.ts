import { describe, expect, it } from 'vitest';
import { addWorkingDays, DEFAULT_ESCALATION, escalationLevel, isWorkingDay, workCalendar, workingDaysOverdue } from './working-days';

// 2026-10-01..07 National Day (Thu..Wed); 2026-10-10 (Sat) worked in lieu — shaped like the State Council's notices.
const calendar = workCalendar([
  ...['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'].map((day) => ({ day, kind: 'holiday' as const })),
  { day: '2026-10-10', kind: 'workday' as const },
]);

describe('working days', () => {
  it('weekends are off, holidays are off, days worked in lieu are on', () => {
    expect(isWorkingDay(calendar, '2026-11-23')).toBe(true); // Monday
    expect(isWorkingDay(calendar, '2026-11-22')).toBe(false); // Sunday
    expect(isWorkingDay(calendar, '2026-10-05')).toBe(false); // Monday, holiday
    expect(isWorkingDay(calendar, '2026-10-10')).toBe(true); // Saturday worked
  });

  it('counts the working days after a deadline', () => {
    expect(workingDaysOverdue(calendar, '2026-11-20', '2026-11-20')).toBe(0);
    expect(workingDaysOverdue(calendar, '2026-11-20', '2026-11-22')).toBe(0); // Friday deadline, weekend
    expect(workingDaysOverdue(calendar, '2026-11-20', '2026-11-23')).toBe(1);
    // Due 30 September: the holiday week counts nothing; 8, 9 and the Saturday 10th count.
    expect(workingDaysOverdue(calendar, '2026-09-30', '2026-10-07')).toBe(0);
    expect(workingDaysOverdue(calendar, '2026-09-30', '2026-10-10')).toBe(3);
  });

  it('adds working days across a holiday', () => {
    expect(addWorkingDays(calendar, '2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays(calendar, '2026-11-20', 0)).toBe('2026-11-20');
    expect(addWorkingDays(calendar, '2026-11-20', 2)).toBe('2026-11-24');
  });

  it('escalates to the town, then the bureau', () => {
    expect(escalationLevel(DEFAULT_ESCALATION, 2)).toBe(0);
    expect(escalationLevel(DEFAULT_ESCALATION, 3)).toBe(1);
    expect(escalationLevel(DEFAULT_ESCALATION, 10)).toBe(2);
  });
});
