import type { Kysely, Transaction } from 'kysely';
import type {
  DocumentCategory,
  DocumentDetail,
  DocumentListQuery,
  DocumentVersionView,
  DocumentView,
  FileKind,
} from '../../../common/contracts/documents';
import { DOCUMENT_CATEGORY } from '../../../common/contracts/documents';
import type { DB } from '../../db/schema';
import { sourceInScope, type Actor } from '../../db/scope';
import { notFound } from '../../http/errors';
import { sourceWithPlaces } from '../registry';
import { maySeeSecret } from './permissions';

type Db = Kysely<DB> | Transaction<DB>;

export const documentNotFound = () => notFound('Document', '档案');
/** The source's basic row with its place names, when it lies in the actor's jurisdiction; otherwise 404. */
export const sourceForActor = sourceWithPlaces;

/** Documents the actor may see: not deleted, source in scope, and not secret unless the role sees secrets. */
function visibleDocuments(db: Db, actor: Actor) {
  let q = db
    .selectFrom('documents')
    .innerJoin('sources', 'sources.id', 'documents.source_id')
    .where(sourceInScope(actor))
    .where('documents.deleted_at', 'is', null);
  if (!maySeeSecret(actor)) q = q.where('documents.confidentiality', '<>', 'secret');
  return q;
}

function withCurrentVersion(db: Db, actor: Actor) {
  return visibleDocuments(db, actor)
    .innerJoin('document_versions as cv', (join) =>
      join.onRef('cv.document_id', '=', 'documents.id').onRef('cv.version_no', '=', 'documents.current_version_no'),
    )
    .leftJoin('users as creator', 'creator.id', 'documents.created_by')
    .leftJoin('users as uploader', 'uploader.id', 'cv.uploaded_by')
    .select([
      'documents.id',
      'documents.source_id',
      'documents.category',
      'documents.title',
      'documents.document_date',
      'documents.confidentiality',
      'documents.from_enterprise',
      'documents.current_version_no',
      'documents.version',
      'documents.created_at',
      'documents.updated_at',
      'creator.display_name as creator_name',
      'cv.version_no',
      'cv.original_name',
      'cv.mime_type',
      'cv.file_kind',
      'cv.size_bytes',
      'cv.sha256',
      'cv.note',
      'cv.uploader_role',
      'cv.from_enterprise as version_from_enterprise',
      'cv.created_at as version_created_at',
      'uploader.display_name as uploader_name',
    ]);
}

const iso = (value: Date | string) => new Date(value).toISOString();

type VersionRow = {
  version_no: number; original_name: string; file_kind: FileKind; mime_type: string; size_bytes: number | string; sha256: string; note: string | null;
  uploader_role: string; uploader_name: string | null; created_at: Date | string; from_enterprise: boolean;
};

function toVersion(r: VersionRow): DocumentVersionView {
  return {
    versionNo: r.version_no,
    fileName: r.original_name,
    fileKind: r.file_kind,
    mimeType: r.mime_type,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    note: r.note,
    uploadedBy: r.uploader_name,
    uploaderRole: r.uploader_role,
    fromEnterprise: r.from_enterprise,
    uploadedAt: iso(r.created_at),
  };
}

type DocumentRow = Awaited<ReturnType<ReturnType<typeof withCurrentVersion>['executeTakeFirstOrThrow']>>;

function toDocument(r: DocumentRow): DocumentView {
  return {
    id: r.id,
    sourceId: r.source_id,
    category: r.category,
    title: r.title,
    documentDate: r.document_date,
    confidentiality: r.confidentiality,
    fromEnterprise: r.from_enterprise,
    currentVersion: toVersion({ ...r, created_at: r.version_created_at, from_enterprise: r.version_from_enterprise }),
    // Versions are append-only and numbered from 1, so the current number is the count.
    versionCount: r.current_version_no,
    createdBy: r.creator_name,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

export async function listDocuments(db: Db, actor: Actor, sourceId: string, query: DocumentListQuery) {
  await sourceForActor(db, actor, sourceId);
  let q = withCurrentVersion(db, actor).where('documents.source_id', '=', sourceId);
  if (query.category) q = q.where('documents.category', '=', query.category);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    q = q.where((eb) => eb.or([eb('documents.title', 'like', like), eb('cv.original_name', 'like', like)]));
  }
  const [{ total }] = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).execute();
  // Newest first; the pages of one batch share created_at and keep their file-name order.
  const rows = await q
    .orderBy('documents.document_date', (ob) => ob.desc().nullsLast())
    .orderBy('documents.created_at', 'desc')
    .orderBy('documents.title')
    .orderBy('documents.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const counts = await documentCountsByCategory(db, actor, sourceId);
  return {
    items: rows.map(toDocument),
    total: Number(total),
    byCategory: DOCUMENT_CATEGORY.values.filter((c) => counts[c]).map((category) => ({ category, count: counts[category]! })),
  };
}

/** Every current document of a source the actor may see, in category order (for the ZIP). */
export async function currentDocumentsOf(db: Db, actor: Actor, sourceId: string): Promise<DocumentView[]> {
  const rows = await withCurrentVersion(db, actor)
    .where('documents.source_id', '=', sourceId)
    .orderBy('documents.document_date', (ob) => ob.asc().nullsLast())
    .orderBy('documents.title')
    .orderBy('documents.id')
    .execute();
  const order = (c: DocumentCategory) => DOCUMENT_CATEGORY.values.indexOf(c);
  return rows.map(toDocument).sort((a, b) => order(a.category) - order(b.category));
}

export async function findDocument(db: Db, actor: Actor, id: string): Promise<DocumentView> {
  const row = await withCurrentVersion(db, actor).where('documents.id', '=', id).executeTakeFirst();
  if (!row) throw documentNotFound();
  return toDocument(row);
}

/** Visible documents by id, in the order of `ids`. */
export async function findDocuments(db: Db, actor: Actor, ids: string[]): Promise<DocumentView[]> {
  if (ids.length === 0) return [];
  const rows = await withCurrentVersion(db, actor).where('documents.id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, toDocument(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function getDocument(db: Db, actor: Actor, id: string): Promise<DocumentDetail> {
  const document = await findDocument(db, actor, id);
  const versions = await db
    .selectFrom('document_versions')
    .leftJoin('users as uploader', 'uploader.id', 'document_versions.uploaded_by')
    .selectAll('document_versions')
    .select('uploader.display_name as uploader_name')
    .where('document_versions.document_id', '=', id)
    .orderBy('document_versions.version_no', 'desc')
    .execute();
  return { ...document, versions: versions.map(toVersion) };
}

/** One stored version of a visible document, for download. */
export async function findVersion(db: Db, actor: Actor, id: string, versionNo: number) {
  await findDocument(db, actor, id);
  const version = await db
    .selectFrom('document_versions')
    .selectAll()
    .where('document_id', '=', id)
    .where('version_no', '=', versionNo)
    .executeTakeFirst();
  if (!version) throw notFound('Document version', '档案版本');
  return version;
}

/** Counts of visible current documents per category, for other modules (e.g. dossier completeness). */
export async function documentCountsByCategory(db: Db, actor: Actor, sourceId: string): Promise<Partial<Record<DocumentCategory, number>>> {
  const rows = await visibleDocuments(db, actor)
    .where('documents.source_id', '=', sourceId)
    .select(['documents.category', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('documents.category')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.category, Number(r.count)]));
}
