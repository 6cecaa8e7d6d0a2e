/**
 * The ledger's fields as the web shows them. LEDGER_FIELDS lives in a zod module that must not enter
 * the bundle; the Record type makes the compiler flag a field this mirror lacks.
 */
import type { LedgerField, RowStatus } from '../../../common/contracts/ledgers';
import type { DictKey } from '../../i18n/dict';

/** In the template's column order. */
export const FIELD_KEY: Record<LedgerField, DictKey> = {
  name: 'ledger.field.name',
  uscc: 'ledger.field.uscc',
  sourceType: 'ledger.field.sourceType',
  industryCode: 'ledger.field.industryCode',
  permitClass: 'ledger.field.permitClass',
  town: 'ledger.field.town',
  park: 'ledger.field.park',
  grid: 'ledger.field.grid',
  address: 'ledger.field.address',
  longitude: 'ledger.field.longitude',
  latitude: 'ledger.field.latitude',
  legalRepresentative: 'ledger.field.legalRepresentative',
  scale: 'ledger.field.scale',
  employees: 'ledger.field.employees',
  contactName: 'ledger.field.contactName',
  contactPhone: 'ledger.field.contactPhone',
};
export const FIELDS = Object.keys(FIELD_KEY) as LedgerField[];

/** Needed to create a source (LedgerFieldDef.required); a merge needs only the USCC. */
export const REQUIRED: ReadonlySet<LedgerField> = new Set<LedgerField>(['name', 'uscc', 'sourceType', 'industryCode', 'permitClass', 'town', 'grid', 'address']);

export const STATUS_KEY: Record<RowStatus, DictKey> = { new: 'ledger.status.new', duplicate: 'ledger.status.duplicate', invalid: 'ledger.status.invalid' };
export const STATUS_COLOR: Record<RowStatus, string> = { new: 'green', duplicate: 'blue', invalid: 'red' };

/** The report's filters: a row status, or rows with warnings / with changes. */
export type ReportFilter = 'all' | RowStatus | 'warned' | 'changed';
