/**
 * How each dossier section's fields are edited and shown. Names and labels come from the shared
 * section definitions (common/dossier-sections.ts); this adds the input kind, whether a field is
 * required (as in the section's zod contract), and which fields the table shows.
 */
import type { SectionKey } from '../../../../common/contracts/dossier';
import {
  ACCEPTANCE_KIND, CONTACT_ROLE, CREDIT_RATING, EIA_KIND, EQUIPMENT_STATUS, FACILITY_KIND, LIMIT_BASIS, OUTLET_CATEGORY,
  OUTLET_KIND, PENALTY_STATUS, PERMIT_HELD_CLASS, PERMIT_STATUS, REPORT_FREQUENCY, RISK_LEVEL,
} from '../../../../common/dossier-enums';
import type { Bilingual } from '../../../../common/enums';

export type Labelled = { values: readonly string[]; labels: Record<string, Bilingual> };
export type RefSection = 'outlets' | 'eia-approvals' | 'permits';

export type FieldKind =
  | { type: 'text'; max: number; multiline?: boolean }
  | { type: 'date' }
  | { type: 'int'; min: number; max: number }
  | { type: 'number'; min: number; max: number }
  | { type: 'enum'; values: Labelled }
  | { type: 'ref'; section: RefSection }
  | { type: 'tags' }
  | { type: 'hwCode' }
  /** A GB/T 4754 小类 from the industry picker. */
  | { type: 'industry' }
  | { type: 'phone' }
  /** Shown, never edited (computed by the server). */
  | { type: 'derived' };

export type Values = Record<string, unknown>;

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required?: boolean;
  /** Optional but not nullable in the contract: an empty value is left out instead of sent as null. */
  omitEmpty?: boolean;
  /** Shown as a table column (the form shows every non-derived field). */
  list?: boolean;
  /** Not applicable for these values: hidden in the form and sent as null. */
  hidden?: (v: Values) => boolean;
  /** A wide field (a whole row of the form). */
  wide?: boolean;
  /** Filled by a picker of its own (the standard row picker), not typed. */
  managed?: boolean;
  /** Shown but not editable for these values (e.g. what a standard row dictates). */
  locked?: (v: Values) => boolean;
}

const text = (max: number, multiline = false): FieldKind => ({ type: 'text', max, multiline });
const en = (values: Labelled): FieldKind => ({ type: 'enum', values });
const date: FieldKind = { type: 'date' };
const lon: FieldKind = { type: 'number', min: -180, max: 180 };
const lat: FieldKind = { type: 'number', min: -90, max: 90 };

export const SECTION_FIELDS: Record<SectionKey, FieldSpec[]> = {
  'eia-approvals': [
    { name: 'projectName', kind: text(200), required: true, list: true, wide: true },
    { name: 'kind', kind: en(EIA_KIND), required: true, list: true },
    { name: 'documentNumber', kind: text(100), list: true },
    { name: 'approvingAuthority', kind: text(100), list: true },
    { name: 'approvalDate', kind: date, list: true },
  ],
  acceptances: [
    { name: 'projectName', kind: text(200), required: true, list: true, wide: true },
    { name: 'eiaApprovalId', kind: { type: 'ref', section: 'eia-approvals' }, list: true },
    { name: 'kind', kind: en(ACCEPTANCE_KIND), required: true, list: true },
    { name: 'acceptanceDate', kind: date, required: true, list: true },
    { name: 'documentRef', kind: text(200), list: true },
  ],
  permits: [
    { name: 'permitNumber', kind: text(60), required: true, list: true },
    { name: 'permitClass', kind: en(PERMIT_HELD_CLASS), required: true, list: true },
    { name: 'issueDate', kind: date },
    { name: 'validFrom', kind: date, required: true, list: true },
    { name: 'validUntil', kind: date, required: true, list: true },
    { name: 'reportFrequency', kind: en(REPORT_FREQUENCY), list: true, hidden: (v) => v.permitClass === 'registration' },
    { name: 'annualReportDueMonth', kind: { type: 'int', min: 1, max: 12 }, omitEmpty: true, hidden: (v) => v.permitClass === 'registration' },
    { name: 'annualReportDueDay', kind: { type: 'int', min: 1, max: 31 }, omitEmpty: true, hidden: (v) => v.permitClass === 'registration' },
    { name: 'issuingAuthority', kind: text(100) },
    { name: 'status', kind: en(PERMIT_STATUS), omitEmpty: true, list: true },
  ],
  outlets: [
    { name: 'code', kind: text(20), required: true, list: true },
    { name: 'name', kind: text(100), required: true, list: true },
    { name: 'kind', kind: en(OUTLET_KIND), required: true, list: true },
    { name: 'category', kind: en(OUTLET_CATEGORY), list: true },
    { name: 'longitude', kind: lon },
    { name: 'latitude', kind: lat },
    { name: 'heightM', kind: { type: 'number', min: 0.1, max: 400 }, list: true, hidden: (v) => v.kind !== 'gas' },
    { name: 'dischargeDestination', kind: text(200), list: true },
  ],
  'outlet-limits': [
    { name: 'outletId', kind: { type: 'ref', section: 'outlets' }, required: true, list: true },
    { name: 'basis', kind: en(LIMIT_BASIS), required: true, list: true },
    { name: 'standardId', managed: true, kind: text(40), hidden: (v) => v.basis !== 'standard' },
    { name: 'standardTable', managed: true, kind: text(60), hidden: (v) => v.basis !== 'standard' },
    { name: 'standardRow', managed: true, kind: text(120), hidden: (v) => v.basis !== 'standard' },
    { name: 'permitId', kind: { type: 'ref', section: 'permits' }, hidden: (v) => v.basis !== 'permit' },
    { name: 'pollutantCode', kind: text(20), required: true, list: true, locked: (v) => v.basis === 'standard' },
    { name: 'pollutantName', kind: text(50), required: true, list: true },
    { name: 'limitValue', kind: { type: 'number', min: 0, max: 1e9 }, required: true, list: true },
    { name: 'limitLower', kind: { type: 'number', min: 0, max: 1e9 } },
    { name: 'unit', kind: text(20), required: true, locked: (v) => v.basis === 'standard' },
    { name: 'referenceO2Percent', kind: { type: 'number', min: 0, max: 21 } },
  ],
  facilities: [
    { name: 'name', kind: text(100), required: true, list: true },
    { name: 'kind', kind: en(FACILITY_KIND), required: true, list: true },
    { name: 'process', kind: text(200), list: true },
    { name: 'outletId', kind: { type: 'ref', section: 'outlets' }, list: true },
    { name: 'designCapacity', kind: text(100), list: true },
    { name: 'commissionedOn', kind: date },
    { name: 'status', kind: en(EQUIPMENT_STATUS), omitEmpty: true, list: true },
  ],
  devices: [
    { name: 'mn', kind: text(40), required: true, list: true },
    { name: 'outletId', kind: { type: 'ref', section: 'outlets' }, list: true },
    { name: 'pollutants', kind: { type: 'tags' }, required: true, list: true, wide: true },
    { name: 'vendor', kind: text(100), list: true },
    { name: 'model', kind: text(100) },
    { name: 'installedOn', kind: date },
    { name: 'status', kind: en(EQUIPMENT_STATUS), omitEmpty: true, list: true },
  ],
  'hazardous-wastes': [
    { name: 'hwCode', kind: { type: 'hwCode' }, required: true, list: true, wide: true },
    { name: 'category', kind: { type: 'derived' }, list: true },
    { name: 'name', kind: text(100), required: true, list: true },
    { name: 'annualAmountT', kind: { type: 'number', min: 0, max: 10_000_000 }, required: true, list: true },
    { name: 'storageFacility', kind: text(200), list: true },
    { name: 'disposer', kind: text(200), list: true },
    { name: 'disposerLicence', kind: text(60) },
    { name: 'transferNote', kind: text(500, true), wide: true },
  ],
  'emergency-plans': [
    { name: 'riskLevel', kind: en(RISK_LEVEL), required: true, list: true },
    { name: 'filingNumber', kind: text(60), required: true, list: true },
    { name: 'filedOn', kind: date, required: true, list: true },
    { name: 'nextRevisionOn', kind: date, list: true },
  ],
  penalties: [
    { name: 'decisionNumber', kind: text(100), required: true, list: true },
    { name: 'decisionDate', kind: date, required: true, list: true },
    { name: 'authority', kind: text(100), required: true, list: true },
    { name: 'violation', kind: text(500, true), required: true, list: true, wide: true },
    { name: 'lawArticle', kind: text(200) },
    { name: 'amountYuan', kind: { type: 'number', min: 0, max: 1_000_000_000 }, list: true },
    { name: 'status', kind: en(PENALTY_STATUS), omitEmpty: true, list: true },
  ],
  'credit-ratings': [
    { name: 'year', kind: { type: 'int', min: 2000, max: 2100 }, required: true, list: true },
    { name: 'rating', kind: en(CREDIT_RATING), required: true, list: true },
    { name: 'assessor', kind: text(100), list: true },
    { name: 'ratedOn', kind: date, list: true },
  ],
  contacts: [
    { name: 'name', kind: text(50), required: true, list: true },
    { name: 'role', kind: en(CONTACT_ROLE), required: true, list: true },
    { name: 'phone', kind: { type: 'phone' }, list: true },
    { name: 'email', kind: text(200), list: true },
  ],
};

const empty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** Form values → the API body: trimmed, empty optional values as null (or left out), inapplicable ones null. */
export function toBody(section: SectionKey, values: Values): Values {
  const out: Values = {};
  for (const f of SECTION_FIELDS[section]) {
    if (f.kind.type === 'derived') continue;
    let v = values[f.name];
    if (typeof v === 'string') v = v.trim();
    if (f.hidden?.(values) || empty(v)) {
      if (!f.omitEmpty) out[f.name] = null;
      continue;
    }
    out[f.name] = v;
  }
  return out;
}

/** Only what changed against the stored row (a PATCH of one field is judged with the rest by the server). */
export function changedFields(body: Values, row: Values): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(body)) {
    if (JSON.stringify(v ?? null) !== JSON.stringify(row[k] ?? null)) out[k] = v;
  }
  return out;
}

/** A stored row → form values (null → undefined, so inputs show empty). */
export function toFormValues(section: SectionKey, row: Values | null): Values {
  const out: Values = {};
  for (const f of SECTION_FIELDS[section]) {
    const v = row?.[f.name];
    out[f.name] = v === null ? undefined : v;
  }
  return out;
}
