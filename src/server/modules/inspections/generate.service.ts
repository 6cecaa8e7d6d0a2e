/**
 * 按风险生成计划: a year's or a quarter's plan that meets every source's minimum visits by its risk level
 * (分级分类), within the chosen inspectors' capacity on working days, never above the yearly cap (无事不扰),
 * with each day's visits close together (common/plan-generator.ts). Preview first; creating it writes an
 * ordinary plan with assigned inspections, editable like any other.
 */
import type { Kysely } from 'kysely';
import { addDays } from '../../../common/compliance-calendar';
import type { GeneratedPlan, GeneratePlanInput } from '../../../common/contracts/inspections';
import { generatePlan, type PlanSource } from '../../../common/plan-generator';
import { quarterEnd } from '../../../common/risk-rules';
import { isWorkingDay } from '../../../common/working-days';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import { sourceInScope, type Actor } from '../../db/scope';
import { invalidField } from '../../http/errors';
import { gradesForPlanning, visitCap } from '../risk';
import { loadWorkCalendar } from '../workdays';
import { listAssignees } from './assign.service';
import { assertMayPlan, ownerRegion, planProvider, templatePicker } from './plans.service';
import { visitsInYear } from './queries';

const LEVEL_PRIORITY: Record<string, number> = { major: 4000, larger: 3000, general: 2000, minor: 1000 };

function period(input: GeneratePlanInput): { startsOn: string; endsOn: string; share: number } {
  if (input.kind === 'annual') return { startsOn: `${input.year}-01-01`, endsOn: `${input.year}-12-31`, share: 1 };
  if (!input.quarter) throw invalidField('quarter', '季度计划请选择季度', 'Choose the quarter of a quarterly plan');
  const first = String((input.quarter - 1) * 3 + 1).padStart(2, '0');
  // By the end of quarter q a source should have had q/4 of its yearly minimum (rounded up).
  return { startsOn: `${input.year}-${first}-01`, endsOn: quarterEnd(`${input.year}Q${input.quarter}`), share: input.quarter / 4 };
}

export async function generateRiskPlan(db: Kysely<DB>, actor: Actor, input: GeneratePlanInput, today: string): Promise<GeneratedPlan> {
  assertMayPlan(actor);
  const { startsOn, endsOn, share } = period(input);
  // Only days still ahead can be planned.
  const from = startsOn > today ? startsOn : today;
  if (from > endsOn) throw invalidField(input.kind === 'annual' ? 'year' : 'quarter', '该期间已结束', 'That period is over');

  const providerId = await planProvider(db, actor, input.providerId);
  const eligible = new Map((await listAssignees(db, actor, undefined)).items.map((a) => [a.id, a]));
  input.inspectorIds.forEach((id, i) => {
    const a = eligible.get(id);
    if (!a) throw invalidField(`inspectorIds.${i}`, '检查人员不在可分派范围内', 'This person cannot be assigned in your jurisdiction');
    if ((a.providerId ?? null) !== providerId) {
      throw invalidField(`inspectorIds.${i}`, providerId ? '只能选择该服务机构的人员' : '未选服务机构时只能选择政府人员', providerId ? 'Choose staff of that provider' : 'Without a provider, choose government staff');
    }
  });

  let q = db.selectFrom('sources')
    .select(['sources.id', 'sources.name', 'sources.source_type', 'sources.industry_code', 'sources.region_path', 'sources.lifecycle_status', 'sources.latitude', 'sources.longitude'])
    .where(sourceInScope(actor))
    .where('sources.lifecycle_status', 'in', ['operating', 'trial', 'suspended']);
  if (providerId) q = q.where('sources.id', 'in', (eb) => eb.selectFrom('provider_sources').select('source_id').where('provider_id', '=', providerId));
  const sources = await q.orderBy('sources.id').execute();
  const ids = sources.map((s) => s.id);
  const [grades, cap, visits, calendar] = await Promise.all([
    gradesForPlanning(db, ids),
    visitCap(db),
    visitsInYear(db, ids, input.year),
    loadWorkCalendar(db, startsOn, endsOn),
  ]);
  const days: string[] = [];
  for (let d = from; d <= endsOn; d = addDays(d, 1)) if (isWorkingDay(calendar, d)) days.push(d);

  let capped = 0;
  const pick = await templatePicker(db, actor, null);
  const planSources: PlanSource[] = [];
  for (const s of sources) {
    if (!pick(s)) continue; // no checklist applies (e.g. catering): not inspected with a checklist
    const g = grades.get(s.id);
    const min = g?.minVisits ?? 1;
    const done = visits.get(s.id) ?? 0;
    const target = Math.ceil(min * share);
    const room = Math.max(0, cap - done);
    const needed = Math.min(Math.max(0, target - done), room);
    if (target - done > room) capped++;
    planSources.push({ id: s.id, latitude: s.latitude, longitude: s.longitude, needed, priority: (LEVEL_PRIORITY[g?.composite ?? 'minor'] ?? 0) + (g?.points ?? 0) });
  }
  const plan = generatePlan({ sources: planSources, inspectorIds: input.inspectorIds, days, perDay: input.perDay });
  const byId = new Map(sources.map((s) => [s.id, s]));
  const result: GeneratedPlan = {
    startsOn: from, endsOn, workingDays: days.length, sources: planSources.length,
    sourcesNeedingVisits: planSources.filter((s) => s.needed > 0).length,
    neededVisits: plan.neededVisits, capacity: plan.capacity, plannedVisits: plan.visits.length, cappedSources: capped,
    uncovered: plan.uncovered.slice(0, 200).map((u) => ({ sourceId: u.sourceId, name: byId.get(u.sourceId)!.name, composite: grades.get(u.sourceId)?.composite ?? null, missing: u.missing })),
    missingInspectorDays: plan.missingInspectorDays, meanDaySpreadM: plan.meanDaySpreadM,
    byInspector: input.inspectorIds.map((id) => {
      const mine = plan.visits.filter((v) => v.inspectorId === id);
      return { inspectorId: id, name: eligible.get(id)!.displayName, visits: mine.length, days: new Set(mine.map((v) => v.day)).size };
    }),
    planId: null,
  };
  if (!input.create) return result;
  if (plan.visits.length === 0) throw invalidField('inspectorIds', '没有需要安排的检查', 'There is no visit to plan');

  result.planId = await db.transaction().execute(async (trx) => {
    const owner = await ownerRegion(trx, actor);
    const name = input.name || `${input.year}年${input.kind === 'quarterly' ? `第${input.quarter}季度` : '度'}按风险分级检查计划`;
    const row = await trx.insertInto('inspection_plans').values({
      region_id: owner.id, region_path: owner.path, provider_id: providerId, name, kind: input.kind, year: input.year, quarter: input.kind === 'quarterly' ? input.quarter! : null,
      starts_on: from, ends_on: endsOn, description: `按风险分级最低频次生成：${plan.visits.length} 次检查，${input.inspectorIds.length} 名人员，每人每天至多 ${input.perDay} 家`, created_by: actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    const rows = plan.visits.map((v) => ({ plan_id: row.id, source_id: v.sourceId, template_id: pick(byId.get(v.sourceId)!)!, inspector_id: v.inspectorId, scheduled_on: v.day, created_by: actor.userId }));
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('inspections').values(rows.slice(i, i + 500)).execute();
    await writeAudit(trx, actor, { action: 'inspection_plan.generate', entityType: 'inspection_plan', entityId: row.id, after: { name, inspections: rows.length, uncovered: plan.uncovered.length, perDay: input.perDay, inspectors: input.inspectorIds } });
    return row.id;
  });
  return result;
}
