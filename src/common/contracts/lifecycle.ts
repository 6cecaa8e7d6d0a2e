/**
 * The source lifecycle (全生命周期) API. Routes (all need a session; jurisdiction = sourceInScope):
 *
 *   GET    /api/sources/:id/lifecycle              → Lifecycle (status, allowed transitions for the actor, history, relocations)
 *   POST   /api/sources/:id/transitions            TransitionRequest → Lifecycle (409 stale_version, 400 invalid_transition)
 *   POST   /api/sources/:id/relocate               RelocateRequest → Lifecycle (404 when the new place is outside the actor's jurisdiction)
 *   GET    /api/permit-catalogue/suggest?industryCode=  → PermitSuggestion (2019 名录 rows; no jurisdiction)
 *   POST   /api/sources/:id/permit-class           PermitClassRequest → PermitClassResult
 *   GET    /api/negative-list                      → NegativeList (entries that apply inside the actor's jurisdiction)
 *   POST   /api/negative-list                      NegativeEntryInput → 201 NegativeEntry (admin, bureau)
 *   PATCH  /api/negative-list/:id                  NegativeEntryUpdate → NegativeEntry
 *   DELETE /api/negative-list/:id?version=N        → 204
 *   POST   /api/screening                          ScreeningRequest → ScreeningResult (准入评估; nothing stored)
 *   POST   /api/screening/register                 RegisterRequest → 201 RegisterResult (the source, in status screening)
 *   POST   /api/sources/:id/proposals              ProposalRequest → 201 Proposal (the enterprise, for its own source)
 *   GET    /api/sources/:id/proposals              → ProposalList
 *   GET    /api/proposals?status=                  → ProposalList (the reviewer's queue)
 *   POST   /api/proposals/:id/decision             ProposalDecision → Proposal (approve applies the changes; 409 when the source moved on)
 */
import { z } from 'zod';
import { LIFECYCLE_STATUS } from '../lifecycle';
import { PERMIT_CLASS, SOURCE_TYPE } from '../enums';
import { SourceRegionsSchema, UpdateSourceBasicsSchema } from './dossier';
import { isoDate, latitude, longitude } from './sections';

const bilingual = z.object({ zh: z.string(), en: z.string() });
const reason = z.string().trim().min(1).max(500);
const regionId = z.string().trim().min(1).max(64);
const statusEnum = z.enum(LIFECYCLE_STATUS.values);
const actorRef = z.object({ id: z.string().nullable(), name: z.string() });

export const IdParamSchema = z.strictObject({ id: z.uuid() });

// ---------------------------------------------------------------- lifecycle

export const TransitionRequestSchema = z.strictObject({
  to: statusEnum,
  reason,
  /** The source's version the user last saw. */
  version: z.number().int().min(1),
  /** When the change took effect (defaults to today, Asia/Shanghai); not in the future. */
  effectiveDate: isoDate.optional(),
});
export type TransitionRequest = z.infer<typeof TransitionRequestSchema>;

export const RelocateRequestSchema = z.strictObject({
  /** The new town; follows from the grid when omitted. */
  townId: regionId.optional(),
  /** The new park, or null/omitted for none. */
  parkId: regionId.nullable().optional(),
  /** The new grid (村居), a grid of the new town. */
  gridId: regionId,
  address: z.string().trim().min(1).max(300),
  longitude,
  latitude,
  reason,
  version: z.number().int().min(1),
  effectiveDate: isoDate.optional(),
  /** For a source in 搬迁: its status at the new site (default operating). */
  nextStatus: statusEnum.optional(),
});
export type RelocateRequest = z.infer<typeof RelocateRequestSchema>;

export const AllowedTransitionSchema = z.object({
  to: statusEnum,
  toLabel: bilingual,
  label: bilingual,
  /** 'relocate': taken by the relocation form, not by a plain transition. */
  via: z.enum(['transition', 'relocate']),
});

export const StatusHistoryEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(['transition', 'relocation', 'registration']),
  from: statusEnum.nullable(),
  to: statusEnum,
  reason: z.string(),
  effectiveDate: z.string(),
  actor: actorRef,
  at: z.string(),
});

const placeSchema = SourceRegionsSchema.extend({
  address: z.string(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
});

export const RelocationEntrySchema = z.object({
  id: z.string(),
  from: placeSchema,
  to: placeSchema,
  reason: z.string(),
  effectiveDate: z.string(),
  actor: actorRef,
  at: z.string(),
});

export const PermitDecisionSchema = z.object({
  id: z.string(),
  industryCode: z.string(),
  catalogueRowNo: z.number().int(),
  suggestedClass: z.enum(PERMIT_CLASS.values),
  previousClass: z.enum(PERMIT_CLASS.values),
  chosenClass: z.enum(PERMIT_CLASS.values),
  decision: z.enum(['confirm', 'override']),
  reason: z.string().nullable(),
  actor: actorRef,
  at: z.string(),
});

export const LifecycleSchema = z.object({
  sourceId: z.string(),
  status: statusEnum,
  statusLabel: bilingual,
  version: z.number().int(),
  /** What THIS actor may do next. */
  allowedTransitions: z.array(AllowedTransitionSchema),
  /** Whether this actor may move the source now, and the statuses it may have at the new site. */
  relocation: z.object({ allowed: z.boolean(), outcomes: z.array(statusEnum) }),
  history: z.array(StatusHistoryEntrySchema),
  relocations: z.array(RelocationEntrySchema),
  permitDecisions: z.array(PermitDecisionSchema),
});
export type Lifecycle = z.infer<typeof LifecycleSchema>;

// ---------------------------------------------------------------- permit class (2019 名录)

export const PermitSuggestQuerySchema = z.strictObject({
  /** A GB/T 4754-2017 小类 (4 digits). */
  industryCode: z.string().trim().regex(/^\d{4}$/),
});

const cellSchema = z.object({
  /** The 名录's own words; null where the table has '/'. */
  text: z.string().nullable(),
  /** Whether this cell can apply to the industry code asked about. */
  applies: z.boolean(),
});

export const CatalogueRowSchema = z.object({
  no: z.number().int(),
  section: z.string(),
  industry: z.string(),
  /** How the row matched: its 小类 code, its 中类 prefix, or (row 108) no row lists the industry. */
  matchedBy: z.enum(['class', 'group', 'division', 'other_industries', 'general_process']),
  cells: z.object({ key: cellSchema, simplified: cellSchema, registration: cellSchema }),
  suggestedClass: z.enum(PERMIT_CLASS.values),
  basis: bilingual,
});
export type CatalogueRow = z.infer<typeof CatalogueRowSchema>;

export const PermitSuggestionSchema = z.object({
  industryCode: z.string(),
  industryName: z.string(),
  suggestedClass: z.enum(PERMIT_CLASS.values),
  /** The row the suggestion cites (no. and 行业类别). */
  citedRow: z.object({ no: z.number().int(), industry: z.string() }),
  basis: bilingual,
  rows: z.array(CatalogueRowSchema),
  /** 通用工序 (rows 109–112: 锅炉, 工业炉窑, 表面处理, 水处理): check them too; they can raise the class. */
  alsoCheck: z.array(CatalogueRowSchema),
  catalogue: z.object({ title: z.string(), issuedBy: z.string(), caveat: z.string() }),
});
export type PermitSuggestion = z.infer<typeof PermitSuggestionSchema>;

export const PermitClassRequestSchema = z.strictObject({
  permitClass: z.enum(PERMIT_CLASS.values),
  catalogueRowNo: z.number().int().min(1).max(112),
  decision: z.enum(['confirm', 'override']),
  /** Required for an override. */
  reason: reason.optional(),
  version: z.number().int().min(1),
});
export type PermitClassRequest = z.infer<typeof PermitClassRequestSchema>;

export const PermitClassResultSchema = z.object({
  sourceId: z.string(),
  permitClass: z.enum(PERMIT_CLASS.values),
  version: z.number().int(),
  decision: PermitDecisionSchema,
});

// ---------------------------------------------------------------- negative list and screening (准入)

export const RESTRICTION = {
  values: ['forbidden', 'restricted'] as const,
  labels: { forbidden: { zh: '禁止准入', en: 'Forbidden' }, restricted: { zh: '限制准入', en: 'Restricted' } },
};
const prefix = z.string().trim().regex(/^\d{2,4}$/);

export const NegativeEntryInputSchema = z.strictObject({
  /** The district, town or park the entry applies to; null = the whole platform (administrator only). */
  regionId: regionId.nullable(),
  /** A GB/T 4754 大类, 中类 or 小类 code (2–4 digits). */
  industryCodePrefix: prefix,
  name: z.string().trim().min(1).max(100),
  restriction: z.enum(RESTRICTION.values),
  /** Reason and legal basis. */
  reason,
  scopeNote: z.string().trim().max(500).nullable().optional(),
  active: z.boolean().optional(),
});
export type NegativeEntryInput = z.infer<typeof NegativeEntryInputSchema>;

export const NegativeEntryUpdateSchema = z.strictObject({
  version: z.number().int().min(1),
  industryCodePrefix: prefix.optional(),
  name: z.string().trim().min(1).max(100).optional(),
  restriction: z.enum(RESTRICTION.values).optional(),
  reason: reason.optional(),
  scopeNote: z.string().trim().max(500).nullable().optional(),
  active: z.boolean().optional(),
});
export type NegativeEntryUpdate = z.infer<typeof NegativeEntryUpdateSchema>;

export const NegativeEntrySchema = z.object({
  id: z.string(),
  regionId: z.string().nullable(),
  regionName: z.string().nullable(),
  industryCodePrefix: z.string(),
  industryName: z.string().nullable(),
  name: z.string(),
  restriction: z.enum(RESTRICTION.values),
  reason: z.string(),
  scopeNote: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** Whether the actor may edit or delete it. */
  editable: z.boolean(),
});
export type NegativeEntry = z.infer<typeof NegativeEntrySchema>;
export const NegativeListSchema = z.object({ items: z.array(NegativeEntrySchema), canCreate: z.boolean() });
export const DeleteQuerySchema = z.strictObject({ version: z.coerce.number().int().min(1) });

export const ScreeningRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  industryCode: z.string().trim().regex(/^\d{4}$/),
  /** Where the project would be: a town, a park, or both. */
  townId: regionId.optional(),
  parkId: regionId.optional(),
  uscc: z.string().trim().max(40).optional(),
});
export type ScreeningRequest = z.infer<typeof ScreeningRequestSchema>;

export const ScreeningResultSchema = z.object({
  verdict: z.enum(['allowed', 'restricted', 'forbidden']),
  verdictLabel: bilingual,
  hits: z.array(NegativeEntrySchema),
  permitSuggestion: PermitSuggestionSchema,
  notes: z.array(bilingual),
});
export type ScreeningResult = z.infer<typeof ScreeningResultSchema>;

export const RegisterRequestSchema = ScreeningRequestSchema.extend({
  uscc: z.string().trim().max(40),
  sourceType: z.enum(SOURCE_TYPE.values),
  gridId: regionId,
  address: z.string().trim().min(1).max(300),
  longitude: longitude.nullable().optional(),
  latitude: latitude.nullable().optional(),
  /** Defaults to the suggested class. */
  permitClass: z.enum(PERMIT_CLASS.values).optional(),
  /** Must be true to register a project the negative list restricts. */
  acknowledgeRestrictions: z.boolean().optional(),
});
export type RegisterRequest = z.infer<typeof RegisterRequestSchema>;

export const RegisterResultSchema = z.object({ sourceId: z.string(), status: statusEnum, screening: ScreeningResultSchema });

// ---------------------------------------------------------------- enterprise change proposals (企业信息更新)

/** What an enterprise may ask to change: contact and operating data, never identity (name, USCC), classification or status. */
export const PROPOSABLE_FIELDS = [
  'address', 'longitude', 'latitude', 'legalRepresentative', 'contactName', 'contactPhone', 'envDirectorName', 'envDirectorPhone',
  'employees', 'scale', 'registeredCapitalWan', 'establishedOn', 'landAreaM2', 'annualOutputWan', 'mainProducts', 'mainMaterials',
  'annualOperatingHours',
] as const;
export type ProposableField = (typeof PROPOSABLE_FIELDS)[number];

const basics = UpdateSourceBasicsSchema.shape;
export const ProposalChangesSchema = z
  .strictObject(Object.fromEntries(PROPOSABLE_FIELDS.map((f) => [f, basics[f]])) as { [K in ProposableField]: (typeof basics)[K] })
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'Propose at least one change' });
export type ProposalChanges = z.infer<typeof ProposalChangesSchema>;

export const ProposalRequestSchema = z.strictObject({
  changes: ProposalChangesSchema,
  note: z.string().trim().max(500).optional(),
});
export type ProposalRequest = z.infer<typeof ProposalRequestSchema>;

export const ProposalDecisionSchema = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  /** Required for a rejection. */
  reason: reason.optional(),
  /** The proposal's version. */
  version: z.number().int().min(1),
});
export type ProposalDecision = z.infer<typeof ProposalDecisionSchema>;

export const PROPOSAL_STATUS = ['pending', 'approved', 'rejected'] as const;
export const ProposalSchema = z.object({
  id: z.string(),
  sourceId: z.string(),
  sourceName: z.string(),
  status: z.enum(PROPOSAL_STATUS),
  changes: z.array(z.object({ field: z.string(), label: bilingual, old: z.unknown(), new: z.unknown() })),
  note: z.string().nullable(),
  /** The source's version the proposal was made on; approval fails with 409 once the source has changed since. */
  baseVersion: z.number().int(),
  proposedBy: actorRef,
  proposedAt: z.string(),
  decidedBy: actorRef.nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  version: z.number().int(),
  /** Whether the actor may approve or reject it now. */
  canDecide: z.boolean(),
});
export type Proposal = z.infer<typeof ProposalSchema>;
export const ProposalListSchema = z.object({ items: z.array(ProposalSchema), total: z.number().int() });
export const ProposalListQuerySchema = z.strictObject({
  status: z.enum(PROPOSAL_STATUS).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
