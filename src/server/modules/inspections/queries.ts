/**
 * Reads of plans and inspections, and who sees them: an inspection exists for the actor when its
 * source is in the actor's jurisdiction (sourceInScope); a plan when the actor's region covers the
 * plan's region, for provider staff when the plan is given to their provider, and for the administrator.
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { InspectionListQuery, InspectionSummary, Plan } from '../../../common/contracts/inspections';
import type { DB } from '../../db/schema';
import { scopeOf, sourceInScope, type Actor } from '../../db/scope';
import { notFound } from '../../http/errors';

export const inspectionNotFound = () => notFound('Inspection', '检查');
export const planNotFound = () => notFound('Inspection plan', '检查计划');
export const photoNotFound = () => notFound('Photo', '照片');

/** Roles that plan and assign (office staff and the provider's manager). */
export const PLAN_ROLES = ['admin', 'bureau', 'town', 'provider_manager'];
/** Roles that inspect in the field. */
export const FIELD_ROLES = ['admin', 'bureau', 'town', 'provider_manager', 'inspector'];

export const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
export const num = (v: string | number | null) => (v === null ? null : Number(v));

/** Predicate on an `inspection_plans` row the actor sees. */
export function planVisible(actor: Actor, alias = 'inspection_plans') {
  const scope = scopeOf(actor);
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    switch (scope.kind) {
      case 'all':
        return sql<SqlBool>`true`;
      case 'region':
        if (!/^[/0-9A-Za-z]+$/.test(scope.path)) return sql<SqlBool>`false`;
        return eb(`${alias}.region_path`, 'like', `${scope.path}%`);
      case 'provider':
        return eb(`${alias}.provider_id`, '=', scope.providerId);
      default:
        return sql<SqlBool>`false`;
    }
  };
}

function summaryQuery(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('inspections')
    .innerJoin('sources', 'sources.id', 'inspections.source_id')
    .innerJoin('regions as town', 'town.id', 'sources.town_id')
    .leftJoin('inspection_plans', 'inspection_plans.id', 'inspections.plan_id')
    .leftJoin('users as inspector', 'inspector.id', 'inspections.inspector_id')
    .where(sourceInScope(actor))
    .select([
      'inspections.id', 'inspections.plan_id', 'inspection_plans.name as plan_name', 'inspection_plans.kind as plan_kind',
      'inspections.source_id', 'sources.name as source_name', 'sources.address as source_address', 'town.name as town_name',
      'inspections.template_id', 'inspections.inspector_id', 'inspector.display_name as inspector_name', 'inspections.scheduled_on',
      'inspections.night', 'inspections.revisit_issue_id', 'inspections.status', 'inspections.score', 'inspections.result_band', 'inspections.version',
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];

export function toSummary(r: SummaryRow): InspectionSummary {
  return {
    id: r.id,
    planId: r.plan_id,
    planName: r.plan_name,
    planKind: r.plan_kind,
    sourceId: r.source_id,
    sourceName: r.source_name,
    sourceAddress: r.source_address,
    townName: r.town_name,
    templateId: r.template_id,
    inspectorId: r.inspector_id,
    inspectorName: r.inspector_name,
    scheduledOn: r.scheduled_on,
    night: r.night,
    revisitIssueId: r.revisit_issue_id,
    status: r.status,
    score: num(r.score),
    resultBand: r.result_band,
    version: r.version,
  };
}

export async function listInspections(db: Kysely<DB>, actor: Actor, query: InspectionListQuery): Promise<{ items: InspectionSummary[]; total: number }> {
  let q = summaryQuery(db, actor);
  if (query.from) q = q.where('inspections.scheduled_on', '>=', query.from);
  if (query.to) q = q.where('inspections.scheduled_on', '<=', query.to);
  if (query.inspectorId) q = q.where('inspections.inspector_id', '=', query.inspectorId);
  if (query.planId) q = q.where('inspections.plan_id', '=', query.planId);
  if (query.status) q = q.where('inspections.status', '=', query.status);
  if (query.mine === 'true') q = q.where('inspections.inspector_id', '=', actor.userId);
  const rows = await q.orderBy('inspections.scheduled_on').orderBy('sources.name').limit(query.limit ?? 1000).execute();
  return { items: rows.map(toSummary), total: rows.length };
}

export async function inspectionSummaries(db: Kysely<DB>, actor: Actor, ids: readonly string[]): Promise<InspectionSummary[]> {
  if (ids.length === 0) return [];
  const rows = await summaryQuery(db, actor).where('inspections.id', 'in', [...ids]).orderBy('inspections.scheduled_on').orderBy('sources.name').execute();
  return rows.map(toSummary);
}

export async function getSummary(db: Kysely<DB>, actor: Actor, id: string): Promise<InspectionSummary> {
  const row = await summaryQuery(db, actor).where('inspections.id', '=', id).executeTakeFirst();
  if (!row) throw inspectionNotFound();
  return toSummary(row);
}

/** The inspection row, locked for update, when its source is in the actor's scope; 404 otherwise. */
export async function lockInspection(db: Kysely<DB>, actor: Actor, id: string) {
  const visible = await db
    .selectFrom('inspections')
    .innerJoin('sources', 'sources.id', 'inspections.source_id')
    .select('inspections.id')
    .where('inspections.id', '=', id)
    .where(sourceInScope(actor))
    .executeTakeFirst();
  if (!visible) throw inspectionNotFound();
  return db.selectFrom('inspections').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

// ---------------------------------------------------------------- plans

export async function loadPlans(db: Kysely<DB>, actor: Actor, filter: { ids?: string[]; year?: number } = {}): Promise<Plan[]> {
  let q = db
    .selectFrom('inspection_plans')
    .innerJoin('regions', 'regions.id', 'inspection_plans.region_id')
    .selectAll('inspection_plans')
    .select((eb) => [
      'regions.name as region_name',
      eb.selectFrom('inspections').select(eb.fn.countAll<number>().as('n')).whereRef('inspections.plan_id', '=', 'inspection_plans.id').where('inspections.status', '<>', 'cancelled').as('total'),
      eb
        .selectFrom('inspections')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('inspections.plan_id', '=', 'inspection_plans.id')
        .where('inspections.status', 'in', ['submitted', 'signed'])
        .as('done'),
    ])
    .where(planVisible(actor));
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    q = q.where('inspection_plans.id', 'in', filter.ids);
  }
  if (filter.year) q = q.where('inspection_plans.year', '=', filter.year);
  const rows = await q.orderBy('inspection_plans.starts_on', 'desc').orderBy('inspection_plans.created_at', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    regionId: r.region_id,
    regionName: r.region_name,
    providerId: r.provider_id,
    name: r.name,
    kind: r.kind,
    year: r.year,
    quarter: r.quarter,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    templateId: r.template_id,
    originPlanId: r.origin_plan_id,
    description: r.description,
    status: r.status,
    version: r.version,
    total: Number(r.total ?? 0),
    done: Number(r.done ?? 0),
    createdAt: iso(r.created_at)!,
  }));
}

export async function getPlan(db: Kysely<DB>, actor: Actor, id: string): Promise<Plan> {
  const [plan] = await loadPlans(db, actor, { ids: [id] });
  if (!plan) throw planNotFound();
  return plan;
}

/** The plan row, locked, when the actor sees it; 404 otherwise. */
export async function lockPlanVisible(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await db.selectFrom('inspection_plans').selectAll().where('id', '=', id).where(planVisible(actor)).forUpdate().executeTakeFirst();
  if (!row) throw planNotFound();
  return row;
}

/** Visits made or planned (not cancelled) in a year, per source: what the yearly cap (无事不扰) and the risk-based plan count. */
export async function visitsInYear(db: Kysely<DB> | Transaction<DB>, sourceIds: readonly string[], year: number): Promise<Map<string, number>> {
  const visits = new Map<string, number>();
  for (let i = 0; i < sourceIds.length; i += 1000) {
    const rows = await db.selectFrom('inspections').select(['source_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('source_id', 'in', sourceIds.slice(i, i + 1000)).where('status', '<>', 'cancelled')
      .where('scheduled_on', '>=', `${year}-01-01`).where('scheduled_on', '<=', `${year}-12-31`)
      .groupBy('source_id').execute();
    for (const r of rows) visits.set(r.source_id, Number(r.n));
  }
  return visits;
}
