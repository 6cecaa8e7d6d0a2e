/**
 * The knowledge library (法规政策与合规宝典) API. Routes (all need a session; every role reads):
 *
 *   GET    /api/laws                                  → LawIndex (33 laws and regulations; outdated editions flagged)
 *   GET    /api/laws/articles?law=&q=&no=&ref=&limit=&offset=  → ArticleList
 *          law: a key of GET /api/laws; q: words, all must match (text, label or law name), label hits first;
 *          no: an article number (with law); ref: a citation such as 《环境影响评价法》第十六条.
 *   GET    /api/handbook?year=                        → Handbook (default: the latest published edition), entries by area,
 *                                                       each entry's legal basis resolved to article texts
 *   GET    /api/handbook/editions                     → HandbookEditionList (non-admins: published editions only)
 *   POST   /api/handbook/editions                     EditionCreate → 201 HandbookEditionSummary (admin: the next year's
 *                                                       edition, a draft copy of the latest published one)
 *   POST   /api/handbook/editions/:id/publish         VersionBody → HandbookEditionSummary (admin; a draft only)
 *   POST   /api/handbook/editions/:id/entries         EntryInput → 201 HandbookEntry (admin; a draft only)
 *   PATCH  /api/handbook/entries/:id                  EntryUpdate → HandbookEntry (admin; a draft only; 409 stale_version)
 *   DELETE /api/handbook/entries/:id?version=N        → 204 (admin; a draft only)
 *
 * Laws are shared reference data without jurisdiction: they take query parameters, never a path id.
 * Only the administrator edits the handbook; for every other role an edit target does not exist (404).
 */
import { z } from 'zod';
import { INSPECTION_AREA_CODES } from '../inspection-areas';

const bilingual = z.object({ zh: z.string(), en: z.string() });
const areaCode = z.enum(INSPECTION_AREA_CODES);
const year = z.coerce.number().int().min(2000).max(2100);
const version = z.number().int().min(1);

export const IdParamSchema = z.strictObject({ id: z.uuid() });
export const DeleteQuerySchema = z.strictObject({ version: z.coerce.number().int().min(1) });
export const VersionBodySchema = z.strictObject({ version });
export type VersionBody = z.infer<typeof VersionBodySchema>;

// ---------------------------------------------------------------- laws (法律法规)

export const LawSummarySchema = z.object({
  /** The data file's name without .json, e.g. zhrmghghjyxpjf. */
  key: z.string(),
  /** Short name, e.g. 环境影响评价法. */
  name: z.string(),
  /** Full title, e.g. 中华人民共和国环境影响评价法. */
  title: z.string(),
  revisionNote: z.string(),
  /** Number of articles. */
  articles: z.number().int(),
  /** The edition in the library has been replaced; outdatedNote says by what. */
  outdated: z.boolean(),
  outdatedNote: bilingual.nullable(),
});
export type LawSummary = z.infer<typeof LawSummarySchema>;
export const LawIndexSchema = z.object({ items: z.array(LawSummarySchema) });
export type LawIndex = z.infer<typeof LawIndexSchema>;

export const ArticleQuerySchema = z.strictObject({
  law: z.string().trim().min(1).max(64).optional(),
  q: z.string().trim().max(200).optional(),
  no: z.coerce.number().int().min(1).max(9999).optional(),
  ref: z.string().trim().min(1).max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100000).default(0),
});
export type ArticleQuery = z.infer<typeof ArticleQuerySchema>;

export const ArticleSchema = z.object({
  law: z.string(),
  lawName: z.string(),
  no: z.number().int(),
  /** e.g. 第十六条 */
  label: z.string(),
  chapter: z.string().nullable(),
  /** The paragraphs joined with \n. */
  text: z.string(),
});
export type Article = z.infer<typeof ArticleSchema>;
export const ArticleListSchema = z.object({ items: z.array(ArticleSchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
export type ArticleList = z.infer<typeof ArticleListSchema>;

/** A citation of a legal-basis text (src/common/citations.ts) with the article it points to, when the library has it. */
export const ResolvedCitationSchema = z.object({
  lawName: z.string(),
  article: z.number().int(),
  paragraph: z.number().int().optional(),
  item: z.number().int().optional(),
  label: z.string(),
  /** The law's key in GET /api/laws; null when the library does not hold the law or the article. */
  law: z.string().nullable(),
  /** The whole article's text; null when not found. */
  text: z.string().nullable(),
});
export type ResolvedCitation = z.infer<typeof ResolvedCitationSchema>;

// ---------------------------------------------------------------- handbook (合规宝典)

export const EDITION_STATUS = {
  values: ['draft', 'published'] as const,
  labels: { draft: { zh: '草稿', en: 'Draft' }, published: { zh: '已发布', en: 'Published' } },
};
const editionStatus = z.enum(EDITION_STATUS.values);

export const HandbookEditionSummarySchema = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  status: editionStatus,
  publishedAt: z.string().nullable(),
  version: z.number().int(),
  entryCount: z.number().int(),
  /** Whether the actor may edit it (the administrator, a draft). */
  editable: z.boolean(),
});
export type HandbookEditionSummary = z.infer<typeof HandbookEditionSummarySchema>;
export const HandbookEditionListSchema = z.object({ items: z.array(HandbookEditionSummarySchema), canCreate: z.boolean() });
export type HandbookEditionList = z.infer<typeof HandbookEditionListSchema>;

export const HandbookEntrySchema = z.object({
  id: z.string(),
  editionId: z.string(),
  area: areaCode,
  sort: z.number().int(),
  title: z.string(),
  requirements: z.string(),
  commonProblems: z.string(),
  legalBasis: z.string(),
  examples: z.string(),
  citations: z.array(ResolvedCitationSchema),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type HandbookEntry = z.infer<typeof HandbookEntrySchema>;

export const HandbookSchema = z.object({
  edition: HandbookEditionSummarySchema,
  areas: z.array(z.object({ code: areaCode, label: bilingual, entries: z.array(HandbookEntrySchema) })),
});
export type Handbook = z.infer<typeof HandbookSchema>;

export const HandbookQuerySchema = z.strictObject({ year: year.optional() });
export type HandbookQuery = z.infer<typeof HandbookQuerySchema>;

export const EditionCreateSchema = z.strictObject({
  /** Default: the year after the latest edition. */
  year: z.number().int().min(2000).max(2100).optional(),
  /** Default: 合规宝典（{year}年版）. */
  title: z.string().trim().min(1).max(100).optional(),
});
export type EditionCreate = z.infer<typeof EditionCreateSchema>;

const text = (max: number) => z.string().trim().max(max);
const title = z.string().trim().min(1).max(200);

export const EntryInputSchema = z.strictObject({
  area: areaCode,
  title,
  requirements: text(5000).min(1),
  commonProblems: text(5000).default(''),
  legalBasis: text(2000).default(''),
  examples: text(5000).default(''),
  /** Position within its area; default: after the last. */
  sort: z.number().int().min(0).max(100000).optional(),
});
export type EntryInput = z.infer<typeof EntryInputSchema>;

export const EntryUpdateSchema = z.strictObject({
  version,
  area: areaCode.optional(),
  title: title.optional(),
  requirements: text(5000).min(1).optional(),
  commonProblems: text(5000).optional(),
  legalBasis: text(2000).optional(),
  examples: text(5000).optional(),
  sort: z.number().int().min(0).max(100000).optional(),
});
export type EntryUpdate = z.infer<typeof EntryUpdateSchema>;
