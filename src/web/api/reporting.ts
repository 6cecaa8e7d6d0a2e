/** Typed endpoint functions of the figures (整改统计) and the working-day calendar (工作日历). */
import type { FigureGroup, IssueFigures } from '../../common/contracts/reporting';
import type { CalendarDay, WorkCalendarView } from '../../common/contracts/workdays';
import type { EscalationSettings } from '../../common/working-days';
import { api, request } from './client';

export const getIssueFigures = (groupBy: FigureGroup, from?: string, to?: string) => api.get<IssueFigures>('/api/figures/issues', { groupBy, from, to });

export const getWorkCalendar = (year: number) => api.get<WorkCalendarView>('/api/work-calendar', { year });
export const setCalendarDay = (day: CalendarDay) => api.post<CalendarDay>('/api/work-calendar/days', day);
export const deleteCalendarDay = (day: string) => request<void>('DELETE', '/api/work-calendar/days', { query: { day } });
export const updateEscalationSettings = (settings: EscalationSettings) => request<EscalationSettings>('PUT', '/api/work-calendar/settings', { body: settings });
