/** What merging a row into its stored source would change: given, non-blank values that differ. */
import { type ImportChange, type LedgerField } from '../../../../common/contracts/ledgers';
import { SCALE } from '../../../../common/dossier-enums';
import { PERMIT_CLASS, SOURCE_TYPE } from '../../../../common/enums';
import type { ExistingSource, LedgerContext } from './context';
import type { ReadRow, RowValues } from './row-values';

type Mergeable = Exclude<keyof RowValues, 'uscc' | 'town' | 'park' | 'grid'>;

/** Field → sources column, for every field a merge may change. */
export const MERGE_COLUMNS: Record<Mergeable, keyof ExistingSource> = {
  name: 'name',
  sourceType: 'source_type',
  industryCode: 'industry_code',
  permitClass: 'permit_class',
  address: 'address',
  longitude: 'longitude',
  latitude: 'latitude',
  legalRepresentative: 'legal_representative',
  scale: 'scale',
  employees: 'employees',
  contactName: 'contact_name',
  contactPhone: 'contact_phone',
};

/** A stored or new value as the user reads it: labels for enums, the industry's name. */
export function display(field: LedgerField, value: unknown, ctx: Pick<LedgerContext, 'industries'>): string | null {
  if (value === null || value === undefined || value === '') return null;
  switch (field) {
    case 'sourceType':
      return SOURCE_TYPE.labels[value as keyof typeof SOURCE_TYPE.labels]?.zh ?? String(value);
    case 'permitClass':
      return PERMIT_CLASS.labels[value as keyof typeof PERMIT_CLASS.labels]?.zh ?? String(value);
    case 'scale':
      return SCALE.labels[value as keyof typeof SCALE.labels]?.zh ?? String(value);
    case 'industryCode': {
      const name = ctx.industries.nameOf(String(value));
      return name ? `${value} ${name}` : String(value);
    }
    default:
      return String(value);
  }
}

function same(field: Mergeable, stored: unknown, given: unknown): boolean {
  if (field === 'longitude' || field === 'latitude') {
    return typeof stored === 'number' && Math.abs(stored - (given as number)) < 5e-7;
  }
  return stored === given;
}

export function diffExisting(read: ReadRow, existing: ExistingSource, ctx: LedgerContext) {
  const changes: ImportChange[] = [];
  const before: Record<string, unknown> = {};
  const set: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(MERGE_COLUMNS) as Array<[Mergeable, keyof ExistingSource]>) {
    const given = read.values[field];
    if (given === undefined || same(field, existing[column], given)) continue;
    before[column] = existing[column];
    set[column] = given;
    changes.push({ field, column: read.columnOf(field), old: display(field, existing[column], ctx), new: display(field, given, ctx) });
  }
  return { changes, before, set };
}
