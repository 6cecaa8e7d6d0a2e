import { z } from 'zod';

/** 工作日历: holidays and weekend days worked, and the escalation settings that count in working days. */
const isoDate = z.iso.date();

export const CalendarDaySchema = z.object({
  day: isoDate,
  kind: z.enum(['holiday', 'workday']),
  name: z.string().trim().min(1).max(50),
});
export type CalendarDay = z.infer<typeof CalendarDaySchema>;

export const EscalationSettingsSchema = z.strictObject({
  townAfterWorkingDays: z.int().min(1).max(60),
  bureauAfterWorkingDays: z.int().min(1).max(120),
  remindDaysBefore: z.int().min(1).max(30),
});

export const WorkCalendarQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const WorkCalendarSchema = z.object({
  year: z.number(),
  days: z.array(CalendarDaySchema),
  workingDays: z.number(),
  settings: EscalationSettingsSchema,
});
export type WorkCalendarView = z.infer<typeof WorkCalendarSchema>;

export const CalendarDayDeleteQuerySchema = z.object({ day: isoDate });
