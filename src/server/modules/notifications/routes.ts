import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema } from '../../../common/contracts/errors';
import {
  CalendarQuerySchema,
  CalendarSchema,
  InboxQuerySchema,
  InboxSchema,
  NotificationIdParamSchema,
  NotificationSchema,
  ReadAllSchema,
  SourceComplianceSchema,
  UnreadCountSchema,
} from '../../../common/contracts/notifications';
import { requireActor } from '../../http/auth';
import type { AppContext } from '../../http/context';
import { calendar, sourceCompliance } from './calendar.queries';
import { listInbox, markAllRead, markRead, unreadCount } from './inbox.service';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema };

export function notificationRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/api/compliance/calendar',
      { schema: { tags: ['compliance'], summary: '合规日历 / Compliance calendar of my jurisdiction', querystring: CalendarQuerySchema, response: { 200: CalendarSchema, ...errors } } },
      async (request) => calendar(ctx.db, requireActor(request), request.query),
    );
    r.get(
      '/api/sources/:id/compliance',
      { schema: { tags: ['compliance'], summary: '污染源合规日历(近3个月与未来12个月) / One source\'s obligations', params: z.strictObject({ id: z.uuid() }), response: { 200: SourceComplianceSchema, ...errors } } },
      async (request) => sourceCompliance(ctx.db, requireActor(request), request.params.id),
    );

    r.get('/api/inbox', { schema: { tags: ['inbox'], summary: '我的消息 / My inbox', querystring: InboxQuerySchema, response: { 200: InboxSchema, ...errors } } }, async (request) =>
      listInbox(ctx.db, requireActor(request), request.query),
    );
    r.get('/api/inbox/unread-count', { schema: { tags: ['inbox'], summary: '未读消息数 / Unread count', response: { 200: UnreadCountSchema, ...errors } } }, async (request) => ({
      unread: await unreadCount(ctx.db, requireActor(request)),
    }));
    r.post(
      '/api/inbox/:id/read',
      { schema: { tags: ['inbox'], summary: '标记已读 / Mark one read', params: NotificationIdParamSchema, response: { 200: NotificationSchema, ...errors } } },
      async (request) => markRead(ctx.db, requireActor(request), request.params.id),
    );
    r.post('/api/inbox/read-all', { schema: { tags: ['inbox'], summary: '全部标记已读 / Mark all read', response: { 200: ReadAllSchema, ...errors } } }, async (request) =>
      markAllRead(ctx.db, requireActor(request)),
    );
  };
}
