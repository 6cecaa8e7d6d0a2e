/**
 * The closed loop of issues (问题闭环), rectification notices (整改通知书) and the enterprise's evidence.
 * Routes (all need a session; everything outside the actor's jurisdiction is 404):
 *
 *   GET   /api/issues?status=&class=&area=&townId=&sourceId=&origin=&overdue=&recurrence=&q=&page=&pageSize=  → IssueList
 *   GET   /api/issues/:id                               → IssueDetail (four dimensions, legal basis, history, photos, notice)
 *   PATCH /api/issues/:id                               IssueUpdate → IssueDetail (while found/confirmed; 409 stale_version)
 *   POST  /api/issues/:id/actions/:action               IssueActionInput → IssueDetail (the workflow of src/common/issue-workflow.ts)
 *   POST  /api/issues/:id/follow-ups                    FollowUpInput → 201 IssueDetail (grid cadre, open issues: 周跟进)
 *   PUT   /api/issues/:id/photos/:photoId?purpose=      raw image or multipart (field "file") → 201 IssuePhoto (200 when already stored)
 *   GET   /api/issues/:id/photos/:photoId?thumb=true    → the image
 *   GET   /api/notices?sourceId=&status=&page=&pageSize= → NoticeList
 *   GET   /api/notices/:id                              → NoticeDetail
 *   GET   /api/notices/:id/pdf                          → application/pdf (整改通知书)
 *   POST  /api/notices/:id/acknowledge                  NoticeAcknowledge → NoticeDetail (the enterprise signs for it: 签收)
 *
 * Overdue days are computed against today in Asia/Shanghai on every request, never stored.
 */
import { z } from 'zod';
import { isIsoDate } from '../compliance-calendar';
import { INSPECTION_AREA_CODES } from '../inspection-areas';
import { ISSUE_ACTION, ISSUE_CLASS, ISSUE_STATUS } from '../issue-workflow';

const isoDate = z.string().refine(isIsoDate, { message: 'YYYY-MM-DD' });
const version = z.number().int().min(1);
const boolString = z.enum(['true', 'false']);

export const ISSUE_SEVERITY = {
  values: ['minor', 'general', 'serious'] as const,
  labels: { minor: { zh: '轻微', en: 'Minor' }, general: { zh: '一般', en: 'General' }, serious: { zh: '严重', en: 'Serious' } },
};
export const ISSUE_ORIGIN = {
  values: ['inspection', 'finding', 'monitoring', 'complaint', 'task', 'self_check'] as const,
  labels: {
    inspection: { zh: '巡查检查', en: 'Inspection' },
    finding: { zh: '现场发现', en: 'Field finding' },
    monitoring: { zh: '自动监控', en: 'Monitoring' },
    complaint: { zh: '信访投诉', en: 'Complaint' },
    task: { zh: '任务', en: 'Task' },
    self_check: { zh: '企业自查', en: 'Self-check' },
  },
};
export const NOTICE_STATUS = {
  values: ['open', 'acknowledged', 'closed'] as const,
  labels: { open: { zh: '已下发', en: 'Issued' }, acknowledged: { zh: '已签收', en: 'Acknowledged' }, closed: { zh: '已办结', en: 'Closed' } },
};
/** Photos an enterprise or inspector may attach to an issue afterwards. */
export const ISSUE_PHOTO_PURPOSES = ['evidence', 'after', 'before'] as const;

const status = z.enum(ISSUE_STATUS.values);
const issueClass = z.enum(ISSUE_CLASS.values);
const action = z.enum(ISSUE_ACTION.values);
const severity = z.enum(ISSUE_SEVERITY.values);

export const IssueIdParamSchema = z.strictObject({ id: z.uuid() });
export const IssueActionParamSchema = z.strictObject({ id: z.uuid(), action });
export const IssuePhotoParamSchema = z.strictObject({ id: z.uuid(), photoId: z.uuid() });
export const IssuePhotoQuerySchema = z.strictObject({ purpose: z.enum(ISSUE_PHOTO_PURPOSES).optional(), thumb: boolString.optional() });

export const IssueListQuerySchema = z.strictObject({
  /** One status or several separated by commas. */
  status: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/).optional(),
  class: issueClass.optional(),
  area: z.enum(INSPECTION_AREA_CODES).optional(),
  townId: z.string().regex(/^\d{6,15}$/).optional(),
  sourceId: z.uuid().optional(),
  origin: z.enum(ISSUE_ORIGIN.values).optional(),
  /** A provider's id, or "none" for issues found by government staff and grid cadres (the figures' rows). */
  providerId: z.union([z.uuid(), z.literal('none')]).optional(),
  overdue: boolString.optional(),
  recurrence: boolString.optional(),
  /** Not yet final (closed, rejected, escalated, cancelled): the figures' 未销号. */
  open: boolString.optional(),
  /** Counted as problems (not rejected or cancelled): the figures' totals. */
  counted: boolString.optional(),
  /** Found on or after / on or before this day (Asia/Shanghai), as the figures filter. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** Number, description or source name. */
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type IssueListQuery = z.input<typeof IssueListQuerySchema>;

export const IssueRowSchema = z.object({
  id: z.string(),
  number: z.string().nullable(),
  status,
  class: issueClass,
  severity,
  area: z.string(),
  origin: z.string(),
  description: z.string(),
  sourceId: z.string(),
  sourceName: z.string(),
  townId: z.string(),
  townName: z.string(),
  deadline: z.string().nullable(),
  /** Days past the deadline while the deadline runs (rectifying, submitted, returned); null otherwise. */
  overdueDays: z.number().int().nullable(),
  returnCount: z.number().int(),
  recurrenceOf: z.string().nullable(),
  noticeId: z.string().nullable(),
  foundAt: z.string(),
  version: z.number().int(),
  allowedActions: z.array(action),
});
export type IssueRow = z.infer<typeof IssueRowSchema>;

export const IssueListSchema = z.object({
  items: z.array(IssueRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type IssueList = z.infer<typeof IssueListSchema>;

const citation = z.object({
  lawName: z.string(),
  article: z.number().int(),
  paragraph: z.number().int().optional(),
  item: z.number().int().optional(),
  label: z.string(),
  law: z.string().nullable(),
  text: z.string().nullable(),
});

export const IssuePhotoSchema = z.object({
  id: z.string(),
  purpose: z.string(),
  url: z.string(),
  thumbUrl: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  capturedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type IssuePhoto = z.infer<typeof IssuePhotoSchema>;

export const IssueEventSchema = z.object({
  id: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type IssueEvent = z.infer<typeof IssueEventSchema>;

export const NoticeSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(NOTICE_STATUS.values),
  sourceId: z.string(),
  sourceName: z.string(),
  inspectionId: z.string().nullable(),
  issuedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  issueCount: z.number().int(),
  version: z.number().int(),
  canAcknowledge: z.boolean(),
});
export type NoticeSummary = z.infer<typeof NoticeSummarySchema>;

export const IssueDetailSchema = IssueRowSchema.extend({
  responsiblePerson: z.string().nullable(),
  measure: z.string().nullable(),
  legalBasis: z.string().nullable(),
  legalRefs: z.array(citation),
  penaltyBasis: z.string().nullable(),
  penaltyRefs: z.array(citation),
  caseReference: z.string().nullable(),
  inspectionId: z.string().nullable(),
  itemId: z.string().nullable(),
  recurrence: z.object({ id: z.string(), number: z.string().nullable(), closedAt: z.string().nullable() }).nullable(),
  source: z.object({ id: z.string(), name: z.string(), uscc: z.string(), address: z.string() }),
  registeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  events: z.array(IssueEventSchema),
  /** Documents named as rectification evidence by the issue's events, with a link to the current version. */
  documents: z.array(z.object({ id: z.string(), title: z.string(), fileName: z.string().nullable(), url: z.string(), deleted: z.boolean() })),
  photos: z.object({ before: z.array(IssuePhotoSchema), after: z.array(IssuePhotoSchema) }),
  notice: NoticeSummarySchema.nullable(),
  canEdit: z.boolean(),
  canFollowUp: z.boolean(),
  canAddPhotos: z.boolean(),
});
export type IssueDetail = z.infer<typeof IssueDetailSchema>;

export const IssueUpdateSchema = z.strictObject({
  version,
  description: z.string().trim().min(1).max(2000).optional(),
  responsiblePerson: z.string().trim().max(100).nullable().optional(),
  measure: z.string().trim().max(2000).nullable().optional(),
  deadline: isoDate.nullable().optional(),
  class: issueClass.optional(),
  severity: severity.optional(),
});
export type IssueUpdate = z.infer<typeof IssueUpdateSchema>;

export const IssueActionInputSchema = z.strictObject({
  version,
  reason: z.string().trim().max(2000).optional(),
  deadline: isoDate.optional(),
  caseReference: z.string().trim().max(100).optional(),
  /** The rectification text (submit_evidence) or a remark. */
  note: z.string().trim().max(4000).optional(),
  /** Photos already uploaded to the issue (PUT …/photos/:photoId) that this action refers to. */
  photoIds: z.array(z.uuid()).max(20).optional(),
  /** Documents of the source's archive (整改材料: reports, manifests, invoices) that this action refers to. */
  documentIds: z.array(z.uuid()).max(10).optional(),
});
export type IssueActionInput = z.infer<typeof IssueActionInputSchema>;

export const FollowUpInputSchema = z.strictObject({
  note: z.string().trim().min(1).max(4000),
  photoIds: z.array(z.uuid()).max(20).optional(),
});
export type FollowUpInput = z.infer<typeof FollowUpInputSchema>;

export const NoticeIdParamSchema = z.strictObject({ id: z.uuid() });
export const NoticeListQuerySchema = z.strictObject({
  sourceId: z.uuid().optional(),
  status: z.enum(NOTICE_STATUS.values).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type NoticeListQuery = z.input<typeof NoticeListQuerySchema>;
export const NoticeListSchema = z.object({ items: z.array(NoticeSummarySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type NoticeList = z.infer<typeof NoticeListSchema>;

export const NoticeDetailSchema = NoticeSummarySchema.extend({
  source: z.object({ id: z.string(), name: z.string(), uscc: z.string(), address: z.string() }),
  issuedBy: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  issues: z.array(
    z.object({
      id: z.string(),
      number: z.string().nullable(),
      status,
      description: z.string(),
      measure: z.string().nullable(),
      legalBasis: z.string().nullable(),
      deadline: z.string().nullable(),
    }),
  ),
});
export type NoticeDetail = z.infer<typeof NoticeDetailSchema>;

export const NoticeAcknowledgeSchema = z.strictObject({ version });
export type NoticeAcknowledge = z.infer<typeof NoticeAcknowledgeSchema>;

