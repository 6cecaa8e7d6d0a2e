import { sql, type Transaction } from 'kysely';
import { checkIssueAction, type IssueClass } from '../../../common/issue-workflow';
import { writeAuditBatch } from '../../db/audit';
import type { DB } from '../../db/schema';
import type { Actor } from '../../db/scope';
import type { IssueOrigin, IssueSeverity } from '../../db/tables/inspections';
import { AppError } from '../../http/errors';

/**
 * Drafting issues (发现): the one way other modules (inspections, monitoring, complaints…) put new
 * issues into the closed loop. Ids are the client's UUIDs, so a replayed field sync finds its
 * issues already there and creates nothing twice. The caller has checked that the source is in the
 * actor's scope and runs this inside its own transaction.
 */
export interface FoundIssueDraft {
  /** The client's UUID for the issue. */
  id: string;
  sourceId: string;
  inspectionId?: string | null;
  /** The checklist item answered 不符合; its legal and penalty basis are copied onto the issue. */
  itemId?: string | null;
  origin: IssueOrigin;
  /** One of the 7 inspection areas. */
  area: string;
  description: string;
  responsiblePerson?: string | null;
  measure?: string | null;
  /** 'YYYY-MM-DD' */
  deadline?: string | null;
  class: IssueClass;
  severity?: IssueSeverity;
  legalBasis?: string | null;
  penaltyBasis?: string | null;
  /** ISO time it was found (the phone's clock). */
  foundAt: string;
  /** 即知即改: the after-photo(s), already in evidence_photos; with one the issue is closed on the spot. */
  afterPhotoIds?: readonly string[];
}

export interface FoundIssuesResult {
  created: string[];
  /** Ids that already existed (a replay): left exactly as they are. */
  existing: string[];
}

const RECURRENCE_MONTHS = 12;

export async function createFoundIssues(trx: Transaction<DB>, actor: Actor, drafts: readonly FoundIssueDraft[]): Promise<FoundIssuesResult> {
  if (drafts.length === 0) return { created: [], existing: [] };
  const ids = drafts.map((d) => d.id);
  const already = new Set((await trx.selectFrom('issues').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
  const fresh = drafts.filter((d) => !already.has(d.id));
  if (fresh.length === 0) return { created: [], existing: [...already] };

  const sourceIds = [...new Set(fresh.map((d) => d.sourceId))];
  const towns = new Map(
    (await trx.selectFrom('sources').select(['id', 'town_id']).where('id', 'in', sourceIds).execute()).map((r) => [r.id, r.town_id]),
  );
  const itemIds = [...new Set(fresh.map((d) => d.itemId).filter((x): x is string => !!x))];
  const items = new Map(
    itemIds.length === 0
      ? []
      : (await trx.selectFrom('checklist_items').select(['id', 'legal_basis', 'penalty_basis']).where('id', 'in', itemIds).execute()).map((r) => [r.id, r]),
  );

  const rows = [];
  const events = [];
  for (const d of fresh) {
    const town = towns.get(d.sourceId);
    if (!town) throw new Error(`createFoundIssues: source ${d.sourceId} not found`);
    const item = d.itemId ? items.get(d.itemId) : undefined;
    if (d.itemId && !item) throw new AppError(400, 'invalid_field', '检查项不存在', 'No such checklist item', 'itemId');
    const closeNow = d.class === 'on_spot' && (d.afterPhotoIds?.length ?? 0) > 0;
    if (closeNow) {
      const check = checkIssueAction('fix_on_spot', 'found', 'on_spot', actor.role);
      if (!check.ok) throw new AppError(403, 'forbidden_action', check.message.zh, check.message.en, 'class');
    }
    const recurrence = d.itemId ? await priorClosure(trx, d.sourceId, d.itemId) : null;
    rows.push({
      id: d.id,
      source_id: d.sourceId,
      town_id: town,
      inspection_id: d.inspectionId ?? null,
      item_id: d.itemId ?? null,
      provider_id: actor.providerId,
      origin: d.origin,
      area: d.area,
      description: d.description,
      responsible_person: d.responsiblePerson ?? null,
      measure: d.measure ?? null,
      deadline: d.deadline ?? null,
      class: d.class,
      severity: d.severity ?? 'general',
      legal_basis: d.legalBasis ?? item?.legal_basis ?? null,
      penalty_basis: d.penaltyBasis ?? item?.penalty_basis ?? null,
      status: closeNow ? ('closed' as const) : ('found' as const),
      recurrence_of: recurrence,
      found_by: actor.userId,
      found_at: d.foundAt,
      closed_at: closeNow ? new Date() : null,
    });
    events.push({ issue_id: d.id, action: 'found', from_status: null, to_status: 'found', actor_id: actor.userId, note: null, payload: JSON.stringify({ origin: d.origin, recurrenceOf: recurrence }) });
    if (closeNow) {
      events.push({ issue_id: d.id, action: 'fix_on_spot', from_status: 'found', to_status: 'closed', actor_id: actor.userId, note: null, payload: JSON.stringify({ afterPhotoIds: d.afterPhotoIds }) });
    }
  }
  // A racing replay of the same sync may have inserted some meanwhile: do nothing for those.
  const inserted = await trx.insertInto('issues').values(rows).onConflict((oc) => oc.column('id').doNothing()).returning('id').execute();
  const createdIds = new Set(inserted.map((r) => r.id));
  const keptEvents = events.filter((e) => createdIds.has(e.issue_id));
  if (keptEvents.length > 0) await trx.insertInto('issue_events').values(keptEvents).execute();
  await writeAuditBatch(
    trx,
    actor,
    rows.filter((r) => createdIds.has(r.id)).map((r) => ({ action: 'issue.found', entityType: 'issue', entityId: r.id, after: r })),
  );
  return { created: [...createdIds], existing: [...already, ...fresh.filter((d) => !createdIds.has(d.id)).map((d) => d.id)] };
}

/** The latest closure of an issue for the same item at the same source within 12 months (复发). */
async function priorClosure(trx: Transaction<DB>, sourceId: string, itemId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('issues')
    .select('id')
    .where('source_id', '=', sourceId)
    .where('item_id', '=', itemId)
    .where('status', '=', 'closed')
    .where('closed_at', '>=', sql<Date>`now() - make_interval(months => ${RECURRENCE_MONTHS})`)
    .orderBy('closed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}
