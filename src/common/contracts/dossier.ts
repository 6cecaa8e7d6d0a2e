/**
 * The pollution-source dossier (一源一档) API. Routes (all need a session; jurisdiction = sourceInScope):
 *
 *   GET    /api/sources                               SourceListQuery → SourceList (filters, sort, paging)
 *   POST   /api/sources                               CreateSource → 201 Dossier (admin, bureau, town)
 *   GET    /api/sources/:id/dossier                   → Dossier (basic data, every section, completeness)
 *   PATCH  /api/sources/:id                           UpdateSourceBasics → Dossier (409 stale_version)
 *   GET    /api/sources/:id/history                   HistoryQuery → History (who, when, field old → new)
 *   POST   /api/sources/:id/sections/<section>        SECTION_INPUT[section] → 201 SECTION_ROW[section]
 *   PATCH  /api/sections/<section>/:rowId             sectionUpdateSchema(section) → SECTION_ROW[section]
 *   DELETE /api/sections/<section>/:rowId?version=N   → 204
 *   GET    /api/completeness/by-town                  → CompletenessByTown (一企一表 建立率)
 *   GET    /api/industries?q=&level=4&limit=          → IndustryList (GB/T 4754-2017 picker; no scope)
 *   GET    /api/standards?id=&medium=                 → StandardList (emission standards with tables and rows; no scope)
 *   GET    /api/hazardous-waste-codes?q=&category=    → HwCodeList (国家危险废物名录 2021; no scope)
 *
 * <section> is one of SECTION_KEYS: eia-approvals, acceptances, permits, outlets, outlet-limits,
 * facilities, devices, hazardous-wastes, emergency-plans, penalties, credit-ratings, contacts.
 * Edits (POST/PATCH/DELETE) are for admin, bureau, town, provider_manager and inspector; enterprise,
 * grid and expert users read only (403 on an edit of a source in their scope); outside it: 404.
 * The one standard is fetched with GET /api/standards?id=…: a path id would put reference data, which
 * has no jurisdiction, into the jurisdiction matrix.
 */
import { z } from 'zod';
import { PERMIT_CLASS, SOURCE_TYPE } from '../enums';
import { SCALE } from '../dossier-enums';
import { SECTION_ROW, isoDate, latitude, longitude, phone, type SectionKey, type SectionRow } from './sections';

export * from './sections';
export * from './reference';

const bilingual = z.object({ zh: z.string(), en: z.string() });

// ---------------------------------------------------------------- list

export const SOURCE_SORTS = ['name', '-name', 'updatedAt', '-updatedAt', 'industryCode', '-industryCode', 'employees', '-employees'] as const;
export type SourceSort = (typeof SOURCE_SORTS)[number];

export const SourceListQuerySchema = z.strictObject({
  /** Name (substring), USCC (prefix) or address (substring). */
  q: z.string().trim().max(100).optional(),
  /** A town or park: matches sources of that town and sources in that park. */
  townId: z.string().max(64).optional(),
  parkId: z.string().max(64).optional(),
  gridId: z.string().max(64).optional(),
  sourceType: z.enum(SOURCE_TYPE.values).optional(),
  /** GB/T 4754 code prefix ('26' = 大类 化学原料和化学制品制造业, '2641' = one 小类) or a 门类 letter ('C'). */
  industryCode: z.string().trim().regex(/^([A-T]|\d{2,4})$/).optional(),
  permitClass: z.enum(PERMIT_CLASS.values).optional(),
  /** lifecycle_status (准入评估 → … → 关闭; the values are the lifecycle module's). */
  status: z.string().trim().regex(/^[a-z_]{1,32}$/).optional(),
  sort: z.enum(SOURCE_SORTS).default('name'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type SourceListQuery = z.infer<typeof SourceListQuerySchema>;

/** Where a source is: its town, park (optional) and grid, with their names. */
export const SourceRegionsSchema = z.object({
  townId: z.string(),
  townName: z.string(),
  parkId: z.string().nullable(),
  parkName: z.string().nullable(),
  gridId: z.string(),
  gridName: z.string(),
});

export const SourceListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string(),
  sourceType: z.enum(SOURCE_TYPE.values),
  industryCode: z.string(),
  industryName: z.string().nullable(),
  permitClass: z.enum(PERMIT_CLASS.values),
  lifecycleStatus: z.string(),
  ...SourceRegionsSchema.shape,
  address: z.string(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  employees: z.number().int().nullable(),
  completenessPercent: z.number().int(),
  updatedAt: z.string(),
});
export type SourceListItem = z.infer<typeof SourceListItemSchema>;
export const SourceListSchema = z.object({ items: z.array(SourceListItemSchema), total: z.number().int() });
export type SourceList = z.infer<typeof SourceListSchema>;

// ---------------------------------------------------------------- basic data

/** The editable basic data (基本信息). Location (grid/park) changes go through relocation (lifecycle). */
const basicFields = {
  name: z.string().trim().min(1).max(200),
  /** 统一社会信用代码; the server names the reason when its GB 32100 check fails. */
  uscc: z.string().trim().max(40),
  sourceType: z.enum(SOURCE_TYPE.values),
  /** A GB/T 4754-2017 小类 (4 digits). */
  industryCode: z.string().trim().max(10),
  permitClass: z.enum(PERMIT_CLASS.values),
  address: z.string().trim().min(1).max(300),
  /** WGS-84; both or neither, inside the source's district. */
  longitude: longitude.nullable(),
  latitude: latitude.nullable(),
  legalRepresentative: z.string().trim().max(50).nullable(),
  scale: z.enum(SCALE.values).nullable(),
  employees: z.number().int().min(0).max(1_000_000).nullable(),
  contactName: z.string().trim().max(50).nullable(),
  contactPhone: phone.nullable(),
  /** 环保总监 (or the person in charge of environmental affairs). */
  envDirectorName: z.string().trim().max(50).nullable(),
  envDirectorPhone: phone.nullable(),
  /** 注册资本, 万元. */
  registeredCapitalWan: z.number().min(0).max(100_000_000).nullable(),
  establishedOn: isoDate.nullable(),
  /** 占地面积, m². */
  landAreaM2: z.number().min(0).max(100_000_000).nullable(),
  /** 年产值, 万元. */
  annualOutputWan: z.number().min(0).max(100_000_000).nullable(),
  mainProducts: z.string().trim().max(500).nullable(),
  mainMaterials: z.string().trim().max(500).nullable(),
  /** 年生产时间, hours. */
  annualOperatingHours: z.number().int().min(0).max(8784).nullable(),
};
type BasicFields = typeof basicFields;
const optionalBasics = Object.fromEntries(Object.entries(basicFields).map(([k, v]) => [k, v.optional()])) as {
  [K in keyof BasicFields]: z.ZodOptional<BasicFields[K]>;
};
export const BASIC_FIELDS = Object.keys(basicFields) as Array<keyof BasicFields>;

export const CreateSourceSchema = z.strictObject({
  ...optionalBasics,
  name: basicFields.name,
  uscc: basicFields.uscc,
  sourceType: basicFields.sourceType,
  industryCode: basicFields.industryCode,
  permitClass: basicFields.permitClass,
  address: basicFields.address,
  /** The grid (村居/地块) the source sits in; its town follows from the grid. */
  gridId: z.string().trim().min(1).max(64),
  parkId: z.string().trim().min(1).max(64).nullable().optional(),
});
export type CreateSource = z.infer<typeof CreateSourceSchema>;

export const UpdateSourceBasicsSchema = z.strictObject({ version: z.number().int().min(1), ...optionalBasics });
export type UpdateSourceBasics = z.infer<typeof UpdateSourceBasicsSchema>;

export const SourceBasicsSchema = z.object({
  id: z.string(),
  ...basicFields,
  industryName: z.string().nullable(),
  lifecycleStatus: z.string(),
  ...SourceRegionsSchema.shape,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SourceBasics = z.infer<typeof SourceBasicsSchema>;

// ---------------------------------------------------------------- dossier

export const CompletenessItemSchema = z.object({ key: z.string(), zh: z.string(), en: z.string() });
export const CompletenessSchema = z.object({
  /** Share of the required items present, 0–100 (rounded down: 100 only when nothing is missing). */
  percent: z.number().int(),
  required: z.array(CompletenessItemSchema.extend({ done: z.boolean() })),
  missing: z.array(CompletenessItemSchema),
});
export type Completeness = z.infer<typeof CompletenessSchema>;

const sectionArrays = Object.fromEntries(Object.entries(SECTION_ROW).map(([k, v]) => [k, z.array(v)])) as {
  [K in SectionKey]: z.ZodArray<(typeof SECTION_ROW)[K]>;
};
export const DossierSectionsSchema = z.object(sectionArrays);
export type DossierSections = { [K in SectionKey]: Array<SectionRow<K>> };

export const DossierSchema = z.object({
  source: SourceBasicsSchema,
  /** Every section's rows, keyed by section (SECTION_KEYS). */
  sections: DossierSectionsSchema,
  completeness: CompletenessSchema,
  version: z.number().int(),
  /** Whether the actor may edit this dossier (the UI shows or hides its edit buttons). */
  canEdit: z.boolean(),
});
export type Dossier = Omit<z.infer<typeof DossierSchema>, 'sections'> & { sections: DossierSections };

// ---------------------------------------------------------------- history

export const HistoryQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const FieldChangeSchema = z.object({
  /** The API field name (camelCase), e.g. 'validUntil'. */
  field: z.string(),
  label: bilingual,
  old: z.unknown(),
  new: z.unknown(),
});

export const HistoryEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.object({ id: z.string().nullable(), username: z.string().nullable(), displayName: z.string().nullable() }),
  /** e.g. 'source.update', 'source.permit.create', 'source.outlet.delete'. */
  action: z.string(),
  entityType: z.string(),
  /** The section the row belongs to, 'basics' for the source itself, null for other modules' entries. */
  section: z.string().nullable(),
  sectionLabel: bilingual.nullable(),
  entityId: z.string().nullable(),
  /** Per field: old → new (created rows: old null; deleted rows: new null). */
  changes: z.array(FieldChangeSchema),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
export const HistorySchema = z.object({ items: z.array(HistoryEntrySchema), total: z.number().int() });
export type History = z.infer<typeof HistorySchema>;

// ---------------------------------------------------------------- completeness by town

export const CompletenessRowSchema = z.object({
  regionId: z.string(),
  name: z.string(),
  level: z.enum(['town', 'park']),
  sources: z.number().int(),
  complete: z.number().int(),
  /** complete / sources × 100, one decimal (0 when there are no sources). */
  rate: z.number(),
  /** The items most often missing, most frequent first (at most 5). */
  topMissing: z.array(CompletenessItemSchema.extend({ count: z.number().int() })),
});
export const CompletenessByTownSchema = z.object({
  rows: z.array(CompletenessRowSchema),
  total: z.object({ sources: z.number().int(), complete: z.number().int(), rate: z.number() }),
});
export type CompletenessByTown = z.infer<typeof CompletenessByTownSchema>;

export const IdParamSchema = z.strictObject({ id: z.uuid() });
export const RowIdParamSchema = z.strictObject({ rowId: z.uuid() });
export const DeleteRowQuerySchema = z.strictObject({ version: z.coerce.number().int().min(1) });
