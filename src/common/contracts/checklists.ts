/**
 * The checklist API (检查项库、检查模板、评分). Routes (all need a session):
 *
 *   GET    /api/checklist-items?area=&q=&sourceType=&industryCode=&verified=   → ChecklistItemList (every role reads the bank)
 *   POST   /api/checklist-items                         ChecklistItemInput → 201 ChecklistItem (admin; a new code in the area's series)
 *   PATCH  /api/checklist-items/:id                     ChecklistItemUpdate → ChecklistItem (admin; 404 for anyone else; 409 stale_version)
 *   GET    /api/checklist-templates?status=&sourceType=&industryCode=&id=   → TemplateList (platform-wide ones and the actor's district's, with items)
 *   POST   /api/checklist-templates                     TemplateInput → 201 Template (admin, bureau)
 *   PATCH  /api/checklist-templates/:id                 TemplateUpdate → Template (admin all, bureau its district's; items and bands only on a draft: else 409 template_frozen)
 *   POST   /api/checklist-templates/:id/copy            TemplateCopy → 201 Template (a draft copy)
 *   GET    /api/checklist-templates/applicable?sourceId=   → ApplicableTemplates (active templates for that source; 404 outside the jurisdiction)
 *   POST   /api/checklist-scoring/preview               ScoringPreviewRequest → ScoringPreview (nothing stored)
 */
import { z } from 'zod';
import { ANSWERS } from '../checklist-scoring';
import { SOURCE_TYPE } from '../enums';
import { INSPECTION_AREA_CODES } from '../inspection-areas';

const bilingual = z.object({ zh: z.string(), en: z.string() });
export const areaCode = z.enum(INSPECTION_AREA_CODES);
const sourceType = z.enum(SOURCE_TYPE.values);
/** A GB/T 4754-2017 code or prefix: 门类 digits of 2 (大类) to 4 (小类). */
const industryPrefix = z.string().trim().regex(/^[0-9]{2,4}$/);
const boolString = z.enum(['true', 'false']);
/** An article reference parsed out of a basis text (src/common/citations.ts). */
const citation = z.object({ lawName: z.string(), article: z.number(), paragraph: z.number().optional(), item: z.number().optional(), label: z.string() });
const version = z.number().int().min(1);

export const IdParamSchema = z.strictObject({ id: z.uuid() });

// ---------------------------------------------------------------- item bank

export const ChecklistItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  area: areaCode,
  areaLabel: bilingual,
  text: z.string(),
  legalBasis: z.string(),
  penaltyBasis: z.string(),
  /** Articles parsed out of the legal basis, e.g. {lawName: '环境影响评价法', article: 16, label: '第十六条'}. */
  legalRefs: z.array(citation),
  penaltyRefs: z.array(citation),
  /** False: the item's article or penalty mapping was not verified against the article texts (see note). */
  verified: z.boolean(),
  note: z.string().nullable(),
  /** Empty = every source type / every industry. */
  sourceTypes: z.array(sourceType),
  industryPrefixes: z.array(z.string()),
  active: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
  editable: z.boolean(),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

export const ChecklistItemListQuerySchema = z.strictObject({
  area: areaCode.optional(),
  /** Searches the code, the text and both bases. */
  q: z.string().trim().max(100).optional(),
  /** Only items that apply to this source type (items for every type included). */
  sourceType: sourceType.optional(),
  /** Only items that apply to this industry (a 2–4 digit GB/T 4754 code). */
  industryCode: industryPrefix.optional(),
  verified: boolString.optional(),
  /** Inactive items are listed for the administrator only, and only when asked. */
  includeInactive: boolString.optional(),
});
export type ChecklistItemListQuery = z.infer<typeof ChecklistItemListQuerySchema>;

export const AreaCountSchema = z.object({ code: areaCode, label: bilingual, count: z.number() });

export const ChecklistItemListSchema = z.object({
  items: z.array(ChecklistItemSchema),
  total: z.number(),
  /** Per area: how many items match the other filters. */
  areas: z.array(AreaCountSchema),
  canEdit: z.boolean(),
});
export type ChecklistItemList = z.infer<typeof ChecklistItemListSchema>;

const itemText = z.string().trim().min(1).max(1000);
const basis = z.string().trim().min(1).max(2000);
const note = z.string().trim().max(1000).nullable();

export const ChecklistItemInputSchema = z.strictObject({
  area: areaCode,
  /** Optional; by default the next code of the area's series (EP-18, AIR-18, …). */
  code: z.string().trim().regex(/^[A-Z]{2,4}-[0-9]{2,3}$/).optional(),
  text: itemText,
  legalBasis: basis,
  penaltyBasis: basis,
  verified: z.boolean().optional(),
  note: note.optional(),
  sourceTypes: z.array(sourceType).max(6).optional(),
  industryPrefixes: z.array(industryPrefix).max(50).optional(),
  active: z.boolean().optional(),
});
export type ChecklistItemInput = z.infer<typeof ChecklistItemInputSchema>;

export const ChecklistItemUpdateSchema = z.strictObject({
  version,
  text: itemText.optional(),
  legalBasis: basis.optional(),
  penaltyBasis: basis.optional(),
  verified: z.boolean().optional(),
  note: note.optional(),
  sourceTypes: z.array(sourceType).max(6).optional(),
  industryPrefixes: z.array(industryPrefix).max(50).optional(),
  active: z.boolean().optional(),
});
export type ChecklistItemUpdate = z.infer<typeof ChecklistItemUpdateSchema>;

// ---------------------------------------------------------------- templates

export const TEMPLATE_STATUS = ['draft', 'active', 'retired'] as const;
export const templateStatus = z.enum(TEMPLATE_STATUS);

export const BandSchema = z.object({ min: z.number(), label: z.object({ zh: z.string().max(20), en: z.string().max(40) }) });
export type BandInput = z.infer<typeof BandSchema>;

export const TemplateItemInputSchema = z.strictObject({
  itemId: z.uuid(),
  /** > 0 (checked by the service, which names the field). */
  weight: z.number(),
  maxScore: z.number().int().min(1).max(100).optional(),
  /** Order in the form; defaults to the order given. */
  sort: z.number().int().min(0).max(10000).optional(),
});
export type TemplateItemInput = z.infer<typeof TemplateItemInputSchema>;

const templateName = z.string().trim().min(1).max(100);
const description = z.string().trim().max(1000).nullable();

export const TemplateInputSchema = z.strictObject({
  name: templateName,
  description: description.optional(),
  /** Administrator only: null or omitted = platform-wide, or a district's id. A bureau's template belongs to its district. */
  regionId: z.string().trim().min(1).max(64).nullable().optional(),
  sourceTypes: z.array(sourceType).max(6).optional(),
  industryPrefixes: z.array(industryPrefix).max(50).optional(),
  bands: z.array(BandSchema).max(10).optional(),
  items: z.array(TemplateItemInputSchema).max(500).optional(),
});
export type TemplateInput = z.infer<typeof TemplateInputSchema>;

export const TemplateUpdateSchema = z.strictObject({
  version,
  name: templateName.optional(),
  description: description.optional(),
  sourceTypes: z.array(sourceType).max(6).optional(),
  industryPrefixes: z.array(industryPrefix).max(50).optional(),
  /** Only on a draft. */
  bands: z.array(BandSchema).max(10).optional(),
  status: templateStatus.optional(),
  /** Replaces the template's items as a whole; only on a draft. */
  items: z.array(TemplateItemInputSchema).max(500).optional(),
});
export type TemplateUpdate = z.infer<typeof TemplateUpdateSchema>;

export const TemplateCopySchema = z.strictObject({ name: templateName.optional() });
export type TemplateCopy = z.infer<typeof TemplateCopySchema>;

export const TemplateItemSchema = z.object({
  itemId: z.string(),
  code: z.string(),
  area: areaCode,
  text: z.string(),
  legalBasis: z.string(),
  penaltyBasis: z.string(),
  verified: z.boolean(),
  note: z.string().nullable(),
  active: z.boolean(),
  weight: z.number(),
  maxScore: z.number(),
  sort: z.number(),
});
export type TemplateItem = z.infer<typeof TemplateItemSchema>;

export const TemplateSchema = z.object({
  id: z.string(),
  regionId: z.string().nullable(),
  regionName: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  sourceTypes: z.array(sourceType),
  industryPrefixes: z.array(z.string()),
  bands: z.array(BandSchema),
  status: templateStatus,
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The actor may change it (name, applicability, status…). */
  editable: z.boolean(),
  /** The actor may change its items and bands: an editable draft. */
  itemsEditable: z.boolean(),
  /** The actor may copy it into a new draft. */
  copyable: z.boolean(),
  items: z.array(TemplateItemSchema),
  areas: z.array(AreaCountSchema),
});
export type Template = z.infer<typeof TemplateSchema>;

export const TemplateListQuerySchema = z.strictObject({
  status: templateStatus.optional(),
  sourceType: sourceType.optional(),
  industryCode: industryPrefix.optional(),
  /** One template (there is no GET by id path). */
  id: z.uuid().optional(),
});
export type TemplateListQuery = z.infer<typeof TemplateListQuerySchema>;

export const TemplateListSchema = z.object({ items: z.array(TemplateSchema), canCreate: z.boolean() });
export type TemplateList = z.infer<typeof TemplateListSchema>;

export const ApplicableQuerySchema = z.strictObject({ sourceId: z.uuid() });

export const ApplicableTemplatesSchema = z.object({
  source: z.object({ id: z.string(), name: z.string(), sourceType, industryCode: z.string() }),
  templates: z.array(TemplateSchema),
});
export type ApplicableTemplates = z.infer<typeof ApplicableTemplatesSchema>;

// ---------------------------------------------------------------- scoring

export const ItemAnswerSchema = z.strictObject({
  answer: z.enum(ANSWERS),
  /** 0..maxScore; omitted = full marks when compliant, 0 when not. */
  score: z.number().nullable().optional(),
});

export const ScoringPreviewRequestSchema = z.strictObject({
  templateId: z.uuid(),
  /** By item id. */
  answers: z.record(z.string(), ItemAnswerSchema),
});
export type ScoringPreviewRequest = z.infer<typeof ScoringPreviewRequestSchema>;

export const AreaScoreSchema = z.object({
  area: areaCode,
  label: bilingual,
  score: z.number().nullable(),
  earned: z.number(),
  possible: z.number(),
  items: z.number(),
  answered: z.number(),
  notApplicable: z.number(),
  nonCompliant: z.number(),
});

export const ScoringPreviewSchema = z.object({
  complete: z.boolean(),
  missing: z.array(z.object({ itemId: z.string(), code: z.string() })),
  areas: z.array(AreaScoreSchema),
  total: z.number().nullable(),
  band: BandSchema.nullable(),
  earned: z.number(),
  possible: z.number(),
});
export type ScoringPreview = z.infer<typeof ScoringPreviewSchema>;
