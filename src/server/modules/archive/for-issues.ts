/**
 * What the issues module reads of the archive: documents of one source named as rectification evidence
 * (整改材料). The caller has checked that the issue, and so its source, is in the actor's scope.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export interface SourceDocumentRef {
  id: string;
  title: string;
  fileName: string | null;
  url: string;
  deleted: boolean;
}

/** The given documents of the source (deleted ones included, flagged); ids of other sources are left out. */
export async function sourceDocumentRefs(db: Kysely<DB>, sourceId: string, ids: readonly string[]): Promise<SourceDocumentRef[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('documents')
    .leftJoin('document_versions', (j) => j.onRef('document_versions.document_id', '=', 'documents.id').onRef('document_versions.version_no', '=', 'documents.current_version_no'))
    .select(['documents.id', 'documents.title', 'documents.current_version_no', 'documents.deleted_at', 'document_versions.original_name'])
    .where('documents.id', 'in', [...ids])
    .where('documents.source_id', '=', sourceId)
    .orderBy('documents.created_at')
    .execute();
  return rows.map((d) => ({
    id: d.id,
    title: d.title,
    fileName: d.original_name ?? null,
    url: `/api/documents/${d.id}/versions/${d.current_version_no}/download?disposition=inline`,
    deleted: d.deleted_at !== null,
  }));
}
