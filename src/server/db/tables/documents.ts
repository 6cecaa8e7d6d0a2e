/** Kysely table types for documents of a dossier (档案): files, versions. */
export interface DocumentTables {}
