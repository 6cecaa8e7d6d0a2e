/**
 * Reads of risk grading, within the actor's jurisdiction (through the source): a source's grades with
 * their explanation, history and overrides; the district's distribution by quarter; who moved up or
 * down since the previous quarter and why.
 */
import { sql, type Kysely } from 'kysely';
import { todayInShanghai } from '../../../common/compliance-calendar';
import type { Distribution, Movers, RiskMap, SourceRisk } from '../../../common/contracts/risk';
import { compositeMove, previousQuarter, quarterOf, type CompositeLevel, type RiskResult } from '../../../common/risk-rules';
import type { DB } from '../../db/schema';
import { sourceInScope, type Actor } from '../../db/scope';
import { AppError, notFound } from '../../http/errors';

export const RISK_READ_ROLES: readonly string[] = ['admin', 'bureau', 'town', 'provider_manager', 'inspector', 'grid', 'expert'];
export const OVERRIDE_ROLES: readonly string[] = ['admin', 'bureau', 'town'];
export const RECOMPUTE_ROLES: readonly string[] = ['admin', 'bureau'];
export const ATTRIBUTE_ROLES: readonly string[] = ['admin', 'bureau', 'town', 'provider_manager', 'inspector'];

export const riskNotFound = () => notFound('source', '污染源');

export function assertMayRead(actor: Actor): void {
  if (!RISK_READ_ROLES.includes(actor.role)) throw new AppError(403, 'forbidden', '风险分级仅供监管和服务人员查看', 'Risk grades are for regulators and providers only');
}

/** The source when it is in the actor's jurisdiction; 404 otherwise. */
export async function sourceInJurisdiction(db: Kysely<DB>, actor: Actor, id: string): Promise<{ id: string; name: string }> {
  const row = await db.selectFrom('sources').select(['sources.id', 'sources.name']).where('sources.id', '=', id).where(sourceInScope(actor)).executeTakeFirst();
  if (!row) throw riskNotFound();
  return row;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function sourceRisk(db: Kysely<DB>, actor: Actor, id: string): Promise<SourceRisk> {
  await sourceInJurisdiction(db, actor, id);
  assertMayRead(actor);
  const today = todayInShanghai();
  const [grades, overrides, attributes] = await Promise.all([
    db.selectFrom('risk_grades').innerJoin('risk_rule_sets', 'risk_rule_sets.id', 'risk_grades.rule_set_id')
      .selectAll('risk_grades').select('risk_rule_sets.version as rule_version').where('risk_grades.source_id', '=', id).orderBy('risk_grades.period', 'desc').execute(),
    db.selectFrom('risk_overrides').leftJoin('users', 'users.id', 'risk_overrides.created_by').selectAll('risk_overrides').select('users.display_name')
      .where('risk_overrides.source_id', '=', id).orderBy('risk_overrides.created_at', 'desc').execute(),
    db.selectFrom('source_risk_attributes').selectAll().where('source_id', '=', id).executeTakeFirst(),
  ]);
  const current = grades[0];
  const active = overrides.filter((o) => o.revoked_at === null && o.expires_on >= today);
  const computed = current ? { composite: current.composite, envColor: current.env_color, mgmtGrade: current.mgmt_grade, socialGrade: current.social_grade } : null;
  const overrideOf = (output: string) => active.find((o) => o.output === output)?.value;
  const explanation = current ? ((typeof current.explanation === 'string' ? JSON.parse(current.explanation) : current.explanation) as RiskResult) : null;
  return {
    sourceId: id,
    period: current?.period ?? null,
    computedAt: current ? iso(current.computed_at) : null,
    ruleSetVersion: current?.rule_version ?? null,
    computed: computed as SourceRisk['computed'],
    effective: computed
      ? ({
          composite: overrideOf('composite') ?? computed.composite, envColor: overrideOf('env_color') ?? computed.envColor,
          mgmtGrade: overrideOf('mgmt_grade') ?? computed.mgmtGrade, socialGrade: overrideOf('social_grade') ?? computed.socialGrade,
        } as SourceRisk['effective'])
      : null,
    media: current ? ({ water: current.water, air: current.air, noise: current.noise, hazardous_waste: current.hazardous_waste } as SourceRisk['media']) : null,
    points: current ? Number(current.points) : null,
    minVisits: current?.min_visits ?? null,
    explanation: explanation as SourceRisk['explanation'],
    history: [...grades].reverse().map((g) => ({
      period: g.period, composite: g.composite, envColor: g.env_color, mgmtGrade: g.mgmt_grade, socialGrade: g.social_grade, points: Number(g.points), ruleSetVersion: g.rule_version,
    })),
    overrides: overrides.map((o) => ({
      id: o.id, output: o.output, value: o.value, reason: o.reason, expiresOn: o.expires_on, createdBy: o.display_name ?? null, createdAt: iso(o.created_at)!,
      revokedAt: iso(o.revoked_at), active: o.revoked_at === null && o.expires_on >= today,
    })),
    attributes: { sensitiveNearby: attributes?.sensitive_nearby ?? false, note: attributes?.note ?? null, version: attributes?.version ?? 0 },
    canOverride: OVERRIDE_ROLES.includes(actor.role),
    canRecompute: OVERRIDE_ROLES.includes(actor.role),
  };
}

async function periodsOf(db: Kysely<DB>): Promise<string[]> {
  return (await db.selectFrom('risk_grades').select('period').distinct().orderBy('period', 'desc').execute()).map((r) => r.period);
}

export async function distribution(db: Kysely<DB>, actor: Actor, requested?: string): Promise<Distribution> {
  assertMayRead(actor);
  const periods = await periodsOf(db);
  const period = requested ?? periods[0] ?? quarterOf(todayInShanghai());
  const base = () => db.selectFrom('risk_grades').innerJoin('sources', 'sources.id', 'risk_grades.source_id').where('risk_grades.period', '=', period).where(sourceInScope(actor));
  const count = async (column: 'composite' | 'env_color' | 'mgmt_grade' | 'social_grade') =>
    Object.fromEntries((await base().select([`risk_grades.${column} as v`, (eb) => eb.fn.countAll<number>().as('n')]).groupBy(`risk_grades.${column}`).execute()).map((r) => [r.v, Number(r.n)]));
  const [composite, envColor, mgmtGrade, socialGrade, towns, overridden] = await Promise.all([
    count('composite'), count('env_color'), count('mgmt_grade'), count('social_grade'),
    base().innerJoin('regions', 'regions.id', 'sources.town_id')
      .select(['sources.town_id', 'regions.name', 'regions.sort_order', 'risk_grades.composite', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['sources.town_id', 'regions.name', 'regions.sort_order', 'risk_grades.composite']).orderBy('regions.sort_order').execute(),
    db.selectFrom('risk_overrides').innerJoin('sources', 'sources.id', 'risk_overrides.source_id').select((eb) => eb.fn.count<number>('risk_overrides.source_id').distinct().as('n'))
      .where('risk_overrides.revoked_at', 'is', null).where('risk_overrides.expires_on', '>=', todayInShanghai()).where(sourceInScope(actor)).executeTakeFirstOrThrow(),
  ]);
  const byTown = new Map<string, Distribution['byTown'][number]>();
  for (const r of towns) {
    const t = byTown.get(r.town_id) ?? { townId: r.town_id, townName: r.name, total: 0, composite: {} };
    t.composite[r.composite] = Number(r.n);
    t.total += Number(r.n);
    byTown.set(r.town_id, t);
  }
  const total = Object.values(composite).reduce((n, v) => n + v, 0);
  return { period, periods, total, composite, envColor, mgmtGrade, socialGrade, byTown: [...byTown.values()], overridden: Number(overridden.n) };
}

export async function movers(db: Kysely<DB>, actor: Actor, requested?: string): Promise<Movers> {
  assertMayRead(actor);
  const period = requested ?? (await periodsOf(db))[0] ?? quarterOf(todayInShanghai());
  const previous = previousQuarter(period);
  const rows = await db
    .selectFrom('risk_grades as now')
    .innerJoin('risk_grades as before', (j) => j.onRef('before.source_id', '=', 'now.source_id').on('before.period', '=', previous))
    .innerJoin('sources', 'sources.id', 'now.source_id')
    .innerJoin('regions', 'regions.id', 'sources.town_id')
    .select(['now.source_id', 'sources.name', 'regions.name as town', 'now.composite as to', 'before.composite as from', 'now.points as pto', 'before.points as pfrom', 'now.explanation as enow', 'before.explanation as ebefore'])
    .where('now.period', '=', period)
    .where(sql<boolean>`now.composite <> before.composite`)
    .where(sourceInScope(actor))
    .orderBy(sql`abs(now.points - before.points)`, 'desc')
    .limit(500)
    .execute();
  const parse = (e: unknown) => (typeof e === 'string' ? JSON.parse(e) : e) as RiskResult;
  const items = rows.map((r) => {
    const now = parse(r.enow).composite.contributions;
    const before = new Map(parse(r.ebefore).composite.contributions.map((c) => [c.factor, c]));
    const factors = new Set([...now.map((c) => c.factor), ...before.keys()]);
    const reasons = [...factors].map((f) => {
      const a = now.find((c) => c.factor === f);
      const b = before.get(f);
      return { label: (a ?? b)!.label, delta: Math.round(((a?.points ?? 0) - (b?.points ?? 0)) * 10) / 10 };
    }).filter((x) => x.delta !== 0).sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta)).slice(0, 3);
    return { sourceId: r.source_id, sourceName: r.name, townName: r.town, from: r.from, to: r.to, pointsFrom: Number(r.pfrom), pointsTo: Number(r.pto), reasons };
  });
  return {
    period, previous,
    up: items.filter((i) => compositeMove(i.from as CompositeLevel, i.to as CompositeLevel) > 0).length,
    down: items.filter((i) => compositeMove(i.from as CompositeLevel, i.to as CompositeLevel) < 0).length,
    items,
  };
}

/** The latest quarter's grades of the sources in the actor's jurisdiction, active overrides applied (the map's colours). */
export async function riskMap(db: Kysely<DB>, actor: Actor): Promise<RiskMap> {
  assertMayRead(actor);
  const period = (await periodsOf(db))[0] ?? null;
  if (!period) return { period, items: [] };
  const today = todayInShanghai();
  const override = (output: string) =>
    sql<string | null>`(select o.value from risk_overrides o where o.source_id = risk_grades.source_id and o.output = ${output} and o.revoked_at is null and o.expires_on >= ${today} order by o.created_at desc limit 1)`;
  const rows = await db
    .selectFrom('risk_grades')
    .innerJoin('sources', 'sources.id', 'risk_grades.source_id')
    .select(['risk_grades.source_id', 'risk_grades.composite', 'risk_grades.env_color', override('composite').as('oc'), override('env_color').as('oe')])
    .where('risk_grades.period', '=', period)
    .where(sourceInScope(actor))
    .execute();
  return {
    period,
    items: rows.map((r) => ({ sourceId: r.source_id, composite: (r.oc ?? r.composite) as RiskMap['items'][number]['composite'], envColor: (r.oe ?? r.env_color) as RiskMap['items'][number]['envColor'] })),
  };
}

/** The latest quarter's minimum visits and points of the given sources (the plan generator's input); the caller has scoped them. */
export async function gradesForPlanning(db: Kysely<DB>, sourceIds: readonly string[]): Promise<Map<string, { minVisits: number; points: number; composite: string }>> {
  const out = new Map<string, { minVisits: number; points: number; composite: string }>();
  const period = (await periodsOf(db))[0];
  if (!period || sourceIds.length === 0) return out;
  for (let i = 0; i < sourceIds.length; i += 1000) {
    const rows = await db.selectFrom('risk_grades').select(['source_id', 'min_visits', 'points', 'composite'])
      .where('period', '=', period).where('source_id', 'in', sourceIds.slice(i, i + 1000)).execute();
    for (const r of rows) out.set(r.source_id, { minVisits: r.min_visits, points: Number(r.points), composite: r.composite });
  }
  return out;
}
