/**
 * The compliance calendar (合规日历) and the in-app inbox (消息中心). Routes (all need a session):
 *
 *   GET  /api/compliance/calendar?from=&to=&townId=&sourceId=&kind=&page=&pageSize=
 *        → Calendar: obligations of the sources in the actor's jurisdiction whose due date lies in
 *          [from, to] (default: today .. today + 90 days; at most 366 days); a sourceId outside it → 404
 *   GET  /api/sources/:id/compliance   → SourceCompliance: that source, the last 3 and the next 12 months
 *   GET  /api/inbox?unread=&page=&pageSize=  → Inbox: the actor's own notifications, newest first
 *   GET  /api/inbox/unread-count       → UnreadCount
 *   POST /api/inbox/:id/read           → Notification (someone else's notification → 404)
 *   POST /api/inbox/read-all           → ReadAll
 *
 * `overdue` and `daysLeft` are computed against today in Asia/Shanghai on every request, never stored.
 */
import { z } from 'zod';
import { isIsoDate, OBLIGATION_KINDS } from '../compliance-calendar';

const bilingual = z.object({ zh: z.string(), en: z.string() });
const calendarDate = z.string().refine(isIsoDate, { message: 'YYYY-MM-DD' });

/** The longest window one calendar request may span. */
export const CALENDAR_MAX_DAYS = 366;

export const CalendarQuerySchema = z.strictObject({
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  /** A town or a park: its sources (a park's sources also count for their town), as on the sources list. */
  townId: z.string().regex(/^\d{6,15}$/, { message: '区域编码 / region code' }).optional(),
  sourceId: z.uuid().optional(),
  kind: z.enum(OBLIGATION_KINDS).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(200),
});
export type CalendarQuery = z.infer<typeof CalendarQuerySchema>;

export const ObligationSchema = z.object({
  /** Stable identity (also the reminders' dedupe key). */
  key: z.string(),
  kind: z.enum(OBLIGATION_KINDS),
  kindLabel: bilingual,
  periodLabel: bilingual,
  periodStart: z.string(),
  periodEnd: z.string(),
  dueDate: z.string(),
  /** A renewal's permit expiry (the 180/90/30-day warnings count down to it); null otherwise. */
  expiresOn: z.string().nullable(),
  legalBasis: bilingual,
  sourceId: z.string(),
  sourceName: z.string(),
  permitId: z.string(),
  permitNumber: z.string(),
  /** dueDate is before today (Asia/Shanghai). */
  overdue: z.boolean(),
  /** Days from today to dueDate; negative when overdue. */
  daysLeft: z.number().int(),
});
export type ObligationView = z.infer<typeof ObligationSchema>;

export const CalendarSchema = z.object({
  today: z.string(),
  from: z.string(),
  to: z.string(),
  items: z.array(ObligationSchema),
  total: z.number().int(),
});
export type Calendar = z.infer<typeof CalendarSchema>;

export const SourceComplianceSchema = z.object({
  sourceId: z.string(),
  sourceName: z.string(),
  today: z.string(),
  from: z.string(),
  to: z.string(),
  /** Permits that create obligations (revoked ones do not). */
  permitCount: z.number().int(),
  items: z.array(ObligationSchema),
});
export type SourceCompliance = z.infer<typeof SourceComplianceSchema>;

export const InboxQuerySchema = z.strictObject({
  /** 'true': unread only. */
  unread: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type InboxQuery = z.infer<typeof InboxQuerySchema>;

export const NotificationSchema = z.object({
  id: z.string(),
  /** What produced it, e.g. 'compliance_reminder'. */
  kind: z.string(),
  title: bilingual,
  body: bilingual,
  /** A web path to open, e.g. '/sources/<id>?tab=compliance'. */
  link: z.string().nullable(),
  sourceId: z.string().nullable(),
  /** The date the message counts down to: a report's due date, a permit's expiry. */
  dueDate: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof NotificationSchema>;

export const InboxSchema = z.object({ items: z.array(NotificationSchema), total: z.number().int(), unread: z.number().int() });
export type Inbox = z.infer<typeof InboxSchema>;

export const UnreadCountSchema = z.object({ unread: z.number().int() });
export const ReadAllSchema = z.object({ updated: z.number().int() });
export const NotificationIdParamSchema = z.strictObject({ id: z.uuid() });
