/**
 * Changes of an issue: the workflow actions of src/common/issue-workflow.ts (checked here, on the
 * server), editing the four dimensions while it is found/confirmed, and the grid's follow-up notes.
 * Each runs in one transaction with the issue row locked, checks the version (409 when stale), writes
 * an issue_events row and an audit row.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { FollowUpInput, IssueActionInput, IssueDetail, IssueUpdate } from '../../../common/contracts/issues';
import { checkIssueAction, ISSUE_ACTION, type IssueActionName, type IssueStatus } from '../../../common/issue-workflow';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import type { Actor } from '../../db/scope';
import type { IssuesTable } from '../../db/tables/inspections';
import { AppError, invalidField, staleVersion } from '../../http/errors';
import { sourceDocumentRefs } from '../archive';
import { notify } from '../notifications';
import { attachToNotice, closeNoticeIfDone, enterpriseUsers, followers, nextIssueNumber } from './notices.service';
import { todayInShanghai } from '../../../common/compliance-calendar';
import { getIssue, isOpen, issueNotFound, issuePhotos, lockIssue, mayEdit } from './queries';

type IssueRowDb = Awaited<ReturnType<typeof lockIssue>>;

function futureDeadline(deadline: string | undefined | null, required: boolean): string | null {
  if (!deadline) {
    if (required) throw invalidField('deadline', '请填写整改期限', 'Give the rectification deadline');
    return null;
  }
  if (deadline < todayInShanghai()) throw invalidField('deadline', '整改期限不能早于今天', 'The deadline cannot be in the past');
  return deadline;
}

function required(value: string | undefined, field: string, zh: string, en: string): string {
  if (!value || !value.trim()) throw invalidField(field, zh, en);
  return value.trim();
}

/** Documents named by the request must be in the archive of the issue's source. */
async function checkDocumentIds(trx: Transaction<DB>, issue: IssueRowDb, ids: readonly string[] | undefined): Promise<void> {
  if (!ids?.length) return;
  const known = new Set((await sourceDocumentRefs(trx, issue.source_id, ids)).filter((d) => !d.deleted).map((d) => d.id));
  ids.forEach((id, i) => {
    if (!known.has(id)) throw invalidField(`documentIds.${i}`, '材料不在该单位的档案中，请先上传', "The document is not in this source's archive; upload it first");
  });
}

/** Photos named by the request must be this issue's own. */
async function checkPhotoIds(trx: Transaction<DB>, issue: IssueRowDb, ids: readonly string[] | undefined) {
  const all = await issuePhotos(trx, issue).select(['id', 'purpose']).execute();
  const known = new Map(all.map((p) => [p.id, p.purpose]));
  (ids ?? []).forEach((id, i) => {
    if (!known.has(id)) throw invalidField(`photoIds.${i}`, '照片不属于该问题，请先上传', 'The photo does not belong to this issue; upload it first');
  });
  return all;
}

export async function takeAction(db: Kysely<DB>, actor: Actor, id: string, name: IssueActionName, input: IssueActionInput): Promise<IssueDetail> {
  await db.transaction().execute(async (trx) => {
    const issue = await lockIssue(trx, actor, id);
    if (issue.version !== input.version) throw staleVersion();
    const check = checkIssueAction(name, issue.status, issue.class, actor.role);
    if (!check.ok) {
      if (check.reason === 'role') throw new AppError(403, 'forbidden_action', check.message.zh, check.message.en, 'action');
      throw new AppError(400, 'action_not_allowed', check.message.zh, check.message.en, 'action');
    }
    const { action } = check;
    const photos = await checkPhotoIds(trx, issue, input.photoIds);
    await checkDocumentIds(trx, issue, input.documentIds);
    const set: Partial<Record<keyof IssuesTable, unknown>> = { status: action.to };
    const payload: Record<string, unknown> = {};
    let note: string | null = input.note?.trim() || null;

    if (action.needs.includes('reason')) {
      note = required(input.reason, 'reason', '请填写原因', 'Give the reason');
      payload.reason = note;
    }
    if (action.needs.includes('deadline')) {
      set.deadline = futureDeadline(input.deadline, true);
      payload.deadline = set.deadline;
    }
    if (action.needs.includes('caseReference')) {
      set.case_reference = required(input.caseReference, 'caseReference', '请填写执法案件编号', 'Give the enforcement case reference');
      payload.caseReference = set.case_reference;
    }
    if (action.needs.includes('afterPhoto') && !photos.some((p) => p.purpose === 'after')) {
      throw invalidField('photoIds', '即知即改须上传至少一张整改后照片', 'Closing on the spot needs at least one photo taken after the fix');
    }
    if (name === 'submit_evidence') {
      const evidencePhotos = (input.photoIds ?? []).filter((pid) => ['evidence', 'after'].includes(photos.find((p) => p.id === pid)!.purpose));
      if (!note && evidencePhotos.length === 0 && !input.documentIds?.length) {
        throw invalidField('note', '请填写整改情况说明或上传整改照片、材料', 'Describe the rectification or attach photos or documents of it');
      }
    }
    if (name === 'verify') {
      const submitted = await trx.selectFrom('issue_events').select('id').where('issue_id', '=', id).where('action', '=', 'submit_evidence').limit(1).executeTakeFirst();
      if (!submitted || (!photos.some((p) => ['evidence', 'after'].includes(p.purpose)) && !(await hasEvidenceText(trx, id)))) {
        throw invalidField('evidence', '尚无整改材料，不能复核通过', 'There is no rectification evidence to verify');
      }
    }
    if (input.photoIds?.length) payload.photoIds = input.photoIds;
    if (input.documentIds?.length) payload.documentIds = input.documentIds;

    const now = new Date();
    if (name === 'register') {
      const numbered = await nextIssueNumber(trx, issue.town_id);
      Object.assign(set, { number: numbered.number, number_year: numbered.year, number_seq: numbered.seq, registered_at: now });
      payload.number = numbered.number;
    }
    if (name === 'issue_notice') {
      const notice = await attachToNotice(trx, actor, { ...issue, deadline: set.deadline as string });
      Object.assign(set, { notice_id: notice.id, rectification_started_at: now });
      payload.noticeId = notice.id;
      payload.noticeNumber = notice.number;
    }
    if (name === 'resume') set.rectification_started_at = now;
    if (action.countsAsReturn) set.return_count = issue.return_count + 1;
    if (action.to === 'closed') set.closed_at = now;

    await trx
      .updateTable('issues')
      .set({ ...(set as object), version: issue.version + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('issue_events')
      .values({ issue_id: id, action: name, from_status: issue.status, to_status: action.to, actor_id: actor.userId, note, payload: JSON.stringify(payload) })
      .execute();
    await writeAudit(trx, actor, {
      action: `issue.${name}`,
      entityType: 'issue',
      entityId: id,
      before: { status: issue.status, version: issue.version },
      after: { ...set, version: issue.version + 1, note },
    });
    await tell(trx, issue, name, note);
    if (!isOpen(action.to)) await closeNoticeIfDone(trx, actor, issue.notice_id);
  });
  return getIssue(db, actor, id);
}

async function hasEvidenceText(trx: Transaction<DB>, id: string): Promise<boolean> {
  const row = await trx
    .selectFrom('issue_events')
    .select('id')
    .where('issue_id', '=', id)
    .where('action', '=', 'submit_evidence')
    .where((eb) => eb.or([eb('note', 'is not', null), eb(sql<unknown>`payload -> 'documentIds'`, 'is not', null)]))
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/** The inbox messages an action causes: a return goes to the enterprise, submitted evidence to the provider and the town. */
async function tell(trx: Transaction<DB>, issue: IssueRowDb, name: IssueActionName, note: string | null): Promise<void> {
  const label = ISSUE_ACTION.labels[name];
  const ref = issue.number ?? issue.description.slice(0, 20);
  if (name === 'return') {
    await notify(trx, {
      recipients: await enterpriseUsers(trx, issue.source_id),
      kind: 'issue_returned',
      title: { zh: `整改复核退回：${ref}`, en: `Rectification returned: ${ref}` },
      body: { zh: `退回原因：${note ?? ''}`, en: `Reason: ${note ?? ''}` },
      link: `/issues/${issue.id}`,
      sourceId: issue.source_id,
    });
  }
  if (name === 'submit_evidence') {
    await notify(trx, {
      recipients: await followers(trx, issue.source_id, issue.town_id),
      kind: 'issue_evidence',
      title: { zh: `待复核：${ref}`, en: `Evidence to verify: ${ref}` },
      body: { zh: `企业已${label.zh}，请复核。`, en: `The enterprise has submitted rectification evidence; please verify it.` },
      link: `/issues/${issue.id}`,
      sourceId: issue.source_id,
    });
  }
}

const EDITABLE: Array<[keyof IssueUpdate, keyof IssuesTable]> = [
  ['description', 'description'],
  ['responsiblePerson', 'responsible_person'],
  ['measure', 'measure'],
  ['deadline', 'deadline'],
  ['class', 'class'],
  ['severity', 'severity'],
];

/** Edits the four dimensions, class and severity while the issue is found or confirmed. */
export async function updateIssue(db: Kysely<DB>, actor: Actor, id: string, input: IssueUpdate): Promise<IssueDetail> {
  await db.transaction().execute(async (trx) => {
    const issue = await lockIssue(trx, actor, id);
    if (issue.version !== input.version) throw staleVersion();
    const status = issue.status as IssueStatus;
    if (status !== 'found' && status !== 'confirmed') {
      throw new AppError(400, 'issue_frozen', '问题入库后不能再修改四要素', 'The issue can no longer be edited once it is registered', 'status');
    }
    if (!mayEdit(actor, status, issue.class) || (input.class && !mayEdit(actor, status, input.class))) {
      throw new AppError(403, 'forbidden', '您的角色不能修改该问题', 'Your role may not edit this issue', input.class && input.class !== issue.class ? 'class' : undefined);
    }
    if (input.deadline) futureDeadline(input.deadline, false);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [key, column] of EDITABLE) {
      const value = input[key];
      if (value === undefined) continue;
      const next = typeof value === 'string' && value === '' ? null : value;
      if (next === issue[column]) continue;
      before[column] = issue[column];
      after[column] = next;
    }
    if (Object.keys(after).length === 0) return;
    await trx.updateTable('issues').set({ ...after, version: issue.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
    await trx
      .insertInto('issue_events')
      .values({ issue_id: id, action: 'edit', from_status: status, to_status: status, actor_id: actor.userId, note: null, payload: JSON.stringify({ before, after }) })
      .execute();
    await writeAudit(trx, actor, { action: 'issue.update', entityType: 'issue', entityId: id, before, after });
  });
  return getIssue(db, actor, id);
}

/** 周跟进: a grid cadre's note (and photos) on an open issue in its grid. */
export async function addFollowUp(db: Kysely<DB>, actor: Actor, id: string, input: FollowUpInput): Promise<IssueDetail> {
  await db.transaction().execute(async (trx) => {
    const issue = await lockIssue(trx, actor, id);
    if (actor.role !== 'grid') throw new AppError(403, 'forbidden', '跟进记录由网格员填写', 'Follow-up notes are written by grid cadres');
    if (!isOpen(issue.status)) throw invalidField('status', '问题已结束，不能再跟进', 'The issue is no longer open');
    await checkPhotoIds(trx, issue, input.photoIds);
    const row = await trx
      .insertInto('issue_events')
      .values({ issue_id: id, action: 'follow_up', from_status: issue.status, to_status: issue.status, actor_id: actor.userId, note: input.note, payload: JSON.stringify({ photoIds: input.photoIds ?? [] }) })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'issue.follow_up', entityType: 'issue', entityId: id, after: row });
  });
  return getIssue(db, actor, id);
}

export { issueNotFound };
