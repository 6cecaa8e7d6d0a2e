/** One sheet row → the typed values of its mapped, non-blank cells, and the reasons the others were refused. */
import { LEDGER_FIELD_BY_KEY, type ImportIssue, type LedgerField, type LedgerMapping } from '../../../../common/contracts/ledgers';
import type { Scale } from '../../../../common/dossier-enums';
import type { PermitClass, SourceType } from '../../../../common/enums';
import type { LedgerContext } from './context';
import type { RawRow } from './parse';
import {
  parseCoordinate,
  parseEmployees,
  parseIndustry,
  parsePermitClass,
  parsePhone,
  parseScale,
  parseSourceType,
  parseText,
  parseUscc,
  type Parsed,
} from './values';

/** Values given in the row; a field left blank (or not mapped) is absent. Regions stay as texts here. */
export interface RowValues {
  name?: string;
  uscc?: string;
  sourceType?: SourceType;
  industryCode?: string;
  permitClass?: PermitClass;
  town?: string;
  park?: string;
  grid?: string;
  address?: string;
  longitude?: number;
  latitude?: number;
  legalRepresentative?: string;
  scale?: Scale;
  employees?: number;
  contactName?: string;
  contactPhone?: string;
}

export interface ReadRow {
  values: RowValues;
  errors: ImportIssue[];
  /** The header text of each mapped field's column. */
  columnOf(field: LedgerField): string | null;
  issue(field: LedgerField, reason: { zh: string; en: string }): ImportIssue;
}

const text = (max: number, field: LedgerField) => (t: string) => parseText(t, max, LEDGER_FIELD_BY_KEY[field]);

export function readRow(row: RawRow, headers: string[], mapping: LedgerMapping, ctx: LedgerContext): ReadRow {
  const values: RowValues = {};
  const errors: ImportIssue[] = [];
  const columnOf = (field: LedgerField) => {
    const index = mapping[field];
    return index === undefined || index === null ? null : headers[index] ?? null;
  };
  const issue = (field: LedgerField, reason: { zh: string; en: string }): ImportIssue => ({ row: row.r, column: columnOf(field), field, ...reason });
  const cell = (field: LedgerField): { text: string; lossy: boolean } | null => {
    const index = mapping[field];
    if (index === undefined || index === null) return null;
    const t = (row.c[index] ?? '').trim();
    return t === '' ? null : { text: t, lossy: row.lossy?.includes(index) ?? false };
  };
  const take = <K extends keyof RowValues>(field: K & LedgerField, parse: (t: string, lossy: boolean) => Parsed<NonNullable<RowValues[K]>>) => {
    const c = cell(field);
    if (!c) return;
    const parsed = parse(c.text, c.lossy);
    if (parsed.ok) values[field] = parsed.value;
    else errors.push(issue(field, parsed.reason));
  };

  take('name', text(200, 'name'));
  take('uscc', parseUscc);
  take('sourceType', parseSourceType);
  take('industryCode', (t) => parseIndustry(t, ctx.industries));
  take('permitClass', parsePermitClass);
  take('town', text(60, 'town'));
  take('park', text(60, 'park'));
  take('grid', text(60, 'grid'));
  take('address', text(300, 'address'));
  take('longitude', (t) => parseCoordinate(t, 'longitude'));
  take('latitude', (t) => parseCoordinate(t, 'latitude'));
  take('legalRepresentative', text(50, 'legalRepresentative'));
  take('scale', parseScale);
  take('employees', parseEmployees);
  take('contactName', text(50, 'contactName'));
  take('contactPhone', parsePhone);
  return { values, errors, columnOf, issue };
}
