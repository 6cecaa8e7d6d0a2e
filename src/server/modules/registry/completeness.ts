/** 一企一表 completeness: the facts of each source established in SQL, judged by src/common/completeness.ts. */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { CompletenessByTown } from '../../../common/contracts/dossier';
import { COMPLETENESS_ITEMS, evaluateCompleteness, type CompletenessFacts, type CompletenessKey, type CompletenessResult } from '../../../common/completeness';
import type { PermitClass, SourceType } from '../../../common/enums';
import type { DB } from '../../db/schema';
import { sourceInScope, type Actor } from '../../db/scope';
import { todayInShanghai } from '../../../common/compliance-calendar';

type Eb = ExpressionBuilder<DB, 'sources'>;

const has = (eb: Eb, table: keyof DB & string, where: (inner: ExpressionBuilder<any, any>) => Expression<SqlBool> = () => sql<SqlBool>`true`) =>
  eb.exists(eb.selectFrom(`${table} as f` as 'permits').select(sql`1`.as('one')).whereRef('f.source_id' as 'permits.source_id', '=', 'sources.id').where(where));

/** One boolean column per fact; EXISTS probes the per-table source_id indexes. */
function factColumns(eb: Eb, today: string) {
  return [
    eb.and([
      eb('sources.legal_representative', 'is not', null),
      eb('sources.longitude', 'is not', null),
      eb('sources.scale', 'is not', null),
      eb('sources.employees', 'is not', null),
    ]).as('basics'),
    eb.or([
      eb.and([eb('sources.env_director_name', 'is not', null), eb('sources.env_director_phone', 'is not', null)]),
      has(eb, 'source_contacts', (i) => i('f.role', '=', 'env_director')),
    ]).as('env_director'),
    has(eb, 'source_contacts').as('contacts'),
    has(eb, 'eia_approvals').as('eia_approvals'),
    has(eb, 'completion_acceptances').as('acceptances'),
    has(eb, 'permits', (i) => i.and([i('f.status', '=', 'valid'), i('f.valid_until', '>=', today)])).as('valid_permit'),
    has(eb, 'outlets', (i) => i('f.kind', 'in', ['gas', 'water'])).as('outlets'),
    has(eb, 'outlets', (i) =>
      i.and([
        i('f.kind', 'in', ['gas', 'water']),
        i.not(i.exists(i.selectFrom('outlet_limits as l').select(sql`1`.as('one')).whereRef('l.outlet_id', '=', 'f.id'))),
      ]),
    ).as('outlet_without_limits'),
    has(eb, 'treatment_facilities', (i) => i('f.status', '<>', 'removed')).as('facilities'),
    has(eb, 'treatment_facilities', (i) => i.and([i('f.status', '<>', 'removed'), i('f.kind', '=', 'cooking_fume')])).as('fume_purifier'),
    has(eb, 'treatment_facilities', (i) => i.and([i('f.status', '<>', 'removed'), i('f.kind', '=', 'dust')])).as('dust_control'),
    has(eb, 'hazardous_wastes').as('hazardous_wastes'),
    has(eb, 'emergency_plans').as('emergency_plan'),
  ];
}

interface FactRow {
  id: string;
  source_type: SourceType;
  permit_class: PermitClass;
  town_id: string;
  park_id: string | null;
  basics: boolean;
  env_director: boolean;
  contacts: boolean;
  eia_approvals: boolean;
  acceptances: boolean;
  valid_permit: boolean;
  outlets: boolean;
  outlet_without_limits: boolean;
  facilities: boolean;
  fume_purifier: boolean;
  dust_control: boolean;
  hazardous_wastes: boolean;
  emergency_plan: boolean;
}

function toFacts(r: FactRow): CompletenessFacts {
  return {
    basics: r.basics,
    envDirector: r.env_director,
    contacts: r.contacts,
    eiaApprovals: r.eia_approvals,
    acceptances: r.acceptances,
    validPermit: r.valid_permit,
    outlets: r.outlets,
    outletWithoutLimits: r.outlet_without_limits,
    facilities: r.facilities,
    fumePurifier: r.fume_purifier,
    dustControl: r.dust_control,
    hazardousWastes: r.hazardous_wastes,
    emergencyPlan: r.emergency_plan,
  };
}

function factsQuery(db: Kysely<DB>) {
  const today = todayInShanghai();
  return db
    .selectFrom('sources')
    .select(['sources.id', 'sources.source_type', 'sources.permit_class', 'sources.town_id', 'sources.park_id'])
    .select((eb) => factColumns(eb, today));
}

/** Completeness of the given sources (already known to be in scope), by id. */
export async function completenessOf(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, CompletenessResult>> {
  if (ids.length === 0) return new Map();
  const rows = (await factsQuery(db).where('sources.id', 'in', ids).execute()) as FactRow[];
  return new Map(rows.map((r) => [r.id, evaluateCompleteness(r.source_type, r.permit_class, toFacts(r))]));
}

interface Tally {
  regionId: string;
  level: 'town' | 'park';
  sources: number;
  complete: number;
  missing: Map<CompletenessKey, number>;
}

const rate = (complete: number, sources: number) => (sources === 0 ? 0 : Math.round((complete * 1000) / sources) / 10);

/** 一企一表 建立率 per town and per park in the actor's jurisdiction (a park's sources count for their town too). */
export async function completenessByTown(db: Kysely<DB>, actor: Actor): Promise<CompletenessByTown> {
  const rows = (await factsQuery(db).where(sourceInScope(actor)).execute()) as FactRow[];
  const tallies = new Map<string, Tally>();
  const tally = (regionId: string, level: 'town' | 'park') => {
    let t = tallies.get(regionId);
    if (!t) tallies.set(regionId, (t = { regionId, level, sources: 0, complete: 0, missing: new Map() }));
    return t;
  };
  let complete = 0;
  for (const r of rows) {
    const result = evaluateCompleteness(r.source_type, r.permit_class, toFacts(r));
    const done = result.missing.length === 0;
    if (done) complete++;
    for (const t of [tally(r.town_id, 'town'), ...(r.park_id ? [tally(r.park_id, 'park')] : [])]) {
      t.sources++;
      if (done) t.complete++;
      for (const m of result.missing) t.missing.set(m.key, (t.missing.get(m.key) ?? 0) + 1);
    }
  }
  const ids = [...tallies.keys()];
  const regions = ids.length ? await db.selectFrom('regions').select(['id', 'name', 'sort_order']).where('id', 'in', ids).execute() : [];
  const byId = new Map(regions.map((r) => [r.id, r]));
  const out = [...tallies.values()]
    .sort((a, b) => (a.level === b.level ? (byId.get(a.regionId)?.sort_order ?? 0) - (byId.get(b.regionId)?.sort_order ?? 0) : a.level === 'town' ? -1 : 1))
    .map((t) => ({
      regionId: t.regionId,
      name: byId.get(t.regionId)?.name ?? t.regionId,
      level: t.level,
      sources: t.sources,
      complete: t.complete,
      rate: rate(t.complete, t.sources),
      topMissing: [...t.missing.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 5)
        .map(([key, count]) => ({ key, ...COMPLETENESS_ITEMS[key], count })),
    }));
  return { rows: out, total: { sources: rows.length, complete, rate: rate(complete, rows.length) } };
}
