/** Kysely table types for Excel ledger imports (台账导入): batches, remembered column mappings. */
export interface LedgerTables {}
