/** One inspection as the field form needs it: the source, the template's items, answers, photos and issues. */
import type { Kysely } from 'kysely';
import type { InspectionDetail, Photo } from '../../../common/contracts/inspections';
import { inspectionAreaLabel, type InspectionAreaCode } from '../../../common/inspection-areas';
import type { DB } from '../../db/schema';
import type { Actor } from '../../db/scope';
import { getTemplate } from '../checklists';
import { issueIdsOfInspection } from '../issues';
import { FIELD_ROLES, PLAN_ROLES, getSummary, iso } from './queries';

type PhotoRow = {
  id: string; purpose: string; item_id: string | null; issue_id: string | null; sha256: string; width: number | null; height: number | null;
  size_bytes: number; captured_at: Date | string | null; latitude: number | null; longitude: number | null;
};

export function toPhoto(r: PhotoRow): Photo {
  return {
    id: r.id,
    purpose: r.purpose,
    itemId: r.item_id,
    issueId: r.issue_id,
    sha256: r.sha256,
    width: r.width,
    height: r.height,
    sizeBytes: r.size_bytes,
    capturedAt: iso(r.captured_at),
    latitude: r.latitude,
    longitude: r.longitude,
    url: `/api/photos/${r.id}`,
    thumbUrl: `/api/photos/${r.id}/thumb`,
  };
}

export async function getInspectionDetail(db: Kysely<DB>, actor: Actor, id: string): Promise<InspectionDetail> {
  const summary = await getSummary(db, actor, id);
  const row = await db.selectFrom('inspections').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const source = await db.selectFrom('sources').select(['id', 'name', 'address', 'latitude', 'longitude', 'contact_name']).where('id', '=', row.source_id).executeTakeFirstOrThrow();
  const template = await getTemplate(db, actor, row.template_id);
  const answers = await db.selectFrom('inspection_answers').selectAll().where('inspection_id', '=', id).execute();
  const photos = await db.selectFrom('evidence_photos').selectAll().where('inspection_id', '=', id).where('purpose', '<>', 'signature').orderBy('created_at').orderBy('id').execute();
  const issueIds = await issueIdsOfInspection(db, id);
  const open = row.status === 'planned' || row.status === 'in_progress';
  const mayField = FIELD_ROLES.includes(actor.role) && (actor.role !== 'inspector' || row.inspector_id === null || row.inspector_id === actor.userId);
  const allowedActions: InspectionDetail['allowedActions'] = [];
  if (open && mayField) allowedActions.push('check_in', 'submit');
  if (open && PLAN_ROLES.includes(actor.role)) allowedActions.push('assign');
  const areaScores = row.area_scores as InspectionDetail['areaScores'];
  return {
    ...summary,
    source: { id: source.id, name: source.name, address: source.address, latitude: source.latitude, longitude: source.longitude, contactName: source.contact_name },
    template: {
      id: template.id,
      name: template.name,
      bands: template.bands,
      items: template.items.map((i) => ({
        itemId: i.itemId, code: i.code, area: i.area, areaLabel: inspectionAreaLabel(i.area as InspectionAreaCode), text: i.text,
        legalBasis: i.legalBasis, penaltyBasis: i.penaltyBasis, weight: i.weight, maxScore: i.maxScore,
      })),
    },
    checkedInAt: iso(row.checked_in_at),
    checkinDistanceM: row.checkin_distance_m,
    submittedAt: iso(row.submitted_at),
    signerName: row.signer_name,
    signatureSha256: row.signature_sha256,
    areaScores: areaScores ?? null,
    answers: answers.map((a) => ({
      clientId: a.client_id,
      itemId: a.item_id,
      verdict: a.verdict,
      note: a.note,
      answeredAt: iso(a.answered_at)!,
      photoIds: photos.filter((p) => p.item_id === a.item_id && p.purpose === 'item').map((p) => p.id),
    })),
    photos: photos.map(toPhoto),
    issueIds,
    allowedActions,
  };
}
