import type { Generated } from 'kysely';
import type { Confidentiality, DocumentCategory, FileKind } from '../../../common/contracts/documents';
import type { Role } from '../../../common/enums';

export interface DocumentsTable {
  id: Generated<string>;
  source_id: string;
  category: DocumentCategory;
  title: string;
  /** 'YYYY-MM-DD' */
  document_date: string | null;
  confidentiality: Confidentiality;
  current_version_no: Generated<number>;
  from_enterprise: Generated<boolean>;
  created_by: string | null;
  deleted_at: Date | null;
  deleted_by: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DocumentVersionsTable {
  document_id: string;
  version_no: number;
  sha256: string;
  size_bytes: number;
  mime_type: string;
  file_kind: FileKind;
  original_name: string;
  note: string | null;
  uploaded_by: string | null;
  uploader_role: Role;
  from_enterprise: Generated<boolean>;
  created_at: Generated<Date>;
}

/** Kysely table types for documents of a dossier (档案): files, versions. */
export interface DocumentTables {
  documents: DocumentsTable;
  document_versions: DocumentVersionsTable;
}
