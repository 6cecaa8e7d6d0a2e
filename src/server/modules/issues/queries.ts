/**
 * Reads of issues: the scoped list with its filters, one issue with its four dimensions, history,
 * photos and notice. An issue exists for an actor when its source is in the actor's jurisdiction
 * (sourceInScope); otherwise it is 404. Overdue is computed here against today in Asia/Shanghai.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { todayInShanghai } from '../../../common/compliance-calendar';
import type { IssueDetail, IssueList, IssueListQuery, IssuePhoto, IssueRow } from '../../../common/contracts/issues';
import { IssueListQuerySchema } from '../../../common/contracts/issues';
import { FINAL_ISSUE_STATUSES, isIssueStatus, issueActionsFor, NOT_COUNTED_STATUSES, OPEN_WITH_DEADLINE, type IssueActionName, type IssueStatus } from '../../../common/issue-workflow';
import type { DB } from '../../db/schema';
import { sourceInScope, type Actor } from '../../db/scope';
import { notFound } from '../../http/errors';
import { sourceDocumentRefs } from '../archive';
import { resolveLegalBasis } from '../knowledge';
import { noticeSummaries } from './notices.queries';

type Db = Kysely<DB> | Transaction<DB>;

export const issueNotFound = () => notFound('Issue', '问题');

const DAY = 86_400_000;

export function shanghaiYear(now = new Date()): number {
  return Number(todayInShanghai(now).slice(0, 4));
}

/** Days past the deadline while it runs; null when no deadline runs or it has not passed. */
export function overdueDays(status: IssueStatus, deadline: string | null, today = todayInShanghai()): number | null {
  if (!deadline || !OPEN_WITH_DEADLINE.includes(status)) return null;
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`)) / DAY);
  return days > 0 ? days : null;
}

export function allowedActions(status: IssueStatus, issueClass: IssueRow['class'], actor: Actor): IssueActionName[] {
  return [...new Set(issueActionsFor(status, issueClass, actor.role).map((a) => a.name))];
}

export const isOpen = (status: IssueStatus) => !FINAL_ISSUE_STATUSES.includes(status);

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Issues joined with their source and town, limited to the actor's jurisdiction. */
export function scopedIssues(db: Db, actor: Actor) {
  return db
    .selectFrom('issues')
    .innerJoin('sources', 'sources.id', 'issues.source_id')
    .innerJoin('regions as town', 'town.id', 'issues.town_id')
    .where(sourceInScope(actor));
}

const rowColumns = [
  'issues.id', 'issues.number', 'issues.status', 'issues.class', 'issues.severity', 'issues.area', 'issues.origin', 'issues.description',
  'issues.source_id', 'sources.name as source_name', 'issues.town_id', 'town.name as town_name', 'issues.deadline', 'issues.return_count',
  'issues.recurrence_of', 'issues.notice_id', 'issues.found_at', 'issues.version',
] as const;

type RowData = {
  id: string; number: string | null; status: IssueStatus; class: IssueRow['class']; severity: IssueRow['severity']; area: string; origin: string;
  description: string; source_id: string; source_name: string; town_id: string; town_name: string; deadline: string | null; return_count: number;
  recurrence_of: string | null; notice_id: string | null; found_at: Date | string; version: number;
};

function toRow(r: RowData, actor: Actor, today: string): IssueRow {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    class: r.class,
    severity: r.severity,
    area: r.area,
    origin: r.origin,
    description: r.description,
    sourceId: r.source_id,
    sourceName: r.source_name,
    townId: r.town_id,
    townName: r.town_name,
    deadline: r.deadline,
    overdueDays: overdueDays(r.status, r.deadline, today),
    returnCount: r.return_count,
    recurrenceOf: r.recurrence_of,
    noticeId: r.notice_id,
    foundAt: new Date(r.found_at).toISOString(),
    version: r.version,
    allowedActions: allowedActions(r.status, r.class, actor),
  };
}

export async function listIssues(db: Db, actor: Actor, rawQuery: IssueListQuery): Promise<IssueList> {
  const query = IssueListQuerySchema.parse(rawQuery);
  const today = todayInShanghai();
  let base = scopedIssues(db, actor);
  if (query.status) {
    const statuses = query.status.split(',').filter(isIssueStatus);
    base = base.where('issues.status', 'in', statuses.length ? statuses : ['__none__' as IssueStatus]);
  }
  if (query.class) base = base.where('issues.class', '=', query.class);
  if (query.area) base = base.where('issues.area', '=', query.area);
  if (query.townId) base = base.where('issues.town_id', '=', query.townId);
  if (query.sourceId) base = base.where('issues.source_id', '=', query.sourceId);
  if (query.origin) base = base.where('issues.origin', '=', query.origin);
  if (query.providerId === 'none') base = base.where('issues.provider_id', 'is', null);
  else if (query.providerId) base = base.where('issues.provider_id', '=', query.providerId);
  if (query.open === 'true') base = base.where('issues.status', 'not in', [...FINAL_ISSUE_STATUSES]);
  if (query.open === 'false') base = base.where('issues.status', 'in', [...FINAL_ISSUE_STATUSES]);
  if (query.counted === 'true') base = base.where('issues.status', 'not in', [...NOT_COUNTED_STATUSES]);
  if (query.from) base = base.where(sql<string>`(issues.found_at at time zone 'Asia/Shanghai')::date`, '>=', query.from);
  if (query.to) base = base.where(sql<string>`(issues.found_at at time zone 'Asia/Shanghai')::date`, '<=', query.to);
  if (query.recurrence === 'true') base = base.where('issues.recurrence_of', 'is not', null);
  if (query.recurrence === 'false') base = base.where('issues.recurrence_of', 'is', null);
  if (query.overdue === 'true') {
    base = base.where('issues.status', 'in', [...OPEN_WITH_DEADLINE]).where('issues.deadline', '<', today);
  }
  if (query.overdue === 'false') {
    base = base.where((eb) =>
      eb.or([eb('issues.status', 'not in', [...OPEN_WITH_DEADLINE]), eb('issues.deadline', 'is', null), eb('issues.deadline', '>=', today)]),
    );
  }
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) => eb.or([eb('issues.number', 'ilike', like), eb('issues.description', 'ilike', like), eb('sources.name', 'ilike', like)]));
  }
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .select([...rowColumns])
      .orderBy('issues.found_at', 'desc')
      .orderBy('issues.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  return { items: rows.map((r) => toRow(r as RowData, actor, today)), total: Number(count.n), page: query.page, pageSize: query.pageSize };
}

const BEFORE = ['item', 'finding', 'before'];

export function photoView(issueId: string, p: { id: string; purpose: string; width: number | null; height: number | null; captured_at: Date | string | null; created_at: Date }): IssuePhoto {
  const url = `/api/issues/${issueId}/photos/${p.id}`;
  return { id: p.id, purpose: p.purpose, url, thumbUrl: `${url}?thumb=true`, width: p.width, height: p.height, capturedAt: iso(p.captured_at), createdAt: iso(p.created_at)! };
}

/** Photos of an issue: attached to it, or taken for its checklist item during its inspection. */
export function issuePhotos(db: Db, issue: { id: string; inspection_id: string | null; item_id: string | null }) {
  return db
    .selectFrom('evidence_photos')
    .selectAll()
    .where((eb) => {
      const branches = [eb('evidence_photos.issue_id', '=', issue.id)];
      if (issue.inspection_id && issue.item_id) {
        branches.push(
          eb.and([
            eb('evidence_photos.inspection_id', '=', issue.inspection_id),
            eb('evidence_photos.item_id', '=', issue.item_id),
            eb('evidence_photos.issue_id', 'is', null),
            eb('evidence_photos.purpose', 'in', BEFORE as never[]),
          ]),
        );
      }
      return eb.or(branches);
    });
}

export async function getIssue(db: Db, actor: Actor, id: string): Promise<IssueDetail> {
  const r = await scopedIssues(db, actor)
    .where('issues.id', '=', id)
    .select([
      ...rowColumns, 'issues.responsible_person', 'issues.measure', 'issues.legal_basis', 'issues.penalty_basis', 'issues.case_reference',
      'issues.inspection_id', 'issues.item_id', 'issues.registered_at', 'issues.closed_at',
      'sources.uscc as source_uscc', 'sources.address as source_address',
    ])
    .executeTakeFirst();
  if (!r) throw issueNotFound();
  const today = todayInShanghai();
  const [events, photos, recurrence, notices] = await Promise.all([
    db
      .selectFrom('issue_events')
      .leftJoin('users', 'users.id', 'issue_events.actor_id')
      .select(['issue_events.id', 'issue_events.action', 'issue_events.from_status', 'issue_events.to_status', 'issue_events.note', 'issue_events.payload', 'issue_events.created_at', 'users.display_name'])
      .where('issue_events.issue_id', '=', id)
      .orderBy('issue_events.created_at')
      // Events of one transaction share its time: the finding comes first.
      .orderBy(sql`case when issue_events.action = 'found' then 0 else 1 end`)
      .orderBy('issue_events.id')
      .execute(),
    issuePhotos(db, r).orderBy('created_at').orderBy('id').execute(),
    r.recurrence_of ? db.selectFrom('issues').select(['id', 'number', 'closed_at']).where('id', '=', r.recurrence_of).executeTakeFirst() : undefined,
    r.notice_id ? noticeSummaries(db, actor, { ids: [r.notice_id] }) : [],
  ]);
  const status = r.status as IssueStatus;
  const open = isOpen(status);
  const documents = await evidenceDocuments(db, r.source_id, events.map((e) => (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload)));
  return {
    ...toRow(r as RowData, actor, today),
    responsiblePerson: r.responsible_person,
    measure: r.measure,
    legalBasis: r.legal_basis,
    legalRefs: r.legal_basis ? resolveLegalBasis(r.legal_basis) : [],
    penaltyBasis: r.penalty_basis,
    penaltyRefs: r.penalty_basis ? resolveLegalBasis(r.penalty_basis) : [],
    caseReference: r.case_reference,
    inspectionId: r.inspection_id,
    itemId: r.item_id,
    recurrence: recurrence ? { id: recurrence.id, number: recurrence.number, closedAt: iso(recurrence.closed_at) } : null,
    source: { id: r.source_id, name: r.source_name, uscc: r.source_uscc, address: r.source_address },
    registeredAt: iso(r.registered_at),
    closedAt: iso(r.closed_at),
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actorName: e.display_name,
      note: e.note,
      payload: (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload) ?? {},
      createdAt: iso(e.created_at)!,
    })),
    photos: {
      before: photos.filter((p) => BEFORE.includes(p.purpose)).map((p) => photoView(id, p)),
      after: photos.filter((p) => !BEFORE.includes(p.purpose) && p.purpose !== 'signature').map((p) => photoView(id, p)),
    },
    documents,
    notice: notices[0] ?? null,
    canEdit: mayEdit(actor, status, r.class),
    canFollowUp: actor.role === 'grid' && open,
    canAddPhotos: open && PHOTO_ROLES.includes(actor.role),
  };
}

/** The archive documents the events name (payload.documentIds), of the issue's own source only. */
async function evidenceDocuments(db: Db, sourceId: string, payloads: Array<Record<string, unknown> | null>): Promise<IssueDetail['documents']> {
  const ids = [...new Set(payloads.flatMap((p) => (Array.isArray(p?.documentIds) ? (p.documentIds as string[]) : [])))];
  return sourceDocumentRefs(db, sourceId, ids);
}

export const PHOTO_ROLES: readonly string[] = ['admin', 'bureau', 'town', 'grid', 'provider_manager', 'inspector', 'enterprise'];

/** The four dimensions, class and severity change while the issue is found or confirmed, by whoever may confirm or register it. */
export function mayEdit(actor: Actor, status: IssueStatus, issueClass: IssueRow['class']): boolean {
  if (status !== 'found' && status !== 'confirmed') return false;
  const gate = status === 'found' ? 'confirm' : 'register';
  return issueActionsFor(status, issueClass, actor.role).some((a) => a.name === gate);
}

/** Locks an issue the actor can see for a change; 404 when it is outside the jurisdiction. */
export async function lockIssue(trx: Transaction<DB>, actor: Actor, id: string) {
  const visible = await scopedIssues(trx, actor).select('issues.id').where('issues.id', '=', id).executeTakeFirst();
  if (!visible) throw issueNotFound();
  return trx.selectFrom('issues').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

