/** A stored import batch → the API's view of it. */
import { sql, type Kysely, type Selectable } from 'kysely';
import {
  LEDGER_FIELDS,
  type ImportResult,
  type ImportRow,
  type ImportSummary,
  type LedgerField,
  type LedgerImport,
  type LedgerMapping,
} from '../../../../common/contracts/ledgers';
import type { DB } from '../../../db/schema';
import type { LedgerImportsTable } from '../../../db/tables/ledgers';
import type { RawRow } from './parse';

export type BatchRow = Selectable<LedgerImportsTable>;

/** A batch as read for its view: the big columns left out, the first rows and the summary picked in SQL. */
export type BatchHead = Omit<BatchRow, 'cells' | 'report'> & { preview_cells: unknown; summary: unknown };

const HEAD_COLUMNS = [
  'id', 'org_key', 'file_name', 'file_sha256', 'file_size', 'sheet_name', 'header_row', 'headers', 'header_hash', 'mapping',
  'mapping_source', 'row_count', 'status', 'commit_mode', 'duplicates_mode', 'created_count', 'merged_count', 'unchanged_count',
  'skipped_count', 'invalid_count', 'created_by', 'committed_by', 'committed_at', 'version', 'created_at', 'updated_at',
] as const;

export function selectBatchHead(db: Kysely<DB>) {
  return db
    .selectFrom('ledger_imports')
    .select(HEAD_COLUMNS)
    .select([sql<unknown>`jsonb_path_query_array(cells, '$[0 to ${sql.lit(PREVIEW_ROWS - 1)}]')`.as('preview_cells'), sql<unknown>`report -> 'summary'`.as('summary')]);
}

export interface StoredReport {
  summary: ImportSummary;
  rows: ImportRow[];
}

const PREVIEW_ROWS = 5;

/** Only the mapped fields, as the batch stores them. */
export function compactMapping(mapping: LedgerMapping): Record<string, number> {
  return Object.fromEntries(Object.entries(mapping).filter(([, v]) => v !== null && v !== undefined)) as Record<string, number>;
}

export function mappingGaps(headers: string[], mapping: LedgerMapping) {
  const used = new Set(Object.values(mapping).filter((v): v is number => typeof v === 'number'));
  return {
    unmappedHeaders: headers.filter((_, i) => !used.has(i)),
    missingRequiredFields: LEDGER_FIELDS.filter((f) => f.required && (mapping[f.key] === undefined || mapping[f.key] === null)).map((f) => f.key as LedgerField),
  };
}

async function displayNames(db: Kysely<DB>, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export function resultOf(batch: Pick<BatchRow, 'status' | 'commit_mode' | 'duplicates_mode' | 'created_count' | 'merged_count' | 'unchanged_count' | 'skipped_count' | 'invalid_count' | 'committed_at' | 'committed_by'>, names: Map<string, string>): ImportResult | null {
  if (batch.status !== 'committed') return null;
  return {
    mode: batch.commit_mode!,
    duplicates: batch.duplicates_mode!,
    created: batch.created_count,
    merged: batch.merged_count,
    unchanged: batch.unchanged_count,
    skipped: batch.skipped_count,
    invalid: batch.invalid_count,
    committedAt: new Date(batch.committed_at!).toISOString(),
    committedBy: names.get(batch.committed_by ?? '') ?? '',
  };
}

export async function batchView(db: Kysely<DB>, batch: BatchHead): Promise<LedgerImport> {
  const headers = batch.headers as string[];
  const mapping = batch.mapping as Record<string, number>;
  const names = await displayNames(db, [batch.created_by, batch.committed_by]);
  return {
    importId: batch.id,
    fileName: batch.file_name,
    sha256: batch.file_sha256,
    fileSize: batch.file_size,
    status: batch.status,
    version: batch.version,
    sheetName: batch.sheet_name,
    headerRow: batch.header_row,
    headers,
    mapping,
    mappingSource: batch.mapping_source,
    ...mappingGaps(headers, mapping),
    preview: (batch.preview_cells as RawRow[]).map((r) => ({ row: r.r, cells: headers.map((_, i) => r.c[i] ?? '') })),
    summary: batch.summary as ImportSummary,
    createdAt: new Date(batch.created_at).toISOString(),
    createdBy: names.get(batch.created_by) ?? '',
    result: resultOf(batch, names),
  };
}
