/**
 * The inspection API (检查计划、现场检查). Routes (all need a session):
 *
 *   GET    /api/inspection-plans?year=                     → PlanList (plans the actor sees, with progress done/total)
 *   POST   /api/inspection-plans                           PlanInput → 201 PlanCreated (admin, bureau, town, provider_manager)
 *   GET    /api/inspection-plans/:id                       → PlanDetail (the plan and its inspections)
 *   POST   /api/inspection-plans/:id/second-round          DerivedPlanInput → 201 PlanCreated (第二轮: sources of the plan that had issues)
 *   POST   /api/inspection-plans/revisit                   RevisitPlanInput → 201 PlanCreated (回头看: closed issues re-visited)
 *   GET    /api/inspections?from=&to=&inspectorId=&planId=&mine=&status=   → InspectionList (scoped by source)
 *   GET    /api/inspections/assignees?sourceId=            → AssigneeList (who may be given an inspection)
 *   POST   /api/inspections/assign                         BulkAssign → BulkAssignResult
 *   PATCH  /api/inspections/:id                            InspectionUpdate → InspectionSummary (assign one, reschedule)
 *   GET    /api/inspections/:id                            → InspectionDetail (source, template items, answers, photos, issues)
 *   POST   /api/inspections/:id/check-in                   CheckIn → CheckInResult (GPS distance, warning > 500 m; Idempotency-Key)
 *   PUT    /api/inspections/:id/photos/:photoId?purpose=&itemId=&capturedAt=&latitude=&longitude=   raw image body → Photo (idempotent by photo id)
 *   POST   /api/inspections/:id/submit                     Submit → InspectionDetail (Idempotency-Key: a replay returns the stored answer)
 *   GET    /api/photos/:id  ·  GET /api/photos/:id/thumb   the image / its thumbnail (scoped through the photo's source)
 */
import { z } from 'zod';
import { SOURCE_TYPE, PERMIT_CLASS } from '../enums';
import { INSPECTION_AREA_CODES } from '../inspection-areas';
import { ISSUE_CLASS } from '../issue-workflow';

const bilingual = z.object({ zh: z.string(), en: z.string() });
const day = z.iso.date();
const version = z.number().int().min(1);
const areaCode = z.enum(INSPECTION_AREA_CODES);

export const PLAN_KINDS = ['annual', 'quarterly', 'special', 'second_round', 'revisit', 'night_patrol'] as const;
export const CREATABLE_PLAN_KINDS = ['annual', 'quarterly', 'special', 'night_patrol'] as const;
export const INSPECTION_STATUSES = ['planned', 'in_progress', 'submitted', 'signed', 'cancelled'] as const;
export const VERDICTS = ['pass', 'fail', 'na'] as const;
export const PHOTO_PURPOSES = ['item', 'finding', 'before', 'after', 'evidence'] as const;
export const SEVERITIES = ['minor', 'general', 'serious'] as const;
export { CHECKIN_WARN_METRES } from '../geo-distance';

export const IdParamSchema = z.strictObject({ id: z.uuid() });
export const PhotoParamSchema = z.strictObject({ id: z.uuid(), photoId: z.uuid() });

// ---------------------------------------------------------------- plans

export const PlanFiltersSchema = z.strictObject({
  /** A town, street or park: sources in it (by town/grid path or park). */
  regionId: z.string().max(40).optional(),
  sourceTypes: z.array(z.enum(SOURCE_TYPE.values)).max(10).optional(),
  /** GB/T 4754 code prefix, 2–4 digits. */
  industryPrefix: z.string().trim().regex(/^[0-9]{2,4}$/).optional(),
  permitClasses: z.array(z.enum(PERMIT_CLASS.values)).max(4).optional(),
});
export type PlanFilters = z.infer<typeof PlanFiltersSchema>;

export const PlanInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(CREATABLE_PLAN_KINDS),
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4).nullish(),
  startsOn: day,
  endsOn: day,
  templateId: z.uuid().nullish(),
  description: z.string().max(2000).nullish(),
  /** Sources by filter … */
  filters: PlanFiltersSchema.optional(),
  /** … or by explicit ids (both given: the ids that also pass the filters). */
  sourceIds: z.array(z.uuid()).max(5000).optional(),
  /** Only for the administrator and the bureau: the plan is given to this provider. */
  providerId: z.uuid().nullish(),
});
export type PlanInput = z.infer<typeof PlanInputSchema>;

export const DerivedPlanInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  startsOn: day,
  endsOn: day,
});
export type DerivedPlanInput = z.infer<typeof DerivedPlanInputSchema>;

export const RevisitPlanInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  startsOn: day,
  endsOn: day,
  /** Issues closed on or after / before these days (default: the last 12 months). */
  closedFrom: day.optional(),
  closedTo: day.optional(),
});
export type RevisitPlanInput = z.infer<typeof RevisitPlanInputSchema>;

export const PlanSchema = z.object({
  id: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  providerId: z.string().nullable(),
  name: z.string(),
  kind: z.enum(PLAN_KINDS),
  year: z.number(),
  quarter: z.number().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  templateId: z.string().nullable(),
  originPlanId: z.string().nullable(),
  description: z.string().nullable(),
  status: z.enum(['active', 'closed']),
  version: z.number(),
  total: z.number(),
  done: z.number(),
  createdAt: z.string(),
});
export type Plan = z.infer<typeof PlanSchema>;

export const PlanListQuerySchema = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const PlanListSchema = z.object({ items: z.array(PlanSchema), canCreate: z.boolean() });
export type PlanList = z.infer<typeof PlanListSchema>;

export const SkippedSourceSchema = z.object({ sourceId: z.string(), name: z.string(), reason: bilingual });
export const PlanCreatedSchema = z.object({ plan: PlanSchema, created: z.number(), skipped: z.array(SkippedSourceSchema) });
export type PlanCreated = z.infer<typeof PlanCreatedSchema>;

// ---------------------------------------------------------------- inspections

export const InspectionSummarySchema = z.object({
  id: z.string(),
  planId: z.string().nullable(),
  planName: z.string().nullable(),
  planKind: z.enum(PLAN_KINDS).nullable(),
  sourceId: z.string(),
  sourceName: z.string(),
  sourceAddress: z.string(),
  townName: z.string(),
  templateId: z.string(),
  inspectorId: z.string().nullable(),
  inspectorName: z.string().nullable(),
  scheduledOn: z.string(),
  night: z.boolean(),
  revisitIssueId: z.string().nullable(),
  status: z.enum(INSPECTION_STATUSES),
  score: z.number().nullable(),
  resultBand: z.string().nullable(),
  version: z.number(),
});
export type InspectionSummary = z.infer<typeof InspectionSummarySchema>;

export const InspectionListQuerySchema = z.strictObject({
  from: day.optional(),
  to: day.optional(),
  inspectorId: z.uuid().optional(),
  planId: z.uuid().optional(),
  status: z.enum(INSPECTION_STATUSES).optional(),
  /** 'true': only those assigned to the actor. */
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(2000).optional(),
});
export type InspectionListQuery = z.infer<typeof InspectionListQuerySchema>;
export const InspectionListSchema = z.object({ items: z.array(InspectionSummarySchema), total: z.number() });
export type InspectionList = z.infer<typeof InspectionListSchema>;

export const PlanDetailSchema = z.object({ plan: PlanSchema, inspections: z.array(InspectionSummarySchema), canAssign: z.boolean() });
export type PlanDetail = z.infer<typeof PlanDetailSchema>;

export const AssigneeSchema = z.object({ id: z.string(), displayName: z.string(), role: z.string(), providerId: z.string().nullable() });
export const AssigneeListSchema = z.object({ items: z.array(AssigneeSchema) });
export type Assignee = z.infer<typeof AssigneeSchema>;
export const AssigneeQuerySchema = z.strictObject({ sourceId: z.uuid().optional() });

export const InspectionUpdateSchema = z.strictObject({
  version,
  /** null: unassign. */
  inspectorId: z.uuid().nullish(),
  scheduledOn: day.optional(),
});
export type InspectionUpdate = z.infer<typeof InspectionUpdateSchema>;

export const BulkAssignSchema = z.strictObject({
  inspectorId: z.uuid(),
  inspections: z.array(z.strictObject({ id: z.uuid(), version })).min(1).max(500),
});
export type BulkAssign = z.infer<typeof BulkAssignSchema>;
export const BulkAssignResultSchema = z.object({ updated: z.number() });

// ---------------------------------------------------------------- field

export const CheckInSchema = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  accuracy: z.number().min(0).max(100000).nullish(),
  /** The phone's clock when the inspector checked in (ISO). */
  at: z.iso.datetime({ offset: true }),
  version,
});
export type CheckIn = z.infer<typeof CheckInSchema>;
export const CheckInResultSchema = z.object({
  status: z.enum(INSPECTION_STATUSES),
  version: z.number(),
  checkedInAt: z.string(),
  distanceM: z.number().nullable(),
  warning: bilingual.nullable(),
});
export type CheckInResult = z.infer<typeof CheckInResultSchema>;

export const PhotoQuerySchema = z.strictObject({
  purpose: z.enum(PHOTO_PURPOSES).optional(),
  itemId: z.uuid().optional(),
  capturedAt: z.iso.datetime({ offset: true }).optional(),
  latitude: z.coerce.number().min(-90).max(90).optional(),
  longitude: z.coerce.number().min(-180).max(180).optional(),
});
export type PhotoQuery = z.infer<typeof PhotoQuerySchema>;
export const PhotoSchema = z.object({
  id: z.string(),
  purpose: z.string(),
  itemId: z.string().nullable(),
  issueId: z.string().nullable(),
  sha256: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  sizeBytes: z.number(),
  capturedAt: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  url: z.string(),
  thumbUrl: z.string(),
});
export type Photo = z.infer<typeof PhotoSchema>;

export const IssueDraftSchema = z.strictObject({
  /** The client's UUID: the issue's id. */
  clientId: z.uuid(),
  description: z.string().trim().min(1).max(2000),
  class: z.enum(ISSUE_CLASS.values),
  severity: z.enum(SEVERITIES).optional(),
  deadline: day.nullish(),
  responsiblePerson: z.string().max(50).nullish(),
  measure: z.string().max(2000).nullish(),
  /** 即知即改: the after-photos (already uploaded); at least one. */
  afterPhotoIds: z.array(z.uuid()).max(20).optional(),
});
export type IssueDraft = z.infer<typeof IssueDraftSchema>;

export const AnswerInputSchema = z.strictObject({
  clientId: z.uuid(),
  itemId: z.uuid(),
  verdict: z.enum(VERDICTS),
  note: z.string().max(2000).nullish(),
  photoIds: z.array(z.uuid()).max(20).optional(),
  answeredAt: z.iso.datetime({ offset: true }).optional(),
  /** The issue drafted for a 不符合 answer; the server drafts one from the item when absent. */
  issue: IssueDraftSchema.nullish(),
});
export type AnswerInput = z.infer<typeof AnswerInputSchema>;

export const FindingInputSchema = z.strictObject({
  area: areaCode,
  photoIds: z.array(z.uuid()).max(20).optional(),
  foundAt: z.iso.datetime({ offset: true }).optional(),
  issue: IssueDraftSchema,
});
export type FindingInput = z.infer<typeof FindingInputSchema>;

export const SubmitSchema = z.strictObject({
  answers: z.array(AnswerInputSchema).max(500),
  findings: z.array(FindingInputSchema).max(100).default([]),
  /** The enterprise representative's signature: a PNG data URL. */
  signature: z.string().max(4_000_000).nullish(),
  signerName: z.string().trim().max(50).nullish(),
  summary: z.string().max(4000).nullish(),
  version,
});
export type Submit = z.infer<typeof SubmitSchema>;

const AreaScoreSchema = z.object({ area: z.string(), label: bilingual, score: z.number().nullable(), items: z.number(), answered: z.number(), nonCompliant: z.number() });

export const InspectionDetailSchema = InspectionSummarySchema.extend({
  source: z.object({ id: z.string(), name: z.string(), address: z.string(), latitude: z.number().nullable(), longitude: z.number().nullable(), contactName: z.string().nullable() }),
  template: z.object({
    id: z.string(),
    name: z.string(),
    bands: z.array(z.object({ min: z.number(), label: bilingual })),
    items: z.array(z.object({ itemId: z.string(), code: z.string(), area: areaCode, areaLabel: bilingual, text: z.string(), legalBasis: z.string(), penaltyBasis: z.string(), weight: z.number(), maxScore: z.number() })),
  }),
  checkedInAt: z.string().nullable(),
  checkinDistanceM: z.number().nullable(),
  submittedAt: z.string().nullable(),
  signerName: z.string().nullable(),
  signatureSha256: z.string().nullable(),
  areaScores: z.array(AreaScoreSchema).nullable(),
  answers: z.array(z.object({ clientId: z.string(), itemId: z.string(), verdict: z.enum(VERDICTS), note: z.string().nullable(), answeredAt: z.string(), photoIds: z.array(z.string()) })),
  photos: z.array(PhotoSchema),
  issueIds: z.array(z.string()),
  /** What the actor may do now. */
  allowedActions: z.array(z.enum(['check_in', 'submit', 'assign'])),
});
export type InspectionDetail = z.infer<typeof InspectionDetailSchema>;

// ---------------------------------------------------------------- risk-based plan generator (按风险生成计划)

export const GeneratePlanInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  kind: z.enum(['annual', 'quarterly']),
  year: z.int().min(2000).max(2100),
  quarter: z.int().min(1).max(4).optional(),
  /** Visits an inspector makes a day. */
  perDay: z.int().min(1).max(12),
  inspectorIds: z.array(z.uuid()).min(1).max(200),
  /** The provider whose contracted sources and inspectors the plan is for; none: government staff over the whole jurisdiction. */
  providerId: z.uuid().nullish(),
  /** false: only the preview; true: create the plan. */
  create: z.boolean(),
});
export type GeneratePlanInput = z.infer<typeof GeneratePlanInputSchema>;

export const GeneratedPlanSchema = z.object({
  startsOn: z.string(),
  endsOn: z.string(),
  workingDays: z.number(),
  sources: z.number(),
  /** Sources that need at least one visit in the period. */
  sourcesNeedingVisits: z.number(),
  neededVisits: z.number(),
  capacity: z.number(),
  plannedVisits: z.number(),
  /** Sources already at the yearly cap (无事不扰) although their level asks for more. */
  cappedSources: z.number(),
  uncovered: z.array(z.object({ sourceId: z.string(), name: z.string(), composite: z.string().nullable(), missing: z.number() })),
  missingInspectorDays: z.number(),
  meanDaySpreadM: z.number(),
  byInspector: z.array(z.object({ inspectorId: z.string(), name: z.string(), visits: z.number(), days: z.number() })),
  planId: z.string().nullable(),
});
export type GeneratedPlan = z.infer<typeof GeneratedPlanSchema>;
