/**
 * Numbering (issues per town and year, notices per district and year) and rectification notices
 * (整改通知书): one notice per visit, later issues of the same source join its still-open notice; the
 * enterprise is told in its inbox and signs for the notice (签收).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { NoticeAcknowledge, NoticeDetail } from '../../../common/contracts/issues';
import { FINAL_ISSUE_STATUSES } from '../../../common/issue-workflow';
import { issueNumber, noticeNumber } from '../../../common/numbering';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import type { Actor } from '../../db/scope';
import { AppError, invalidField, staleVersion } from '../../http/errors';
import { notify } from '../notifications';
import { getNotice, noticeNotFound, noticeSummaries } from './notices.queries';
import { shanghaiYear } from './queries';

/** The next number of a counter (race-free: one upsert, the row lock orders concurrent callers). */
export async function nextSeq(trx: Transaction<DB>, scope: string, year: number): Promise<number> {
  const row = await trx
    .insertInto('document_counters')
    .values({ scope, year, last_seq: 1 })
    .onConflict((oc) => oc.columns(['scope', 'year']).doUpdateSet({ last_seq: sql<number>`document_counters.last_seq + 1` }))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return row.last_seq;
}

/** 入库编号: `<town code>-<year>-<seq>`, e.g. 310112114-2026-0001 (scope 'issue:<town>'). */
export async function nextIssueNumber(trx: Transaction<DB>, townId: string, year = shanghaiYear()) {
  const seq = await nextSeq(trx, `issue:${townId}`, year);
  return { number: issueNumber(townId, year, seq), year, seq };
}

/** The district that holds a town (first code of its path) and its name. */
async function districtOf(trx: Transaction<DB>, townId: string): Promise<{ id: string; name: string }> {
  const town = await trx.selectFrom('regions').select('path').where('id', '=', townId).executeTakeFirstOrThrow();
  const districtId = town.path.split('/').filter(Boolean)[0];
  const district = await trx.selectFrom('regions').select('name').where('id', '=', districtId).executeTakeFirst();
  return { id: districtId, name: district?.name ?? '区' };
}

export async function enterpriseUsers(trx: Transaction<DB>, sourceId: string): Promise<string[]> {
  const rows = await trx.selectFrom('users').select('id').where('source_id', '=', sourceId).where('role', '=', 'enterprise').where('disabled', '=', false).execute();
  return rows.map((r) => r.id);
}

/** Provider staff contracted for the source and the town office: who follows up evidence. */
export async function followers(trx: Transaction<DB>, sourceId: string, townId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('users')
    .select('id')
    .where('disabled', '=', false)
    .where((eb) =>
      eb.or([
        eb.and([eb('role', 'in', ['provider_manager', 'inspector']), eb('provider_id', 'in', eb.selectFrom('provider_sources').select('provider_id').where('source_id', '=', sourceId))]),
        eb.and([eb('role', '=', 'town'), eb('region_id', '=', townId)]),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Puts an issue into its source's notice: the open notice of the same visit, else any still-open
 * (unacknowledged) notice of the source, else a new numbered one. Serialised per source so two
 * issues noticed at once never open two notices.
 */
export async function attachToNotice(
  trx: Transaction<DB>,
  actor: Actor,
  issue: { id: string; source_id: string; town_id: string; inspection_id: string | null; deadline: string },
): Promise<{ id: string; number: string; created: boolean }> {
  await sql`select pg_advisory_xact_lock(hashtext(${`notice:${issue.source_id}`}))`.execute(trx);
  const open = await trx
    .selectFrom('rectification_notices')
    .select(['id', 'number', 'inspection_id'])
    .where('source_id', '=', issue.source_id)
    .where('status', '=', 'open')
    .orderBy(sql`case when inspection_id is not distinct from ${issue.inspection_id} then 0 else 1 end`)
    .orderBy('issued_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  let notice: { id: string; number: string; created: boolean };
  if (open) notice = { id: open.id, number: open.number, created: false };
  else {
    const year = shanghaiYear();
    const district = await districtOf(trx, issue.town_id);
    const seq = await nextSeq(trx, `notice:${district.id}`, year);
    const row = await trx
      .insertInto('rectification_notices')
      .values({ source_id: issue.source_id, inspection_id: issue.inspection_id, number: noticeNumber(district.name, year, seq), year, seq, issued_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'notice.create', entityType: 'rectification_notice', entityId: row.id, after: row });
    notice = { id: row.id, number: row.number, created: true };
  }
  await notify(trx, {
    recipients: await enterpriseUsers(trx, issue.source_id),
    kind: 'rectification_notice',
    title: { zh: `整改通知书 ${notice.number}`, en: `Rectification notice ${notice.number}` },
    body: {
      zh: `贵单位有一项问题须于 ${issue.deadline} 前完成整改并提交整改材料。`,
      en: `An issue of your site must be rectified, with evidence submitted, by ${issue.deadline}.`,
    },
    link: `/issues/${issue.id}`,
    sourceId: issue.source_id,
    dueDate: issue.deadline,
    dedupeKey: `notice:${notice.id}:${issue.id}`,
  });
  return notice;
}

/** After an issue left the loop: a notice whose issues are all final is done (办结). */
export async function closeNoticeIfDone(trx: Transaction<DB>, actor: Actor, noticeId: string | null): Promise<void> {
  if (!noticeId) return;
  const open = await trx
    .selectFrom('issues')
    .select('id')
    .where('notice_id', '=', noticeId)
    .where('status', 'not in', [...FINAL_ISSUE_STATUSES])
    .limit(1)
    .executeTakeFirst();
  if (open) return;
  const updated = await trx
    .updateTable('rectification_notices')
    .set((eb) => ({ status: 'closed', version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', noticeId)
    .where('status', '<>', 'closed')
    .returning(['id', 'status'])
    .executeTakeFirst();
  if (updated) await writeAudit(trx, actor, { action: 'notice.close', entityType: 'rectification_notice', entityId: noticeId, after: updated });
}

/** 签收: the enterprise acknowledges a notice of its own source. */
export async function acknowledgeNotice(db: Kysely<DB>, actor: Actor, id: string, input: NoticeAcknowledge): Promise<NoticeDetail> {
  await db.transaction().execute(async (trx) => {
    const [visible] = await noticeSummaries(trx, actor, { ids: [id] });
    if (!visible) throw noticeNotFound();
    if (actor.role !== 'enterprise') {
      throw new AppError(403, 'forbidden', '整改通知书由企业签收', 'Only the enterprise acknowledges its rectification notice');
    }
    const current = await trx.selectFrom('rectification_notices').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (current.version !== input.version) throw staleVersion();
    if (current.status !== 'open') throw invalidField('status', '该整改通知书已签收或已办结', 'This notice has already been acknowledged or closed');
    const after = await trx
      .updateTable('rectification_notices')
      .set({ status: 'acknowledged', acknowledged_by: actor.userId, acknowledged_at: new Date(), version: current.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'notice.acknowledge', entityType: 'rectification_notice', entityId: id, before: { status: current.status }, after: { status: after.status, acknowledgedAt: after.acknowledged_at } });
  });
  return getNotice(db, actor, id);
}
