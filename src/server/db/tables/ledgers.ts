import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string, string>;

/** Kysely table types for Excel ledger imports (台账导入): batches, remembered column mappings. */
export interface LedgerImportsTable {
  id: Generated<string>;
  /** The owning organisation: 'admin', 'region:<id>', 'provider:<id>' (see ledger/org.ts). */
  org_key: string;
  file_name: string;
  file_sha256: string;
  file_size: number;
  sheet_name: string;
  header_row: number;
  headers: Json;
  header_hash: string;
  mapping: Json;
  mapping_source: 'auto' | 'remembered' | 'user';
  /** The data rows as read from the sheet: [{r: Excel row number, c: cell texts, lossy?: column indexes}]. */
  cells: Json;
  row_count: number;
  report: Json;
  status: Generated<'staged' | 'committed'>;
  commit_mode: 'all_or_nothing' | 'valid_rows' | null;
  duplicates_mode: 'merge' | 'skip' | null;
  created_count: Generated<number>;
  merged_count: Generated<number>;
  unchanged_count: Generated<number>;
  skipped_count: Generated<number>;
  invalid_count: Generated<number>;
  created_by: string;
  committed_by: string | null;
  committed_at: Date | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface LedgerColumnMappingsTable {
  org_key: string;
  header_hash: string;
  headers: Json;
  mapping: Json;
  updated_by: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface LedgerTables {
  ledger_imports: LedgerImportsTable;
  ledger_column_mappings: LedgerColumnMappingsTable;
}
