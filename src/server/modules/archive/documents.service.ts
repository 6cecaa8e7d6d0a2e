import type { Kysely, Transaction } from 'kysely';
import {
  FILE_KINDS,
  UploadFieldsSchema,
  VersionFieldsSchema,
  type DocumentDetail,
  type DocumentView,
  type RefusedFile,
  type UpdateDocument,
} from '../../../common/contracts/documents';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import type { Actor } from '../../db/scope';
import { AppError, invalidField, staleVersion } from '../../http/errors';
import type { FileStore } from '../../storage/file-store';
import { assertMayChange, assertMaySetConfidentiality, assertMayUpload } from './permissions';
import { documentNotFound, findDocument, findDocuments, getDocument, sourceForActor } from './queries';
import { parseFields, type AcceptedFile, type ReceivedUpload } from './upload';

const LISTED_IN_MESSAGE = 5;

/** A refused upload: the message names the first few files, the body lists every refused file with its reason. */
export class UploadRefusedError extends AppError {
  constructor(readonly refused: RefusedFile[]) {
    const shown = refused.slice(0, LISTED_IN_MESSAGE);
    const more = refused.length - shown.length;
    const zh = shown.map((r) => r.message.zh).join('；') + (more ? `；另有 ${more} 个文件` : '');
    const en = shown.map((r) => r.message.en).join('; ') + (more ? `; and ${more} more` : '');
    super(
      400,
      'upload_refused',
      refused.length > 1 ? `${refused.length} 个文件不符合要求，本批文件均未保存：${zh}` : `${zh}；本批文件均未保存`,
      refused.length > 1 ? `${refused.length} files were refused, so none of this upload was stored: ${en}` : `${en}; nothing of this upload was stored`,
      'files',
    );
  }
  override toBody() {
    return { ...super.toBody(), refused: this.refused };
  }
}

/** Checks before a byte is read: the source is in scope (else 404) and the role may upload (else 403). */
export async function assertMayUploadTo(db: Kysely<DB>, actor: Actor, sourceId: string): Promise<void> {
  await sourceForActor(db, actor, sourceId);
  assertMayUpload(actor);
}

/** Checks before a byte is read: the document is visible (else 404) and the actor may change it (else 403). */
export async function assertMayAddVersion(db: Kysely<DB>, actor: Actor, documentId: string): Promise<void> {
  const document = await findDocument(db, actor, documentId);
  assertMayChange(actor, { from_enterprise: document.fromEnterprise });
}

const TITLE_MAX = 200;
const titleOf = (fileName: string) => (fileName.replace(/\.[^.]+$/, '').trim() || fileName).slice(0, TITLE_MAX);

const versionRow = (documentId: string, versionNo: number, file: AcceptedFile, actor: Actor, note: string | null) => ({
  document_id: documentId,
  version_no: versionNo,
  sha256: file.received.sha256,
  size_bytes: file.received.size,
  mime_type: FILE_KINDS[file.kind].mime,
  file_kind: file.kind,
  original_name: file.fileName,
  note,
  uploaded_by: actor.userId,
  uploader_role: actor.role,
  from_enterprise: actor.role === 'enterprise',
});

/** Discards the upload's temp files whenever the request fails before they are committed. */
async function discardingOnError<T>(store: FileStore, upload: ReceivedUpload, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await Promise.all(upload.accepted.map((f) => store.discard(f.received)));
    throw error;
  }
}

/**
 * Stores a batch (one or many files, e.g. the scanned pages of a paper archive): each file becomes a
 * document of the given category. A bad file refuses the whole batch unless `partial` was asked for.
 */
export async function createDocuments(
  db: Kysely<DB>,
  store: FileStore,
  actor: Actor,
  sourceId: string,
  upload: ReceivedUpload,
  partialQuery: boolean,
): Promise<{ created: DocumentView[]; refused: RefusedFile[] }> {
  const fields = await discardingOnError(store, upload, async () => {
    const parsed = parseFields(UploadFieldsSchema, upload.fields);
    assertMaySetConfidentiality(actor, parsed.confidentiality);
    if (parsed.title && upload.accepted.length + upload.refused.length > 1) {
      throw invalidField('title', '上传多个文件时，每个档案的标题取自其文件名，请勿填写标题', 'With several files each title is taken from its file name; leave the title empty');
    }
    const partial = partialQuery || parsed.partial === 'true';
    if (upload.refused.length && (!partial || upload.accepted.length === 0)) throw new UploadRefusedError(upload.refused);
    return parsed;
  });
  const ids = await discardingOnError(store, upload, async () => {
    for (const file of upload.accepted) await store.commit(file.received);
    return db.transaction().execute(async (trx) => {
      await sourceForActor(trx, actor, sourceId);
      const created: string[] = [];
      for (const file of upload.accepted) {
        const row = {
          source_id: sourceId,
          category: fields.category,
          title: fields.title ?? titleOf(file.fileName),
          document_date: fields.documentDate ?? null,
          confidentiality: fields.confidentiality,
          from_enterprise: actor.role === 'enterprise',
          created_by: actor.userId,
        };
        const { id } = await trx.insertInto('documents').values(row).returning('id').executeTakeFirstOrThrow();
        const version = versionRow(id, 1, file, actor, null);
        await trx.insertInto('document_versions').values(version).execute();
        await writeAudit(trx, actor, { action: 'document.create', entityType: 'document', entityId: id, after: { ...row, file: version } });
        created.push(id);
      }
      return created;
    });
  });
  return { created: await findDocuments(db, actor, ids), refused: upload.refused };
}

/** Locks a visible document for a change, checking the role and the version the client last saw. */
async function loadForChange(trx: Transaction<DB>, actor: Actor, id: string, version: number) {
  await findDocument(trx, actor, id);
  const locked = await trx.selectFrom('documents').selectAll().where('id', '=', id).where('deleted_at', 'is', null).forUpdate().executeTakeFirst();
  if (!locked) throw documentNotFound();
  assertMayChange(actor, locked);
  if (locked.version !== version) throw staleVersion();
  return locked;
}

/** Adds a new file version; older versions stay downloadable. */
export async function addVersion(db: Kysely<DB>, store: FileStore, actor: Actor, id: string, upload: ReceivedUpload): Promise<DocumentDetail> {
  const fields = await discardingOnError(store, upload, async () => {
    const parsed = parseFields(VersionFieldsSchema, upload.fields);
    if (upload.accepted.length + upload.refused.length !== 1) {
      throw invalidField('files', '新版本只能包含一个文件', 'A new version holds exactly one file');
    }
    if (upload.refused.length) throw new UploadRefusedError(upload.refused);
    return parsed;
  });
  const [file] = upload.accepted;
  await discardingOnError(store, upload, () =>
    db.transaction().execute(async (trx) => {
      const current = await loadForChange(trx, actor, id, fields.version);
      const latest = await trx
        .selectFrom('document_versions')
        .select('sha256')
        .where('document_id', '=', id)
        .where('version_no', '=', current.current_version_no)
        .executeTakeFirstOrThrow();
      if (latest.sha256 === file.received.sha256) {
        throw invalidField('files', `文件「${file.fileName}」与当前版本内容相同`, `File "${file.fileName}" is identical to the current version`);
      }
      await store.commit(file.received);
      const versionNo = current.current_version_no + 1;
      const version = versionRow(id, versionNo, file, actor, fields.note ?? null);
      await trx.insertInto('document_versions').values(version).execute();
      await trx
        .updateTable('documents')
        .set({ current_version_no: versionNo, version: current.version + 1, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      await writeAudit(trx, actor, {
        action: 'document.add_version',
        entityType: 'document',
        entityId: id,
        before: { currentVersionNo: current.current_version_no, sha256: latest.sha256 },
        after: { currentVersionNo: versionNo, file: version },
      });
    }),
  );
  return getDocument(db, actor, id);
}

export async function updateDocument(db: Kysely<DB>, actor: Actor, id: string, input: UpdateDocument): Promise<DocumentDetail> {
  await db.transaction().execute(async (trx) => {
    const current = await loadForChange(trx, actor, id, input.version);
    if (input.confidentiality) assertMaySetConfidentiality(actor, input.confidentiality);
    const changes = {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.category !== undefined ? { category: input.category } : {}),
      ...(input.confidentiality !== undefined ? { confidentiality: input.confidentiality } : {}),
      ...(input.documentDate !== undefined ? { document_date: input.documentDate } : {}),
    };
    await trx.updateTable('documents').set({ ...changes, version: current.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, current[k as keyof typeof current]]));
    await writeAudit(trx, actor, { action: 'document.update', entityType: 'document', entityId: id, before, after: changes });
  });
  return getDocument(db, actor, id);
}

/** Soft delete: the document disappears from the dossier; its rows and files stay as evidence. */
export async function deleteDocument(db: Kysely<DB>, actor: Actor, id: string, version: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await loadForChange(trx, actor, id, version);
    await trx
      .updateTable('documents')
      .set({ deleted_at: new Date(), deleted_by: actor.userId, version: current.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, actor, {
      action: 'document.delete',
      entityType: 'document',
      entityId: id,
      before: { title: current.title, category: current.category, currentVersionNo: current.current_version_no },
      after: { deleted: true },
    });
  });
}
