/**
 * Submitting a field inspection (提交): answers upserted by their client ids, every 不符合 answer and
 * every free finding drafted as an issue (createFoundIssues), the score by the template, the
 * enterprise representative's signature stored as evidence, status → submitted. All in one
 * transaction; bad input is refused (400 naming the field) before anything is stored.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { ItemAnswer } from '../../../common/checklist-scoring';
import { scoreChecklist } from '../../../common/checklist-scoring';
import type { InspectionDetail, IssueDraft, Submit } from '../../../common/contracts/inspections';
import { INSPECTION_AREA_CODES, storedAreaScores } from '../../../common/inspection-areas';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import type { Actor } from '../../db/scope';
import { invalidField, staleVersion } from '../../http/errors';
import type { FileStore } from '../../storage/file-store';
import { storePhotoBytes } from '../../storage/photos';
import { getTemplate } from '../checklists';
import { createFoundIssues, type FoundIssueDraft } from '../issues';
import { getInspectionDetail } from './detail';
import { assertFieldWork, assertOpen } from './field.service';
import { lockInspection } from './queries';

const VERDICT_ANSWER = { pass: 'compliant', fail: 'non_compliant', na: 'not_applicable' } as const;

/** A stable UUID derived from another (the issue of an answer that came without a drafted one): a replay derives the same. */
export function derivedUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const missingSignature = () =>
  invalidField('signature', '提交前须由企业代表在屏幕上签名', 'The enterprise representative must sign on the screen before submitting');

/** The PNG bytes of a `data:image/png;base64,…` signature; 400 naming 'signature' otherwise. */
export function signatureBytes(signature: string | null | undefined): Buffer {
  if (!signature || signature.trim() === '') throw missingSignature();
  const m = /^data:image\/png;base64,([A-Za-z0-9+/=\s]+)$/.exec(signature);
  if (!m) throw invalidField('signature', '签名须为 PNG 图片（data URL）', 'The signature must be a PNG image (data URL)');
  const bytes = Buffer.from(m[1], 'base64');
  if (bytes.length < 67) throw missingSignature();
  return bytes;
}

function checkDraft(d: IssueDraft, field: string): void {
  if (d.class === 'on_spot' && (d.afterPhotoIds?.length ?? 0) === 0) {
    throw invalidField(`${field}.afterPhotoIds`, '即知即改须拍摄整改后的照片', 'A fix on the spot needs a photo after the fix');
  }
}

export async function submitInspection(trx: Transaction<DB>, store: FileStore, actor: Actor, id: string, input: Submit): Promise<InspectionDetail> {
  const row = await lockInspection(trx, actor, id);
  assertFieldWork(actor, row);
  if (row.version !== input.version) throw staleVersion();
  assertOpen(row);
  const template = await getTemplate(trx, actor, row.template_id);
  const items = new Map(template.items.map((i) => [i.itemId, i]));

  // ---- validate everything before storing anything
  const seenItems = new Set<string>();
  const clientIds = new Set<string>();
  const issueIds = new Set<string>();
  const photoRefs: Array<{ id: string; field: string }> = [];
  const drafts: FoundIssueDraft[] = [];
  const photoLinks: Array<{ photoId: string; itemId?: string; issueId?: string }> = [];
  const now = new Date().toISOString();
  const useIssueId = (issueId: string, field: string) => {
    if (issueIds.has(issueId) || clientIds.has(issueId)) throw invalidField(field, '问题编号重复', 'The issue id is used twice');
    issueIds.add(issueId);
  };

  input.answers.forEach((a, i) => {
    const field = `answers.${i}`;
    const item = items.get(a.itemId);
    if (!item) throw invalidField(`${field}.itemId`, '该检查项不在本次检查的模板中', 'This item is not part of the inspection\'s template');
    if (seenItems.has(a.itemId)) throw invalidField(`${field}.itemId`, `检查项 ${item.code} 重复作答`, `The item ${item.code} is answered twice`);
    seenItems.add(a.itemId);
    if (clientIds.has(a.clientId)) throw invalidField(`${field}.clientId`, '作答编号重复', 'The answer id is used twice');
    clientIds.add(a.clientId);
    (a.photoIds ?? []).forEach((p, k) => {
      photoRefs.push({ id: p, field: `${field}.photoIds.${k}` });
      photoLinks.push({ photoId: p, itemId: a.itemId });
    });
    if (a.verdict !== 'fail') {
      if (a.issue) throw invalidField(`${field}.issue`, '只有“不符合”的检查项才形成问题', 'Only a non-compliant answer becomes an issue');
      return;
    }
    const d: IssueDraft = a.issue ?? { clientId: derivedUuid(`issue:${a.clientId}`), description: item.text, class: 'deadline' };
    checkDraft(d, `${field}.issue`);
    useIssueId(d.clientId, `${field}.issue.clientId`);
    (d.afterPhotoIds ?? []).forEach((p, k) => photoRefs.push({ id: p, field: `${field}.issue.afterPhotoIds.${k}` }));
    for (const p of [...(a.photoIds ?? []), ...(d.afterPhotoIds ?? [])]) photoLinks.push({ photoId: p, issueId: d.clientId });
    drafts.push({
      id: d.clientId, sourceId: row.source_id, inspectionId: id, itemId: a.itemId, origin: 'inspection', area: item.area,
      description: d.description, responsiblePerson: d.responsiblePerson ?? null, measure: d.measure ?? null, deadline: d.deadline ?? null,
      class: d.class, severity: d.severity, foundAt: a.answeredAt ?? now, afterPhotoIds: d.afterPhotoIds,
    });
  });
  input.findings.forEach((f, i) => {
    const field = `findings.${i}`;
    checkDraft(f.issue, `${field}.issue`);
    useIssueId(f.issue.clientId, `${field}.issue.clientId`);
    (f.photoIds ?? []).forEach((p, k) => photoRefs.push({ id: p, field: `${field}.photoIds.${k}` }));
    (f.issue.afterPhotoIds ?? []).forEach((p, k) => photoRefs.push({ id: p, field: `${field}.issue.afterPhotoIds.${k}` }));
    for (const p of [...(f.photoIds ?? []), ...(f.issue.afterPhotoIds ?? [])]) photoLinks.push({ photoId: p, issueId: f.issue.clientId });
    drafts.push({
      id: f.issue.clientId, sourceId: row.source_id, inspectionId: id, itemId: null, origin: 'finding', area: f.area,
      description: f.issue.description, responsiblePerson: f.issue.responsiblePerson ?? null, measure: f.issue.measure ?? null,
      deadline: f.issue.deadline ?? null, class: f.issue.class, severity: f.issue.severity, foundAt: f.foundAt ?? now, afterPhotoIds: f.issue.afterPhotoIds,
    });
  });
  if (!input.signerName) throw invalidField('signerName', '请填写签名的企业代表姓名', 'Enter the name of the enterprise representative who signs');
  const signature = signatureBytes(input.signature);

  const referenced = [...new Set(photoRefs.map((p) => p.id))];
  const photos = referenced.length
    ? new Map((await trx.selectFrom('evidence_photos').select(['id', 'inspection_id']).where('id', 'in', referenced).execute()).map((p) => [p.id, p.inspection_id]))
    : new Map<string, string | null>();
  const badPhoto = photoRefs.find((p) => photos.get(p.id) !== id);
  if (badPhoto) throw invalidField(badPhoto.field, '照片尚未上传到本次检查', 'The photo has not been uploaded to this inspection');
  if (clientIds.size) {
    const taken = await trx.selectFrom('inspection_answers').select(['client_id', 'inspection_id']).where('client_id', 'in', [...clientIds]).where('inspection_id', '<>', id).executeTakeFirst();
    if (taken) throw invalidField(`answers.${input.answers.findIndex((a) => a.clientId === taken.client_id)}.clientId`, '作答编号已被其他检查使用', 'The answer id is used by another inspection');
  }

  // ---- store
  const stored = await storePhotoBytes(store, signature, 'signature');
  const answers: Record<string, ItemAnswer> = {};
  if (input.answers.length) {
    await trx
      .insertInto('inspection_answers')
      .values(input.answers.map((a) => ({ inspection_id: id, item_id: a.itemId, client_id: a.clientId, verdict: a.verdict, score: null, note: a.note || null, answered_at: a.answeredAt ?? now })))
      .onConflict((oc) => oc.columns(['inspection_id', 'item_id']).doUpdateSet((eb) => ({
        client_id: eb.ref('excluded.client_id'), verdict: eb.ref('excluded.verdict'), note: eb.ref('excluded.note'), answered_at: eb.ref('excluded.answered_at'),
      })))
      .execute();
  }
  for (const a of input.answers) answers[a.itemId] = { answer: VERDICT_ANSWER[a.verdict] };
  const issues = await createFoundIssues(trx, actor, drafts);
  for (const link of photoLinks) {
    const set = { ...(link.itemId ? { item_id: link.itemId } : {}), ...(link.issueId ? { issue_id: link.issueId } : {}) };
    await trx.updateTable('evidence_photos').set(set).where('id', '=', link.photoId).where('inspection_id', '=', id).execute();
  }
  const scoringItems = template.items.map((i) => ({ itemId: i.itemId, area: i.area, weight: i.weight, maxScore: i.maxScore }));
  const result = scoreChecklist(scoringItems, answers, template.bands, INSPECTION_AREA_CODES);
  const areaScores = storedAreaScores(result.areas);
  const signatureId = randomUUID();
  await trx
    .insertInto('evidence_photos')
    .values({
      id: signatureId, source_id: row.source_id, inspection_id: id, purpose: 'signature', sha256: stored.sha256, thumb_sha256: stored.thumbSha256,
      mime: stored.mime, size_bytes: stored.sizeBytes, width: stored.width, height: stored.height, captured_at: now, uploaded_by: actor.userId,
    })
    .execute();
  const set = {
    status: 'submitted' as const,
    submitted_at: new Date(),
    submitted_by: actor.userId,
    signer_name: input.signerName,
    signature_sha256: stored.sha256,
    signed_at: new Date(),
    score: result.total,
    max_score: 100,
    result_band: result.band?.label.zh ?? null,
    area_scores: JSON.stringify(areaScores),
    summary: input.summary || null,
  };
  await trx.updateTable('inspections').set({ ...set, version: row.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
  await writeAudit(trx, actor, {
    action: 'inspection.submit',
    entityType: 'inspection',
    entityId: id,
    before: { status: row.status, version: row.version },
    after: { ...set, area_scores: areaScores, answers: input.answers.length, issuesCreated: issues.created, signaturePhotoId: signatureId, complete: result.complete },
  });
  return getInspectionDetail(trx, actor, id);
}

