/** What validating a ledger needs from the database and the reference data, loaded once per validation. */
import type { Kysely } from 'kysely';
import { LEDGER_CREATE_ROLES } from '../../../../common/contracts/ledgers';
import type { DB, Source } from '../../../db/schema';
import { regionVisible, scopeOf, sourceInScope, type Actor } from '../../../db/scope';
import { insideDistrict } from '../../../geo/districts';
import { industryByCode, industryClass } from '../index';
import { Places, type Place } from './places';
import { SimilarNames } from './similar';
import type { IndustryLookup } from './values';

export interface ExistingSource extends Source {
  inScope: boolean;
}

export interface NearbySource {
  id: string;
  name: string;
  uscc: string;
}

export interface LedgerContext {
  canCreate: boolean;
  industries: IndustryLookup;
  places: Places;
  /** Regions the actor's own jurisdiction covers: a new source must sit in one (grid or park). */
  visible: Set<string>;
  /** The districts names are resolved in (first path segments). */
  districts: string[];
  existing: Map<string, ExistingSource>;
  names: SimilarNames<NearbySource>;
  insideDistrict(district: string, lon: number, lat: number): boolean;
}

const USCC_CHUNK = 1000;

const industries: IndustryLookup = {
  isClass: (code) => industryClass(code) !== undefined,
  nameOf: (code) => industryByCode(code)?.name,
};

/** The regions of the actor's district(s): where a town, park or grid named in the file is looked up. */
export async function loadPlaces(db: Kysely<DB>, actor: Actor): Promise<{ places: Place[]; visible: Set<string>; districts: string[] }> {
  const visibleRows = await db.selectFrom('regions').select(['id', 'path']).where(regionVisible(actor)).execute();
  const visible = new Set(visibleRows.map((r) => r.id));
  const scope = scopeOf(actor);
  const districts =
    scope.kind === 'all'
      ? (await db.selectFrom('regions').select('id').where('parent_id', 'is', null).execute()).map((r) => r.id)
      : [...new Set(visibleRows.map((r) => r.path.split('/')[1]))];
  if (districts.length === 0) return { places: [], visible, districts };
  const rows = await db
    .selectFrom('regions')
    .select(['id', 'parent_id', 'level', 'name', 'path'])
    .where((eb) => eb.or(districts.map((d) => eb('path', 'like', `/${d}/%`))))
    .execute();
  return { places: rows.map((r) => ({ id: r.id, parentId: r.parent_id, level: r.level, name: r.name, path: r.path })), visible, districts };
}

/** Stored sources with the file's USCCs, each marked whether it lies in the actor's jurisdiction. */
async function loadExisting(db: Kysely<DB>, actor: Actor, usccs: string[]): Promise<Map<string, ExistingSource>> {
  const out = new Map<string, ExistingSource>();
  for (let i = 0; i < usccs.length; i += USCC_CHUNK) {
    const chunk = usccs.slice(i, i + USCC_CHUNK);
    const rows = await db.selectFrom('sources').selectAll().where('uscc', 'in', chunk).execute();
    if (rows.length === 0) continue;
    const inScope = new Set(
      (await db.selectFrom('sources').select('id').where('id', 'in', rows.map((r) => r.id)).where(sourceInScope(actor)).execute()).map((r) => r.id),
    );
    for (const row of rows) out.set(row.uscc, { ...row, inScope: inScope.has(row.id) });
  }
  return out;
}

export async function loadContext(db: Kysely<DB>, actor: Actor, usccs: string[]): Promise<LedgerContext> {
  const { places, visible, districts } = await loadPlaces(db, actor);
  const existing = await loadExisting(db, actor, [...new Set(usccs)]);
  const names = new SimilarNames<NearbySource>();
  const inScope = await db.selectFrom('sources').select(['id', 'name', 'uscc']).where(sourceInScope(actor)).execute();
  for (const s of inScope) names.add(s.name, s);
  return {
    canCreate: LEDGER_CREATE_ROLES.includes(actor.role),
    industries,
    places: new Places(places),
    visible,
    districts,
    existing,
    names,
    // A district without a shipped boundary cannot be checked; its points are taken as given.
    insideDistrict: (district, lon, lat) => insideDistrict(district, lon, lat) ?? true,
  };
}
