/** Reads of rectification notices (整改通知书), scoped through their source like the issues they carry. */
import type { Kysely, Transaction } from 'kysely';
import type { NoticeDetail, NoticeList, NoticeListQuery, NoticeSummary } from '../../../common/contracts/issues';
import { NoticeListQuerySchema } from '../../../common/contracts/issues';
import type { DB } from '../../db/schema';
import { sourceInScope, type Actor } from '../../db/scope';
import { notFound } from '../../http/errors';

type Db = Kysely<DB> | Transaction<DB>;

export const noticeNotFound = () => notFound('Rectification notice', '整改通知书');

function scopedNotices(db: Db, actor: Actor) {
  return db
    .selectFrom('rectification_notices as n')
    .innerJoin('sources', 'sources.id', 'n.source_id')
    .where(sourceInScope(actor));
}

const columns = [
  'n.id', 'n.number', 'n.status', 'n.source_id', 'sources.name as source_name', 'n.inspection_id', 'n.issued_at', 'n.acknowledged_at', 'n.version',
] as const;

export async function noticeSummaries(
  db: Db,
  actor: Actor,
  filter: { ids?: string[]; sourceId?: string; status?: NoticeSummary['status']; limit?: number; offset?: number },
): Promise<NoticeSummary[]> {
  let q = scopedNotices(db, actor);
  if (filter.ids) q = q.where('n.id', 'in', filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000']);
  if (filter.sourceId) q = q.where('n.source_id', '=', filter.sourceId);
  if (filter.status) q = q.where('n.status', '=', filter.status);
  const rows = await q
    .select([...columns])
    .select((eb) => eb.selectFrom('issues').select(eb.fn.countAll<number>().as('c')).whereRef('issues.notice_id', '=', 'n.id').as('issue_count'))
    .orderBy('n.issued_at', 'desc')
    .orderBy('n.id')
    .limit(filter.limit ?? 500)
    .offset(filter.offset ?? 0)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    sourceId: r.source_id,
    sourceName: r.source_name,
    inspectionId: r.inspection_id,
    issuedAt: new Date(r.issued_at).toISOString(),
    acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at).toISOString() : null,
    issueCount: Number(r.issue_count ?? 0),
    version: r.version,
    canAcknowledge: actor.role === 'enterprise' && r.status === 'open',
  }));
}

export async function listNotices(db: Db, actor: Actor, raw: NoticeListQuery): Promise<NoticeList> {
  const query = NoticeListQuerySchema.parse(raw);
  let count = scopedNotices(db, actor);
  if (query.sourceId) count = count.where('n.source_id', '=', query.sourceId);
  if (query.status) count = count.where('n.status', '=', query.status);
  const [total, items] = await Promise.all([
    count.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    noticeSummaries(db, actor, { sourceId: query.sourceId, status: query.status, limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
  ]);
  return { items, total: Number(total.n), page: query.page, pageSize: query.pageSize };
}

export async function getNotice(db: Db, actor: Actor, id: string): Promise<NoticeDetail> {
  const [summary] = await noticeSummaries(db, actor, { ids: [id] });
  if (!summary) throw noticeNotFound();
  const [head, issues] = await Promise.all([
    db
      .selectFrom('rectification_notices as n')
      .innerJoin('sources', 'sources.id', 'n.source_id')
      .leftJoin('users as issuer', 'issuer.id', 'n.issued_by')
      .leftJoin('users as signer', 'signer.id', 'n.acknowledged_by')
      .select(['sources.uscc', 'sources.address', 'issuer.display_name as issued_by', 'signer.display_name as acknowledged_by'])
      .where('n.id', '=', id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('issues')
      .select(['id', 'number', 'status', 'description', 'measure', 'legal_basis', 'deadline'])
      .where('notice_id', '=', id)
      .orderBy('number_seq')
      .orderBy('found_at')
      .execute(),
  ]);
  return {
    ...summary,
    source: { id: summary.sourceId, name: summary.sourceName, uscc: head.uscc, address: head.address },
    issuedBy: head.issued_by,
    acknowledgedBy: head.acknowledged_by,
    issues: issues.map((i) => ({ id: i.id, number: i.number, status: i.status, description: i.description, measure: i.measure, legalBasis: i.legal_basis, deadline: i.deadline })),
  };
}
