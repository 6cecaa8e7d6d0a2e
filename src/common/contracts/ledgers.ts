/**
 * Excel ledgers (台账导入导出) of pollution sources. Routes (all need a session):
 *
 *   GET  /api/ledgers/sources/template.xlsx              the import template (headers, lists, example row)
 *   GET  /api/ledgers/sources/export.xlsx?<list filters>  the filtered list (GET /api/sources's filters and sort)
 *   GET  /api/ledgers/sources/imports                     → ImportList: the organisation's recent batches
 *   POST /api/ledgers/sources/imports                     .xlsx (multipart field "file", or the raw body with
 *                                                         its media type and x-file-name) → 201 LedgerImport;
 *                                                         the same file again → 200 with its existing batch
 *   GET  /api/ledgers/sources/imports/:id?status&page     → ImportReport: the batch and its report rows
 *   POST /api/ledgers/sources/imports/:id/mapping         UpdateMapping → LedgerImport (re-validated)
 *   POST /api/ledgers/sources/imports/:id/commit          CommitImport → CommitResponse
 *
 * Who may do what:
 * - import (upload, map columns, commit) and download the template: `admin`, `bureau`, `town`
 *   (towns and parks) and `provider_manager`; other roles get 403;
 * - create new sources: `admin`, `bureau`, `town`, inside their jurisdiction only; a
 *   `provider_manager` only updates (merges) the sources its provider is contracted for, so its
 *   new rows are invalid;
 * - an import batch belongs to the uploader's organisation (its region, its provider, or all
 *   administrators): anyone else gets 404 for it;
 * - export: every role, for the sources in its own scope.
 * Duplicates are decided by 统一社会信用代码. A merge fills empty fields and changes differing ones;
 * an empty cell never clears a stored value, and the town/park/grid of an existing source is never
 * changed by an import (moving a source is a relocation, with its own history). A new source's grid
 * is a village/community (村居) of its town; the park, if any, is given beside it.
 * Errors of the upload itself (file type, size, rows, columns) are 400/413 with field 'file'.
 */
import { z } from 'zod';
import { type Bilingual, type Role } from '../enums';

export const LEDGER_FIELD_KEYS = [
  'name', 'uscc', 'sourceType', 'industryCode', 'permitClass', 'town', 'park', 'grid', 'address',
  'longitude', 'latitude', 'legalRepresentative', 'scale', 'employees', 'contactName', 'contactPhone',
] as const;
export type LedgerField = (typeof LEDGER_FIELD_KEYS)[number];

export interface LedgerFieldDef {
  key: LedgerField;
  /** The template's header text. */
  zh: string;
  en: string;
  /** Needed to create a source (a merge needs only the USCC). */
  required: boolean;
  /** Other header texts that mean the same column. */
  synonyms: readonly string[];
  /** How to fill it, for the template's instructions sheet. */
  hint: Bilingual;
}

/** The template's columns, in order. */
export const LEDGER_FIELDS: readonly LedgerFieldDef[] = [
  { key: 'name', zh: '企业名称', en: 'Name', required: true, synonyms: ['单位名称', '污染源名称', '公司名称', '企业(单位)名称', '单位全称', '名称'], hint: { zh: '营业执照上的全称', en: 'Full registered name' } },
  { key: 'uscc', zh: '统一社会信用代码', en: 'USCC', required: true, synonyms: ['信用代码', '社会信用代码', '统一信用代码', 'uscc'], hint: { zh: '18位，按 GB 32100 校验；存在即更新（合并），否则新建', en: '18 characters, GB 32100 check; an existing code is merged, otherwise created' } },
  { key: 'sourceType', zh: '污染源类型', en: 'Source type', required: true, synonyms: ['类型', '源类型', '污染源类别', '企业类型'], hint: { zh: '从下拉列表选择', en: 'Pick from the list' } },
  { key: 'industryCode', zh: '行业代码', en: 'Industry code', required: true, synonyms: ['国民经济行业代码', '行业类别代码', '行业分类代码', '国标行业代码'], hint: { zh: 'GB/T 4754-2017 小类，4位数字，如 3484', en: 'GB/T 4754-2017 class, 4 digits, e.g. 3484' } },
  { key: 'permitClass', zh: '排污许可管理类别', en: 'Permit class', required: true, synonyms: ['许可管理类别', '排污许可类别', '管理类别', '许可类别', '排污许可分类'], hint: { zh: '重点管理 / 简化管理 / 登记管理 / 不纳入', en: 'Key / simplified / registration / not covered' } },
  { key: 'town', zh: '所属街镇', en: 'Town', required: true, synonyms: ['街镇', '所属镇', '街道/镇', '所在街镇', '镇(街道)', '街道'], hint: { zh: '名称或代码，见右侧取值列表', en: 'Name or code, see the lists on the right' } },
  { key: 'park', zh: '所属园区', en: 'Park', required: false, synonyms: ['园区', '所在园区'], hint: { zh: '名称或代码；不在园区可留空', en: 'Name or code; blank when not in a park' } },
  { key: 'grid', zh: '所属村居/网格', en: 'Grid (village)', required: true, synonyms: ['村居', '网格', '所属网格', '所属村居', '村居委', '村(居)委会', '所在村居'], hint: { zh: '名称或代码，须属于所填街镇', en: 'Name or code, in the town given' } },
  { key: 'address', zh: '地址', en: 'Address', required: true, synonyms: ['详细地址', '生产经营地址', '经营地址', '企业地址', '注册地址', '地址(生产经营场所)'], hint: { zh: '生产经营场所地址', en: 'Address of the premises' } },
  { key: 'longitude', zh: '经度', en: 'Longitude', required: false, synonyms: ['x', 'lng', 'lon', 'longitude', '经度(x)', '坐标x'], hint: { zh: 'WGS-84 十进制度，须在本区范围内', en: 'WGS-84 decimal degrees, inside the district' } },
  { key: 'latitude', zh: '纬度', en: 'Latitude', required: false, synonyms: ['y', 'lat', 'latitude', '纬度(y)', '坐标y'], hint: { zh: 'WGS-84 十进制度，与经度同时填写', en: 'WGS-84 decimal degrees, together with the longitude' } },
  { key: 'legalRepresentative', zh: '法定代表人', en: 'Legal representative', required: false, synonyms: ['法人', '法人代表', '负责人'], hint: { zh: '', en: '' } },
  { key: 'scale', zh: '规模', en: 'Scale', required: false, synonyms: ['企业规模', '规模类型'], hint: { zh: '大型 / 中型 / 小型 / 微型', en: 'Large / medium / small / micro' } },
  { key: 'employees', zh: '从业人数', en: 'Employees', required: false, synonyms: ['员工人数', '职工人数', '人数', '员工数'], hint: { zh: '整数', en: 'Whole number' } },
  { key: 'contactName', zh: '联系人', en: 'Contact', required: false, synonyms: ['环保联系人', '环保负责人', '联系人姓名'], hint: { zh: '', en: '' } },
  { key: 'contactPhone', zh: '联系电话', en: 'Contact phone', required: false, synonyms: ['电话', '手机', '联系方式', '手机号码', '联系人电话'], hint: { zh: '手机或座机', en: 'Mobile or landline' } },
];

export const LEDGER_FIELD_BY_KEY = Object.fromEntries(LEDGER_FIELDS.map((f) => [f.key, f])) as Record<LedgerField, LedgerFieldDef>;

/** Roles that may import ledgers; of these, the ones that may create new sources. */
export const LEDGER_IMPORT_ROLES: readonly Role[] = ['admin', 'bureau', 'town', 'provider_manager'];
export const LEDGER_CREATE_ROLES: readonly Role[] = ['admin', 'bureau', 'town'];

/** Upload limits. */
export const LEDGER_MAX_FILE_BYTES = 20 * 1024 * 1024;
export const LEDGER_MAX_ROWS = 20_000;
export const LEDGER_MAX_COLUMNS = 200;
/** Rows whose name starts with this are the template's example and are not imported. */
export const LEDGER_EXAMPLE_MARK = '【示例】';

export const ROW_STATUS = ['new', 'duplicate', 'invalid'] as const;
export type RowStatus = (typeof ROW_STATUS)[number];

const column = z.number().int().min(0).max(LEDGER_MAX_COLUMNS - 1).nullable().optional();
/** field → 0-based index into `headers`; a field left out or null is not imported. */
export const LedgerMappingSchema = z.strictObject({
  name: column, uscc: column, sourceType: column, industryCode: column, permitClass: column, town: column, park: column, grid: column,
  address: column, longitude: column, latitude: column, legalRepresentative: column, scale: column, employees: column, contactName: column, contactPhone: column,
});
export type LedgerMapping = Partial<Record<LedgerField, number | null>>;

export const ImportIssueSchema = z.object({
  /** The Excel row number (1-based, as Excel shows it). */
  row: z.number().int(),
  /** The header text of the column, or null when the problem is a column the file lacks. */
  column: z.string().nullable(),
  field: z.enum(LEDGER_FIELD_KEYS).nullable(),
  zh: z.string(),
  en: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

/** One field a merge would change: display values (labels, names), old → new. */
export const ImportChangeSchema = z.object({
  field: z.enum(LEDGER_FIELD_KEYS),
  column: z.string().nullable(),
  old: z.string().nullable(),
  new: z.string().nullable(),
});
export type ImportChange = z.infer<typeof ImportChangeSchema>;

export const ImportRowSchema = z.object({
  row: z.number().int(),
  status: z.enum(ROW_STATUS),
  name: z.string().nullable(),
  uscc: z.string().nullable(),
  /** The existing source a duplicate would merge into. */
  sourceId: z.string().nullable(),
  errors: z.array(ImportIssueSchema),
  warnings: z.array(ImportIssueSchema),
  changes: z.array(ImportChangeSchema),
});
export type ImportRow = z.infer<typeof ImportRowSchema>;

export const ImportSummarySchema = z.object({
  rows: z.number().int(),
  new: z.number().int(),
  duplicate: z.number().int(),
  /** Duplicates whose merge would change at least one field. */
  duplicateChanged: z.number().int(),
  invalid: z.number().int(),
  /** Rows with at least one warning (near-duplicate names, a differing town…). */
  warned: z.number().int(),
  /** Field changes a merge of every duplicate would make. */
  changes: z.number().int(),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

export const COMMIT_MODE = ['all_or_nothing', 'valid_rows'] as const;
export const DUPLICATES_MODE = ['merge', 'skip'] as const;

export const CommitImportSchema = z.strictObject({
  /** The batch version the user last saw (mapping changes bump it): a stale one answers 409. */
  version: z.number().int().min(1),
  /** all_or_nothing: refuse (400) if any row is invalid; valid_rows: import the valid rows only. */
  mode: z.enum(COMMIT_MODE),
  duplicates: z.enum(DUPLICATES_MODE),
});
export type CommitImport = z.infer<typeof CommitImportSchema>;

export const ImportResultSchema = z.object({
  mode: z.enum(COMMIT_MODE),
  duplicates: z.enum(DUPLICATES_MODE),
  created: z.number().int(),
  merged: z.number().int(),
  /** Duplicates identical to the stored source: nothing to write. */
  unchanged: z.number().int(),
  /** Duplicates with changes, not merged because the user chose skip. */
  skipped: z.number().int(),
  invalid: z.number().int(),
  committedAt: z.string(),
  committedBy: z.string(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const UpdateMappingSchema = z.strictObject({
  version: z.number().int().min(1),
  mapping: LedgerMappingSchema,
  /** Remember this mapping for later files with the same header row (per organisation). */
  remember: z.boolean().default(false),
});
export type UpdateMapping = z.infer<typeof UpdateMappingSchema>;

export const LedgerImportSchema = z.object({
  importId: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  fileSize: z.number().int(),
  status: z.enum(['staged', 'committed']),
  version: z.number().int(),
  sheetName: z.string(),
  /** The Excel row number of the header row. */
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.number().int()),
  mappingSource: z.enum(['auto', 'remembered', 'user']),
  unmappedHeaders: z.array(z.string()),
  missingRequiredFields: z.array(z.enum(LEDGER_FIELD_KEYS)),
  preview: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  summary: ImportSummarySchema,
  createdAt: z.string(),
  createdBy: z.string(),
  result: ImportResultSchema.nullable(),
});
export type LedgerImport = z.infer<typeof LedgerImportSchema>;

export const ReportQuerySchema = z.strictObject({
  status: z.enum([...ROW_STATUS, 'warned', 'changed']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(200),
});

export const ImportReportSchema = LedgerImportSchema.extend({
  rows: z.array(ImportRowSchema),
  /** Rows matching the status filter (all rows without one). */
  rowsTotal: z.number().int(),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

export const CommitResponseSchema = ImportResultSchema.extend({
  importId: z.string(),
  /** True when the batch had already been committed: nothing was done, this is the first result. */
  replayed: z.boolean(),
});
export type CommitResponse = z.infer<typeof CommitResponseSchema>;

export const ImportListSchema = z.object({
  items: z.array(LedgerImportSchema.omit({ preview: true, headers: true, mapping: true, unmappedHeaders: true, missingRequiredFields: true })),
});

export const ImportIdParamSchema = z.strictObject({ id: z.uuid() });
