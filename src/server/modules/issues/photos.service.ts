/**
 * Photos of an issue: the enterprise's rectification evidence, an inspector's after-photo (即知即改) or a
 * grid cadre's follow-up picture. The client names each photo with its own UUID, so a retried upload
 * stores nothing twice (200 with the stored photo). The bytes are validated and thumbnailed by
 * src/server/storage/photos.ts; originals are never rewritten.
 */
import type { Kysely } from 'kysely';
import type { IssuePhoto } from '../../../common/contracts/issues';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import type { Actor } from '../../db/scope';
import type { PhotoPurpose } from '../../db/tables/inspections';
import { AppError, invalidField } from '../../http/errors';
import type { FileStore, ReceivedFile } from '../../storage/file-store';
import { storePhoto } from '../../storage/photos';
import { isOpen, issueNotFound, issuePhotos, PHOTO_ROLES, photoView, scopedIssues } from './queries';

/** The issue when the actor sees it (404 otherwise) and may add photos to it now (403 / 400). */
export async function assertMayAddPhoto(db: Kysely<DB>, actor: Actor, issueId: string) {
  const issue = await scopedIssues(db, actor)
    .select(['issues.id', 'issues.status', 'issues.source_id', 'issues.inspection_id', 'issues.item_id'])
    .where('issues.id', '=', issueId)
    .executeTakeFirst();
  if (!issue) throw issueNotFound();
  if (!PHOTO_ROLES.includes(actor.role)) throw new AppError(403, 'forbidden', '您的角色不能为问题上传照片', 'Your role may not add photos to an issue');
  return issue;
}

/** A photo already stored under this id: the same for a retry; another issue's id is a conflict. */
async function existing(db: Kysely<DB>, issueId: string, photoId: string) {
  const row = await db.selectFrom('evidence_photos').selectAll().where('id', '=', photoId).executeTakeFirst();
  if (!row) return null;
  if (row.issue_id !== issueId) throw new AppError(409, 'photo_id_taken', '该照片编号已被使用', 'This photo id is already in use', 'photoId');
  return row;
}

export async function putPhoto(
  db: Kysely<DB>,
  store: FileStore,
  actor: Actor,
  issueId: string,
  photoId: string,
  purpose: PhotoPurpose,
  received: ReceivedFile,
): Promise<{ created: boolean; photo: IssuePhoto }> {
  const issue = await assertMayAddPhoto(db, actor, issueId);
  const stored0 = await existing(db, issueId, photoId).catch(async (e) => {
    await store.discard(received);
    throw e;
  });
  if (stored0) {
    await store.discard(received);
    return { created: false, photo: photoView(issueId, stored0) };
  }
  if (!isOpen(issue.status)) {
    await store.discard(received);
    throw invalidField('status', '问题已结束，不能再上传照片', 'The issue is closed; no more photos can be added');
  }
  const stored = await storePhoto(store, received, 'photo');
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('evidence_photos')
      .values({
        id: photoId,
        source_id: issue.source_id,
        inspection_id: null,
        item_id: null,
        issue_id: issueId,
        purpose,
        sha256: stored.sha256,
        thumb_sha256: stored.thumbSha256,
        mime: stored.mime,
        size_bytes: stored.sizeBytes,
        width: stored.width,
        height: stored.height,
        captured_at: null,
        uploaded_by: actor.userId,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) {
      await writeAudit(trx, actor, { action: 'issue.photo', entityType: 'issue', entityId: issueId, after: { photoId, purpose, sha256: stored.sha256 } });
    }
    return inserted;
  });
  if (!row) {
    const again = await existing(db, issueId, photoId);
    return { created: false, photo: photoView(issueId, again!) };
  }
  return { created: true, photo: photoView(issueId, row) };
}

/** The stored file of an issue's photo (or its thumbnail) when the actor sees the issue. */
export async function photoFile(db: Kysely<DB>, actor: Actor, issueId: string, photoId: string, thumb: boolean): Promise<{ sha256: string; mime: string }> {
  const issue = await scopedIssues(db, actor)
    .select(['issues.id', 'issues.inspection_id', 'issues.item_id'])
    .where('issues.id', '=', issueId)
    .executeTakeFirst();
  if (!issue) throw issueNotFound();
  const photo = await issuePhotos(db, issue).where('evidence_photos.id', '=', photoId).executeTakeFirst();
  if (!photo) throw new AppError(404, 'not_found', '照片不存在', 'Photo not found');
  if (thumb && photo.thumb_sha256) return { sha256: photo.thumb_sha256, mime: 'image/jpeg' };
  return { sha256: photo.sha256, mime: photo.mime };
}

export function photoPurpose(raw: string | undefined): PhotoPurpose {
  const purpose = raw ?? 'evidence';
  if (!['evidence', 'after', 'before'].includes(purpose)) throw invalidField('purpose', '照片用途只能是 evidence、after 或 before', 'The purpose is evidence, after or before');
  return purpose as PhotoPurpose;
}
