/**
 * The field visit: check-in (time + GPS, distance to the source's recorded location) and the
 * evidence photos taken on the spot. Photos are stored once under the client's UUID: a replayed
 * upload of the same id answers with the stored photo and stores nothing again.
 */
import type { Readable } from 'node:stream';
import type { Kysely, Transaction } from 'kysely';
import type { CheckIn, CheckInResult, Photo, PhotoQuery } from '../../../common/contracts/inspections';
import { CHECKIN_WARN_METRES, haversineMetres } from '../../../common/geo-distance';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import { sourceInScope, type Actor } from '../../db/scope';
import { AppError, invalidField, staleVersion } from '../../http/errors';
import type { FileStore } from '../../storage/file-store';
import { PHOTO_MAX_BYTES, storePhoto } from '../../storage/photos';
import { getTemplate } from '../checklists';
import { toPhoto } from './detail';
import { FIELD_ROLES, lockInspection, photoNotFound } from './queries';

type InspectionRow = Awaited<ReturnType<typeof lockInspection>>;

/** The actor may work on this inspection in the field: a field role, and an inspector only on its own (or an unassigned) one. */
export function assertFieldWork(actor: Actor, row: InspectionRow): void {
  if (!FIELD_ROLES.includes(actor.role) || (actor.role === 'inspector' && row.inspector_id !== null && row.inspector_id !== actor.userId)) {
    throw new AppError(403, 'forbidden', '该检查已分派给其他检查员', 'This inspection is assigned to another inspector');
  }
}

export function assertOpen(row: InspectionRow): void {
  if (row.status !== 'planned' && row.status !== 'in_progress') {
    const zh = row.status === 'cancelled' ? '检查已取消' : '检查已提交，不能再修改';
    const en = row.status === 'cancelled' ? 'The inspection is cancelled' : 'The inspection is submitted and can no longer change';
    throw new AppError(409, 'inspection_closed', zh, en, 'status');
  }
}

export async function checkIn(trx: Transaction<DB>, actor: Actor, id: string, input: CheckIn): Promise<CheckInResult> {
  const row = await lockInspection(trx, actor, id);
  assertFieldWork(actor, row);
  if (row.version !== input.version) throw staleVersion();
  assertOpen(row);
  const source = await trx.selectFrom('sources').select(['latitude', 'longitude']).where('id', '=', row.source_id).executeTakeFirstOrThrow();
  const distance =
    source.latitude === null || source.longitude === null
      ? null
      : Math.round(haversineMetres({ latitude: input.latitude, longitude: input.longitude }, { latitude: source.latitude, longitude: source.longitude }));
  const at = new Date(input.at);
  const set = {
    status: 'in_progress' as const,
    checked_in_at: at,
    checkin_latitude: input.latitude,
    checkin_longitude: input.longitude,
    checkin_accuracy_m: input.accuracy ?? null,
    checkin_distance_m: distance,
  };
  await trx.updateTable('inspections').set({ ...set, version: row.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
  await writeAudit(trx, actor, {
    action: 'inspection.check_in',
    entityType: 'inspection',
    entityId: id,
    before: { status: row.status, checked_in_at: row.checked_in_at },
    after: set,
  });
  let warning: CheckInResult['warning'] = null;
  if (distance === null) warning = { zh: '该污染源没有登记坐标，无法核对签到位置', en: 'The source has no recorded location: the check-in position cannot be compared' };
  else if (distance > CHECKIN_WARN_METRES) {
    warning = { zh: `签到位置距污染源登记位置 ${distance} 米（超过 ${CHECKIN_WARN_METRES} 米），请确认是否在现场`, en: `You are ${distance} m from the source's recorded location (more than ${CHECKIN_WARN_METRES} m): check that you are on site` };
  }
  return { status: 'in_progress', version: row.version + 1, checkedInAt: at.toISOString(), distanceM: distance, warning };
}

const photoColumns = ['id', 'purpose', 'item_id', 'issue_id', 'sha256', 'width', 'height', 'size_bytes', 'captured_at', 'latitude', 'longitude', 'inspection_id'] as const;

/** Stores the photo `photoId` of inspection `id` from a raw image body (or answers with the one already stored under that id). */
export async function putPhoto(db: Kysely<DB>, store: FileStore, actor: Actor, id: string, photoId: string, query: PhotoQuery, body: unknown): Promise<{ photo: Photo; created: boolean }> {
  const drain = () => (isStream(body) ? body.resume() : undefined);
  const row = await lockInspection(db, actor, id);
  assertFieldWork(actor, row);
  const existing = await db.selectFrom('evidence_photos').select(photoColumns).where('id', '=', photoId).executeTakeFirst();
  if (existing) {
    drain();
    if (existing.inspection_id !== id) throw new AppError(409, 'photo_id_taken', '该照片编号已被使用', 'This photo id is already used', 'photoId');
    return { photo: toPhoto(existing), created: false };
  }
  assertOpen(row);
  if (query.itemId) {
    const template = await getTemplate(db, actor, row.template_id);
    if (!template.items.some((i) => i.itemId === query.itemId)) {
      drain();
      throw invalidField('itemId', '该检查项不在本次检查的模板中', 'This item is not part of the inspection\'s template');
    }
  }
  if (!isStream(body)) {
    throw new AppError(400, 'invalid_photo', '请以图片（image/jpeg、image/png、image/webp、image/heic）作为请求体上传照片', 'Upload the photo as the request body with an image content type (JPEG, PNG, WebP, HEIC)', 'photo');
  }
  const received = await store.receive(body, PHOTO_MAX_BYTES);
  const stored = await storePhoto(store, received, 'photo');
  const inserted = await db.transaction().execute(async (trx) => {
    const values = {
      id: photoId,
      source_id: row.source_id,
      inspection_id: id,
      item_id: query.itemId ?? null,
      purpose: query.purpose ?? (query.itemId ? ('item' as const) : ('evidence' as const)),
      sha256: stored.sha256,
      thumb_sha256: stored.thumbSha256,
      mime: stored.mime,
      size_bytes: stored.sizeBytes,
      width: stored.width,
      height: stored.height,
      captured_at: query.capturedAt ?? null,
      latitude: query.latitude ?? null,
      longitude: query.longitude ?? null,
      uploaded_by: actor.userId,
    };
    const done = await trx.insertInto('evidence_photos').values(values).onConflict((oc) => oc.column('id').doNothing()).returning('id').executeTakeFirst();
    if (done) await writeAudit(trx, actor, { action: 'photo.upload', entityType: 'evidence_photo', entityId: photoId, after: values });
    return Boolean(done);
  });
  const saved = await db.selectFrom('evidence_photos').select(photoColumns).where('id', '=', photoId).executeTakeFirstOrThrow();
  if (saved.inspection_id !== id) throw new AppError(409, 'photo_id_taken', '该照片编号已被使用', 'This photo id is already used', 'photoId');
  return { photo: toPhoto(saved), created: inserted };
}

function isStream(body: unknown): body is Readable {
  return typeof body === 'object' && body !== null && typeof (body as Readable).pipe === 'function';
}

/** The stored file of a photo in the actor's jurisdiction (through its source). */
export async function photoFile(db: Kysely<DB>, actor: Actor, id: string, thumb: boolean): Promise<{ sha256: string; mime: string }> {
  const row = await db
    .selectFrom('evidence_photos')
    .innerJoin('sources', 'sources.id', 'evidence_photos.source_id')
    .select(['evidence_photos.sha256', 'evidence_photos.thumb_sha256', 'evidence_photos.mime'])
    .where('evidence_photos.id', '=', id)
    .where(sourceInScope(actor))
    .executeTakeFirst();
  if (!row) throw photoNotFound();
  if (thumb && row.thumb_sha256) return { sha256: row.thumb_sha256, mime: 'image/jpeg' };
  return { sha256: row.sha256, mime: row.mime };
}

