/**
 * What the generic section service needs to know of each section: its table, the rows of the same
 * source it may point at, what must be unique, what refers to it, and its checks against reference data.
 */
import type { Transaction } from 'kysely';
import { SECTION_INPUT, type SectionKey } from '../../../../common/contracts/dossier';
import { SECTIONS } from '../../../../common/dossier-sections';
import type { Bilingual } from '../../../../common/enums';
import type { DB } from '../../../db/schema';
import { AppError, invalidField } from '../../../http/errors';
import { hazardousWaste } from '../reference/catalogues';
import { findStandardRow } from '../reference/standards';
import { assertInsideDistrict } from '../location';

/** A row in API shape (camelCase), before or after a change. */
export type ApiRow = Record<string, unknown>;

export interface CheckContext {
  trx: Transaction<DB>;
  sourceId: string;
  /** The source's region path; its first segment is the district code. */
  regionPath: string;
}

export interface UniqueRule {
  /** API fields that together must be unique (within the source, or `global`ly). */
  fields: string[];
  global?: boolean;
  /** The field the error names (default: the first). */
  field?: string;
  code: string;
  message: (row: ApiRow) => Bilingual;
}

export interface SectionSpec {
  key: SectionKey;
  table: string;
  entity: string;
  label: Bilingual;
  /** API fields holding the id of another row of the same source, and that row's section. */
  links: Record<string, SectionKey>;
  unique: UniqueRule[];
  /** Rows of other sections that point at this one: it cannot be deleted while they do. */
  dependents: Array<{ section: SectionKey; field: string }>;
  /** API fields stored as jsonb. */
  json: string[];
  /** Columns computed from the row, stored alongside (e.g. the waste category from its code). */
  derive?: (row: ApiRow) => ApiRow;
  /** Fields added when the row is read (not stored). */
  decorate?: (row: ApiRow) => ApiRow;
  /** Checks against reference data and the source; throws a 400 naming the field. */
  check?: (row: ApiRow, ctx: CheckContext) => void | Promise<void>;
  /** Order of the rows in the dossier (API fields, descending when prefixed with '-'). */
  order: string[];
}

const TABLES: Record<SectionKey, string> = {
  'eia-approvals': 'eia_approvals',
  acceptances: 'completion_acceptances',
  permits: 'permits',
  outlets: 'outlets',
  'outlet-limits': 'outlet_limits',
  facilities: 'treatment_facilities',
  devices: 'monitoring_devices',
  'hazardous-wastes': 'hazardous_wastes',
  'emergency-plans': 'emergency_plans',
  penalties: 'penalties',
  'credit-ratings': 'credit_ratings',
  contacts: 'source_contacts',
};

function checkStandardLimit(row: ApiRow): void {
  if (row.basis !== 'standard') return;
  const found = findStandardRow(String(row.standardId), String(row.standardTable), String(row.standardRow));
  if (!found) {
    throw invalidField('standardRow', `排放标准条目不存在：${row.standardId} / ${row.standardTable} / ${row.standardRow}`, `No such emission standard row: ${row.standardId} / ${row.standardTable} / ${row.standardRow}`);
  }
  const { standard, row: s } = found;
  const where = `${standard.code} ${s.pollutantName}${s.condition ? `（${s.condition}）` : ''}`;
  const mismatch = (field: string, expected: unknown, zhName: string) =>
    invalidField(field, `${zhName}与标准 ${where} 不一致：应为 ${expected}`, `${field} differs from the standard ${standard.code} row ${s.key}: expected ${expected}`);
  if (row.pollutantCode !== s.pollutantCode) throw mismatch('pollutantCode', s.pollutantCode, '污染物代码');
  if (row.unit !== s.unit) throw mismatch('unit', s.unit, '单位');
  // A row without a number (不得检出) takes the value the user records, e.g. the method's detection limit.
  if (s.limitValue !== null && row.limitValue !== s.limitValue) throw mismatch('limitValue', s.limitValue, '限值');
  if (s.limitLower !== null && row.limitLower !== s.limitLower) throw mismatch('limitLower', s.limitLower, '下限');
  if (s.referenceO2Percent !== null && row.referenceO2Percent != null && row.referenceO2Percent !== s.referenceO2Percent) {
    throw mismatch('referenceO2Percent', s.referenceO2Percent, '基准氧含量');
  }
}

const specs: Record<SectionKey, Omit<SectionSpec, 'key' | 'table' | 'entity' | 'label'>> = {
  'eia-approvals': { links: {}, unique: [], dependents: [{ section: 'acceptances', field: 'eiaApprovalId' }], json: [], order: ['approvalDate', 'createdAt'] },
  acceptances: { links: { eiaApprovalId: 'eia-approvals' }, unique: [], dependents: [], json: [], order: ['acceptanceDate', 'createdAt'] },
  permits: {
    links: {},
    unique: [{ fields: ['permitNumber'], code: 'duplicate', message: (r) => ({ zh: `许可证编号 ${r.permitNumber} 已登记`, en: `Permit ${r.permitNumber} is already on file` }) }],
    dependents: [{ section: 'outlet-limits', field: 'permitId' }],
    json: [],
    order: ['-validUntil', 'createdAt'],
  },
  outlets: {
    links: {},
    unique: [{ fields: ['code'], code: 'duplicate', message: (r) => ({ zh: `排放口编号 ${r.code} 已存在`, en: `Outlet ${r.code} already exists` }) }],
    dependents: [
      { section: 'outlet-limits', field: 'outletId' },
      { section: 'facilities', field: 'outletId' },
      { section: 'devices', field: 'outletId' },
    ],
    json: [],
    check: (row, ctx) => {
      if (row.longitude != null && row.latitude != null) assertInsideDistrict(ctx.regionPath, row.longitude as number, row.latitude as number);
    },
    order: ['code'],
  },
  'outlet-limits': {
    links: { outletId: 'outlets', permitId: 'permits' },
    unique: [{ fields: ['outletId', 'pollutantCode', 'unit'], field: 'pollutantCode', code: 'duplicate', message: (r) => ({ zh: `该排放口已有 ${r.pollutantName}（${r.unit}）的限值`, en: `This outlet already has a limit for ${r.pollutantCode} in ${r.unit}` }) }],
    dependents: [],
    json: [],
    check: (row) => checkStandardLimit(row),
    // A limit from a standard that names a reference O2 keeps it, for 折算 of the readings.
    derive: (row) => {
      if (row.basis !== 'standard' || row.referenceO2Percent != null) return {};
      const found = findStandardRow(String(row.standardId), String(row.standardTable), String(row.standardRow));
      return found?.row.referenceO2Percent != null ? { referenceO2Percent: found.row.referenceO2Percent } : {};
    },
    order: ['outletId', 'pollutantCode'],
  },
  facilities: { links: { outletId: 'outlets' }, unique: [], dependents: [], json: [], order: ['name'] },
  devices: {
    links: { outletId: 'outlets' },
    unique: [{ fields: ['mn'], global: true, code: 'mn_taken', message: (r) => ({ zh: `MN 编码 ${r.mn} 已被其他设备使用`, en: `MN ${r.mn} is already used by another device` }) }],
    dependents: [],
    json: ['pollutants'],
    order: ['mn'],
  },
  'hazardous-wastes': {
    links: {},
    unique: [{ fields: ['hwCode', 'name'], field: 'name', code: 'duplicate', message: (r) => ({ zh: `危险废物 ${r.hwCode} ${r.name} 已登记`, en: `Hazardous waste ${r.hwCode} ${r.name} is already on file` }) }],
    dependents: [],
    json: [],
    check: (row) => {
      if (!hazardousWaste(String(row.hwCode))) {
        throw invalidField('hwCode', `废物代码 ${row.hwCode} 不在《国家危险废物名录（2021年版）》中`, `Waste code ${row.hwCode} is not in the 2021 national list of hazardous wastes`);
      }
    },
    derive: (row) => ({ category: hazardousWaste(String(row.hwCode))?.category }),
    decorate: (row) => ({ categoryName: hazardousWaste(String(row.hwCode))?.categoryName ?? '' }),
    order: ['hwCode'],
  },
  'emergency-plans': { links: {}, unique: [], dependents: [], json: [], order: ['-filedOn'] },
  penalties: {
    links: {},
    unique: [{ fields: ['decisionNumber'], code: 'duplicate', message: (r) => ({ zh: `处罚决定书 ${r.decisionNumber} 已登记`, en: `Decision ${r.decisionNumber} is already on file` }) }],
    dependents: [],
    json: [],
    order: ['-decisionDate'],
  },
  'credit-ratings': {
    links: {},
    unique: [{ fields: ['year'], code: 'duplicate', message: (r) => ({ zh: `${r.year} 年度的信用评价已登记`, en: `The rating for ${r.year} is already on file` }) }],
    dependents: [],
    json: [],
    order: ['-year'],
  },
  contacts: { links: {}, unique: [], dependents: [], json: [], order: ['role', 'name'] },
};

export const SECTION_SPECS: Record<SectionKey, SectionSpec> = Object.fromEntries(
  (Object.keys(SECTION_INPUT) as SectionKey[]).map((key) => [key, { key, table: TABLES[key], entity: SECTIONS[key].entity, label: SECTIONS[key].label, ...specs[key] }]),
) as Record<SectionKey, SectionSpec>;

export const rowNotFound = (spec: SectionSpec) =>
  new AppError(404, 'not_found', `${spec.label.zh}记录不存在或不在您的管辖范围内`, `${spec.label.en} row not found or outside your jurisdiction`);
