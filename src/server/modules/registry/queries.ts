import type { Kysely } from 'kysely';
import type { Overview } from '../../../common/contracts/overview';
import type { DB } from '../../db/schema';
import { scopeOf, sourceInScope, type Actor } from '../../db/scope';
import { sourceWithPlaces } from './dossier';

/** The short summary of one source in the actor's jurisdiction (GET /api/sources/:id); 404 outside it. */
export async function getSource(db: Kysely<DB>, actor: Actor, id: string) {
  const r = await sourceWithPlaces(db, actor, id);
  return {
    id: r.id,
    name: r.name,
    uscc: r.uscc,
    sourceType: r.source_type,
    industryCode: r.industry_code,
    permitClass: r.permit_class,
    townName: r.town_name,
    gridName: r.grid_name,
    address: r.address,
  };
}

/** Home-page counts, for the actor's scope only: by town (or park), by type, by permit class. */
export async function overview(db: Kysely<DB>, actor: Actor): Promise<Overview> {
  const base = db.selectFrom('sources').where(sourceInScope(actor));
  const byTown = await base
    .innerJoin('regions as town', 'town.id', 'sources.town_id')
    .select(['town.id as region_id', 'town.name', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(['town.id', 'town.name'])
    .orderBy('town.id')
    .execute();
  const byType = await base.select(['source_type', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('source_type').orderBy('source_type').execute();
  const byPermit = await base.select(['permit_class', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('permit_class').orderBy('permit_class').execute();
  return {
    scopeName: await scopeName(db, actor),
    totalSources: byType.reduce((sum, r) => sum + Number(r.count), 0),
    byTown: byTown.map((r) => ({ regionId: r.region_id, name: r.name, count: Number(r.count) })),
    byType: byType.map((r) => ({ sourceType: r.source_type, count: Number(r.count) })),
    byPermitClass: byPermit.map((r) => ({ permitClass: r.permit_class, count: Number(r.count) })),
  };
}

/** A human name for the actor's jurisdiction: the region, the provider, or the enterprise. */
export async function scopeName(db: Kysely<DB>, actor: Actor): Promise<string> {
  const scope = scopeOf(actor);
  switch (scope.kind) {
    case 'region':
      return (await db.selectFrom('regions').select('name').where('id', '=', actor.regionId!).executeTakeFirst())?.name ?? '';
    case 'provider':
      return (await db.selectFrom('providers').select('name').where('id', '=', scope.providerId).executeTakeFirst())?.name ?? '';
    case 'source':
      return (await db.selectFrom('sources').select('name').where('id', '=', scope.sourceId).executeTakeFirst())?.name ?? '';
    case 'all': {
      const roots = await db.selectFrom('regions').select('name').where('parent_id', 'is', null).orderBy('id').execute();
      return roots.map((r) => r.name).join('、');
    }
    default:
      return '';
  }
}
