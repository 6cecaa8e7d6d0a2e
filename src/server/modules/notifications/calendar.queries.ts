import type { Kysely } from 'kysely';
import {
  addDays,
  addMonths,
  daysBetween,
  OBLIGATION_KIND_LABELS,
  sourceObligations,
  todayInShanghai,
  type IsoDate,
  type Obligation,
  type PermitTerms,
} from '../../../common/compliance-calendar';
import { CALENDAR_MAX_DAYS, type Calendar, type CalendarQuery, type ObligationView, type SourceCompliance } from '../../../common/contracts/notifications';
import type { DB } from '../../db/schema';
import { sourceInScope, type Actor } from '../../db/scope';
import { invalidField } from '../../http/errors';
import { sourceWithPlaces } from '../registry';

export interface PermitWithSource extends PermitTerms {
  permitNumber: string;
  sourceName: string;
}

/** Permits that create obligations, with their source's name; `actor` limits them to its jurisdiction (the reminder job reads them all). */
export async function loadPermits(
  db: Kysely<DB>,
  filter: { actor?: Actor; sourceId?: string; townId?: string; validUntilFrom?: IsoDate; validFromTo?: IsoDate },
): Promise<PermitWithSource[]> {
  let q = db
    .selectFrom('compliance_permits as p')
    .innerJoin('sources', 'sources.id', 'p.source_id')
    .select([
      'p.id', 'p.source_id', 'p.permit_number', 'p.permit_class', 'p.valid_from', 'p.valid_until', 'p.report_frequency',
      'p.annual_report_due_month', 'p.annual_report_due_day', 'sources.name as source_name',
    ]);
  if (filter.actor) q = q.where(sourceInScope(filter.actor));
  if (filter.sourceId) q = q.where('p.source_id', '=', filter.sourceId);
  if (filter.townId) q = q.where((eb) => eb.or([eb('sources.town_id', '=', filter.townId!), eb('sources.park_id', '=', filter.townId!)]));
  if (filter.validUntilFrom) q = q.where('p.valid_until', '>=', filter.validUntilFrom);
  if (filter.validFromTo) q = q.where('p.valid_from', '<=', filter.validFromTo);
  const rows = await q.orderBy('p.source_id').orderBy('p.valid_from').execute();
  return rows.map((r) => ({
    permitId: r.id,
    sourceId: r.source_id,
    permitNo: r.permit_number,
    permitNumber: r.permit_number,
    permitClass: r.permit_class,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    reportFrequency: r.report_frequency,
    // 1月15日 is the rule itself; anything else is the permit's own deadline.
    annualReportDue: r.annual_report_due_month === 1 && r.annual_report_due_day === 15 ? null : { month: r.annual_report_due_month, day: r.annual_report_due_day },
    sourceName: r.source_name,
  }));
}

function view(o: Obligation, permits: Map<string, PermitWithSource>, today: IsoDate): ObligationView {
  const permit = permits.get(o.permitId)!;
  const daysLeft = daysBetween(today, o.dueDate);
  return {
    ...o,
    kindLabel: OBLIGATION_KIND_LABELS[o.kind],
    sourceName: permit.sourceName,
    permitNumber: permit.permitNumber,
    overdue: daysLeft < 0,
    daysLeft,
  };
}

function obligationsOf(permits: PermitWithSource[], window: { from: IsoDate; to: IsoDate }, today: IsoDate): ObligationView[] {
  const byId = new Map(permits.map((p) => [p.permitId, p]));
  return sourceObligations(permits, window).map((o) => view(o, byId, today));
}

/** Obligations of the sources in the actor's jurisdiction whose due date lies in the window. */
export async function calendar(db: Kysely<DB>, actor: Actor, query: CalendarQuery, today: IsoDate = todayInShanghai()): Promise<Calendar> {
  const from = query.from ?? today;
  const to = query.to ?? addDays(from, 90);
  if (to < from) throw invalidField('to', '结束日期不能早于开始日期', '"to" must not be before "from"');
  if (daysBetween(from, to) + 1 > CALENDAR_MAX_DAYS) {
    throw invalidField('to', `查询区间最长 ${CALENDAR_MAX_DAYS} 天`, `The window may span at most ${CALENDAR_MAX_DAYS} days`);
  }
  if (query.sourceId) await sourceWithPlaces(db, actor, query.sourceId);
  // A report can fall due up to two years after its period (an annual report of the expiry year, with an override).
  const permits = await loadPermits(db, { actor, sourceId: query.sourceId, townId: query.townId, validUntilFrom: addMonths(from, -24), validFromTo: to });
  let all = sourceObligations(permits, { from, to });
  if (query.kind) all = all.filter((o) => o.kind === query.kind);
  const start = (query.page - 1) * query.pageSize;
  const byId = new Map(permits.map((p) => [p.permitId, p]));
  return { today, from, to, items: all.slice(start, start + query.pageSize).map((o) => view(o, byId, today)), total: all.length };
}

/** One source's obligations: the last 3 months (what may be overdue) and the next 12. */
export async function sourceCompliance(db: Kysely<DB>, actor: Actor, id: string, today: IsoDate = todayInShanghai()): Promise<SourceCompliance> {
  const source = await sourceWithPlaces(db, actor, id);
  const from = addMonths(today, -3);
  const to = addMonths(today, 12);
  const permits = await loadPermits(db, { actor, sourceId: id });
  return { sourceId: source.id, sourceName: source.name, today, from, to, permitCount: permits.length, items: obligationsOf(permits, { from, to }, today) };
}
