import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema } from '../../../common/contracts/errors';
import {
  CalendarDayDeleteQuerySchema,
  CalendarDaySchema,
  EscalationSettingsSchema,
  WorkCalendarQuerySchema,
  WorkCalendarSchema,
} from '../../../common/contracts/workdays';
import { requireActor } from '../../http/auth';
import type { AppContext } from '../../http/context';
import { deleteCalendarDay, getWorkCalendar, setCalendarDay, updateEscalationSettings } from './service';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema };
const tags = ['work-calendar'];

// The calendar is one for the whole platform, so no endpoint takes an id in its path.
export function workdayRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/work-calendar',
      { schema: { tags, summary: '工作日历与逾期升级设置 / Working-day calendar and escalation settings', querystring: WorkCalendarQuerySchema, response: { 200: WorkCalendarSchema, ...errors } } },
      async (request) => {
        requireActor(request);
        return getWorkCalendar(ctx.db, request.query.year);
      },
    );
    r.post(
      '/api/work-calendar/days',
      { schema: { tags, summary: '设置节假日或调休上班日（系统管理员）/ Set a holiday or a weekend worked (administrator)', body: CalendarDaySchema, response: { 200: CalendarDaySchema, ...errors } } },
      async (request) => setCalendarDay(ctx.db, requireActor(request), request.body),
    );
    r.delete(
      '/api/work-calendar/days',
      { schema: { tags, summary: '删除特殊日期 / Remove a special day', querystring: CalendarDayDeleteQuerySchema, response: { 204: z.null(), ...errors } } },
      async (request, reply) => {
        await deleteCalendarDay(ctx.db, requireActor(request), request.query.day);
        return reply.status(204).send(null);
      },
    );
    r.put(
      '/api/work-calendar/settings',
      { schema: { tags, summary: '逾期升级设置（系统管理员）/ Escalation settings (administrator)', body: EscalationSettingsSchema, response: { 200: EscalationSettingsSchema, ...errors } } },
      async (request) => updateEscalationSettings(ctx.db, requireActor(request), request.body),
    );
  };
}
