/**
 * Inspection plans (检查计划): annual, quarterly, special (专项) and night-patrol plans choose sources by
 * filters or ids, and each chosen source becomes one planned inspection, spread over the period. A
 * second round (第二轮) re-plans the sources of a plan that had issues; 回头看 re-visits closed issues.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DerivedPlanInput, PlanCreated, PlanFilters, PlanInput, RevisitPlanInput } from '../../../common/contracts/inspections';
import type { Bilingual } from '../../../common/enums';
import { writeAudit, writeAuditBatch } from '../../db/audit';
import type { DB } from '../../db/schema';
import { providerInScope, regionVisible, sourceInScope, type Actor } from '../../db/scope';
import type { PlanKind } from '../../db/tables/inspections';
import { AppError, invalidField } from '../../http/errors';
import { getTemplate, listTemplates } from '../checklists';
import { closedIssuesForRevisit, inspectionsWithIssues } from '../issues';
import { visitCap } from '../risk';
import { PLAN_ROLES, getPlan, lockPlanVisible, visitsInYear } from './queries';
import { spreadOver } from './schedule';

interface Target {
  sourceId: string;
  revisitIssueId?: string | null;
}

interface PlanHeader {
  name: string;
  kind: PlanKind;
  year: number;
  quarter?: number | null;
  startsOn: string;
  endsOn: string;
  templateId?: string | null;
  description?: string | null;
  originPlanId?: string | null;
  providerId?: string | null;
}

const NO_TEMPLATE: Bilingual = { zh: '没有适用于该污染源类型和行业的启用检查模板', en: 'No active checklist template applies to this source type and industry' };
const INACTIVE_SOURCE: Bilingual = { zh: '污染源已关闭', en: 'The source is closed' };
const capReached = (n: number, cap: number): Bilingual => ({
  zh: `本年度已安排检查 ${n} 次，达到每年上限 ${cap} 次（无事不扰）`,
  en: `Already ${n} visits this year, the yearly cap of ${cap} (no visits without cause)`,
});
/** Problem-driven visits (a second round, 回头看) are not routine and are not capped. */
const CAPPED_KINDS: readonly PlanKind[] = ['annual', 'quarterly', 'special', 'night_patrol'];
const NOT_CONTRACTED: Bilingual = { zh: '污染源不在该服务机构的合同范围内', en: 'The source is not under the provider\'s contract' };

export function assertMayPlan(actor: Actor): void {
  if (!PLAN_ROLES.includes(actor.role)) {
    throw new AppError(403, 'forbidden', '只有区局、街镇、服务机构负责人和系统管理员可以制定检查计划', 'Only the bureau, towns, provider managers and administrators make inspection plans');
  }
}

function checkPeriod(startsOn: string, endsOn: string, year?: number): void {
  if (endsOn < startsOn) throw invalidField('endsOn', '结束日期不能早于开始日期', 'The end date cannot be before the start date');
  if (year !== undefined && Number(startsOn.slice(0, 4)) !== year) throw invalidField('startsOn', `开始日期须在 ${year} 年内`, `The start date must be in ${year}`);
  const days = (Date.parse(endsOn) - Date.parse(startsOn)) / 86_400_000;
  if (days > 400) throw invalidField('endsOn', '计划期间不能超过 400 天', 'A plan period cannot exceed 400 days');
}

/** The office that owns a new plan: the actor's region; for the administrator and provider staff the district. */
export async function ownerRegion(trx: Transaction<DB>, actor: Actor): Promise<{ id: string; path: string }> {
  if ((actor.role === 'bureau' || actor.role === 'town') && actor.regionId && actor.regionPath) return { id: actor.regionId, path: actor.regionPath };
  const district = await trx.selectFrom('regions').select(['id', 'path']).where('level', '=', 'district').orderBy('sort_order').orderBy('id').executeTakeFirst();
  if (!district) throw new AppError(409, 'no_district', '系统中还没有区级行政区', 'There is no district region yet');
  return district;
}

export async function planProvider(trx: Kysely<DB>, actor: Actor, providerId: string | null | undefined): Promise<string | null> {
  if (actor.role === 'provider_manager') return actor.providerId;
  if (!providerId) return null;
  const provider = await trx.selectFrom('providers').select('id').where('id', '=', providerId).where(providerInScope(actor)).executeTakeFirst();
  if (!provider) throw new AppError(404, 'not_found', '服务机构不存在或不在您的管辖范围内', 'Provider not found or outside your jurisdiction', 'providerId');
  return provider.id;
}

/** Sources in the actor's jurisdiction passing the filters and ids. */
async function chooseSources(trx: Transaction<DB>, actor: Actor, filters: PlanFilters | undefined, ids: string[] | undefined) {
  let q = trx
    .selectFrom('sources')
    .select(['sources.id', 'sources.name', 'sources.source_type', 'sources.industry_code', 'sources.region_path', 'sources.lifecycle_status'])
    .where(sourceInScope(actor));
  if (filters?.regionId) {
    const region = await trx.selectFrom('regions').select('path').where('id', '=', filters.regionId).where(regionVisible(actor)).executeTakeFirst();
    if (!region) throw new AppError(404, 'not_found', '区域不存在或不在您的管辖范围内', 'Region not found or outside your jurisdiction', 'filters.regionId');
    q = q.where((eb) => eb.or([eb('sources.region_path', 'like', `${region.path}%`), eb('sources.park_path', 'like', `${region.path}%`)]));
  }
  if (filters?.sourceTypes?.length) q = q.where('sources.source_type', 'in', filters.sourceTypes);
  if (filters?.industryPrefix) q = q.where('sources.industry_code', 'like', `${filters.industryPrefix}%`);
  if (filters?.permitClasses?.length) q = q.where('sources.permit_class', 'in', filters.permitClasses);
  if (ids) {
    if (ids.length === 0) return [];
    q = q.where('sources.id', 'in', ids);
  }
  const rows = await q.orderBy('sources.region_path').orderBy('sources.name').limit(5001).execute();
  if (rows.length > 5000) throw invalidField('filters', '一个计划最多 5000 个污染源，请缩小筛选范围', 'A plan holds at most 5,000 sources; narrow the filters');
  if (ids) {
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.findIndex((id) => !found.has(id));
    if (missing >= 0 && !filters) throw new AppError(404, 'not_found', '污染源不存在或不在您的管辖范围内', 'Source not found or outside your jurisdiction', `sourceIds.${missing}`);
  }
  return rows;
}

type SourceRow = Awaited<ReturnType<typeof chooseSources>>[number];

/** Picks each source's template: the plan's, or the first active template that applies to the source. */
export async function templatePicker(trx: Kysely<DB>, actor: Actor, planTemplateId: string | null | undefined) {
  if (planTemplateId) {
    const template = await getTemplate(trx, actor, planTemplateId).catch(() => null);
    if (!template) throw new AppError(404, 'not_found', '检查模板不存在或不在您的管辖范围内', 'Checklist template not found or outside your jurisdiction', 'templateId');
    if (template.status !== 'active') throw invalidField('templateId', '只能使用已启用的检查模板', 'Only an active template can be used');
    return () => template.id;
  }
  const { items } = await listTemplates(trx, actor, { status: 'active' });
  const regionIds = [...new Set(items.map((t) => t.regionId).filter((x): x is string => !!x))];
  const paths = new Map(regionIds.length ? (await trx.selectFrom('regions').select(['id', 'path']).where('id', 'in', regionIds).execute()).map((r) => [r.id, r.path]) : []);
  return (s: SourceRow) =>
    items.find(
      (t) =>
        (t.sourceTypes.length === 0 || t.sourceTypes.includes(s.source_type)) &&
        (t.industryPrefixes.length === 0 || t.industryPrefixes.some((p) => s.industry_code.startsWith(p))) &&
        (t.regionId === null || s.region_path.startsWith(paths.get(t.regionId) ?? '\u0000')),
    )?.id ?? null;
}

/** Inserts the plan and one planned inspection per target; reports the sources left out and why. */
async function insertPlan(trx: Transaction<DB>, actor: Actor, header: PlanHeader, sources: SourceRow[], targets: Target[]): Promise<{ planId: string; created: number; skipped: PlanCreated['skipped'] }> {
  const owner = await ownerRegion(trx, actor);
  const providerId = await planProvider(trx, actor, header.providerId);
  const pick = await templatePicker(trx, actor, header.templateId);
  const byId = new Map(sources.map((s) => [s.id, s]));
  const contracted = providerId
    ? new Set((await trx.selectFrom('provider_sources').select('source_id').where('provider_id', '=', providerId).execute()).map((r) => r.source_id))
    : null;
  const skipped: PlanCreated['skipped'] = [];
  const chosen: Array<Target & { templateId: string }> = [];
  const cap = CAPPED_KINDS.includes(header.kind) ? await visitCap(trx) : null;
  const visits = cap === null ? new Map<string, number>() : await visitsInYear(trx, targets.map((t) => t.sourceId), header.year);
  for (const t of targets) {
    const s = byId.get(t.sourceId)!;
    const skip = (reason: Bilingual) => skipped.push({ sourceId: s.id, name: s.name, reason });
    if (s.lifecycle_status === 'closed') skip(INACTIVE_SOURCE);
    else if (contracted && !contracted.has(s.id)) skip(NOT_CONTRACTED);
    else if (cap !== null && (visits.get(s.id) ?? 0) >= cap) skip(capReached(visits.get(s.id)!, cap));
    else {
      const templateId = pick(s);
      if (!templateId) skip(NO_TEMPLATE);
      else chosen.push({ ...t, templateId });
    }
  }
  const plan = await trx
    .insertInto('inspection_plans')
    .values({
      region_id: owner.id,
      region_path: owner.path,
      provider_id: providerId,
      name: header.name,
      kind: header.kind,
      year: header.year,
      quarter: header.quarter ?? null,
      starts_on: header.startsOn,
      ends_on: header.endsOn,
      template_id: header.templateId ?? null,
      origin_plan_id: header.originPlanId ?? null,
      description: header.description || null,
      created_by: actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const days = spreadOver(chosen.length, header.startsOn, header.endsOn);
  const rows = chosen.map((t, i) => ({
    plan_id: plan.id,
    source_id: t.sourceId,
    template_id: t.templateId,
    scheduled_on: days[i],
    night: header.kind === 'night_patrol',
    revisit_issue_id: t.revisitIssueId ?? null,
    created_by: actor.userId,
  }));
  const inserted: Array<{ id: string; source_id: string }> = [];
  for (let i = 0; i < rows.length; i += 500) {
    inserted.push(...(await trx.insertInto('inspections').values(rows.slice(i, i + 500)).returning(['id', 'source_id']).execute()));
  }
  await writeAudit(trx, actor, { action: 'inspection_plan.create', entityType: 'inspection_plan', entityId: plan.id, after: { ...plan, inspections: inserted.length, skipped: skipped.length } });
  await writeAuditBatch(trx, actor, inserted.map((r, i) => ({ action: 'inspection.plan', entityType: 'inspection', entityId: r.id, after: rows[i] })));
  return { planId: plan.id, created: inserted.length, skipped };
}

export async function createPlan(db: Kysely<DB>, actor: Actor, input: PlanInput): Promise<PlanCreated> {
  assertMayPlan(actor);
  checkPeriod(input.startsOn, input.endsOn, input.year);
  if (input.kind === 'quarterly' && !input.quarter) throw invalidField('quarter', '季度计划须选择季度', 'A quarterly plan needs its quarter');
  if (input.providerId && actor.role === 'provider_manager') throw invalidField('providerId', '服务机构的计划自动归属本机构', 'A provider\'s plan is its own');
  const result = await db.transaction().execute(async (trx) => {
    const sources = await chooseSources(trx, actor, input.filters, input.sourceIds);
    if (sources.length === 0) throw invalidField(input.sourceIds ? 'sourceIds' : 'filters', '没有符合条件的污染源', 'No source matches the filters');
    return insertPlan(trx, actor, { ...input, quarter: input.kind === 'quarterly' ? input.quarter : null }, sources, sources.map((s) => ({ sourceId: s.id })));
  });
  return { plan: await getPlan(db, actor, result.planId), created: result.created, skipped: result.skipped };
}

/** 第二轮: a new plan over the sources of `planId` whose inspections produced issues. */
export async function secondRound(db: Kysely<DB>, actor: Actor, planId: string, input: DerivedPlanInput): Promise<PlanCreated> {
  checkPeriod(input.startsOn, input.endsOn);
  const result = await db.transaction().execute(async (trx) => {
    const origin = await lockPlanVisible(trx, actor, planId);
    assertMayPlan(actor);
    const inspections = await trx
      .selectFrom('inspections')
      .innerJoin('sources', 'sources.id', 'inspections.source_id')
      .select(['inspections.id', 'inspections.source_id'])
      .where('inspections.plan_id', '=', planId)
      .where(sourceInScope(actor))
      .execute();
    const withIssues = new Set(await inspectionsWithIssues(trx, inspections.map((i) => i.id)));
    const sourceIds = [...new Set(inspections.filter((i) => withIssues.has(i.id)).map((i) => i.source_id))];
    if (sourceIds.length === 0) throw invalidField('planId', '该计划的检查没有发现问题，无需第二轮', 'No inspection of this plan found an issue: there is nothing for a second round');
    const sources = await chooseSources(trx, actor, undefined, sourceIds);
    return insertPlan(
      trx,
      actor,
      {
        name: input.name ?? `${origin.name}（第二轮）`.slice(0, 100),
        kind: 'second_round',
        year: Number(input.startsOn.slice(0, 4)),
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        templateId: origin.template_id,
        originPlanId: origin.id,
        providerId: origin.provider_id,
      },
      sources,
      sources.map((s) => ({ sourceId: s.id })),
    );
  });
  return { plan: await getPlan(db, actor, result.planId), created: result.created, skipped: result.skipped };
}

/** 回头看: one visit per closed issue in the actor's jurisdiction, to check that the problem stays fixed. */
export async function revisitPlan(db: Kysely<DB>, actor: Actor, input: RevisitPlanInput): Promise<PlanCreated> {
  assertMayPlan(actor);
  checkPeriod(input.startsOn, input.endsOn);
  const today = new Date().toISOString().slice(0, 10);
  const from = input.closedFrom ?? `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const to = input.closedTo ?? today;
  const result = await db.transaction().execute(async (trx) => {
    const issues = await closedIssuesForRevisit(trx, actor, { from, to });
    if (issues.length === 0) throw invalidField('closedFrom', '该期间内没有已销号的问题', 'No issue was closed in that period');
    const sources = await chooseSources(trx, actor, undefined, [...new Set(issues.map((i) => i.sourceId))]);
    return insertPlan(
      trx,
      actor,
      { name: input.name, kind: 'revisit', year: Number(input.startsOn.slice(0, 4)), startsOn: input.startsOn, endsOn: input.endsOn },
      sources,
      issues.map((i) => ({ sourceId: i.sourceId, revisitIssueId: i.id })),
    );
  });
  return { plan: await getPlan(db, actor, result.planId), created: result.created, skipped: result.skipped };
}
