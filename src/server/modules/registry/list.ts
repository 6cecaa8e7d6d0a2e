/** The sources list (污染源列表) with its filters, sort and the completeness of each row shown. */
import type { Kysely } from 'kysely';
import type { SourceList, SourceListQuery } from '../../../common/contracts/dossier';
import type { DB } from '../../db/schema';
import { sourceInScope, type Actor } from '../../db/scope';
import { completenessOf } from './completeness';
import { sourcePlaceFields, withPlaceNames } from './places';
import { divisionsOfSection } from './reference/catalogues';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The scoped, filtered sources; `filter` is the list's query without sort and paging. */
export function filteredSources(db: Kysely<DB>, actor: Actor, filter: Omit<SourceListQuery, 'sort' | 'page' | 'pageSize'>) {
  let q = db.selectFrom('sources').where(sourceInScope(actor));
  if (filter.q) {
    const like = `%${escapeLike(filter.q)}%`;
    // A USCC holds only digits and capitals: look at the code only when the words could be one.
    const usccLike = /^[0-9A-Za-z]+$/.test(filter.q) ? [`${escapeLike(filter.q.toUpperCase())}%`] : [];
    q = q.where((eb) => eb.or([eb('sources.name', 'like', like), eb('sources.address', 'like', like), ...usccLike.map((u) => eb('sources.uscc', 'like', u))]));
  }
  // A town or a park: the sources of the town, and the sources in the park.
  if (filter.townId) q = q.where((eb) => eb.or([eb('sources.town_id', '=', filter.townId!), eb('sources.park_id', '=', filter.townId!)]));
  if (filter.parkId) q = q.where('sources.park_id', '=', filter.parkId);
  if (filter.gridId) q = q.where('sources.grid_id', '=', filter.gridId);
  if (filter.sourceType) q = q.where('sources.source_type', '=', filter.sourceType);
  if (filter.permitClass) q = q.where('sources.permit_class', '=', filter.permitClass);
  if (filter.status) q = q.where('sources.lifecycle_status', '=', filter.status);
  if (filter.industryCode) {
    const code = filter.industryCode;
    if (/^[A-T]$/.test(code)) {
      const divisions = divisionsOfSection(code);
      q = divisions.length ? q.where((eb) => eb.or(divisions.map((d) => eb('sources.industry_code', 'like', `${d}%`)))) : q.where('sources.industry_code', '=', '');
    } else {
      q = q.where('sources.industry_code', 'like', `${code}%`);
    }
  }
  return q;
}

const SORT_COLUMNS = { name: 'sources.name', updatedAt: 'sources.updated_at', industryCode: 'sources.industry_code', employees: 'sources.employees' } as const;

export async function listSources(db: Kysely<DB>, actor: Actor, query: SourceListQuery): Promise<SourceList> {
  const filtered = filteredSources(db, actor, query);
  const desc = query.sort.startsWith('-');
  const column = SORT_COLUMNS[(desc ? query.sort.slice(1) : query.sort) as keyof typeof SORT_COLUMNS];
  const [{ total }, rows] = await Promise.all([
    filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    withPlaceNames(filtered)
      .select([
        'sources.id', 'sources.name', 'sources.uscc', 'sources.source_type', 'sources.industry_code', 'sources.permit_class',
        'sources.lifecycle_status', 'sources.town_id', 'sources.park_id',
        'sources.grid_id', 'sources.address', 'sources.longitude', 'sources.latitude', 'sources.employees', 'sources.updated_at',
      ])
      // Only employees may be null; the other sorts stay plain so their indexes serve both directions.
      .orderBy(column, (ob) => (column === 'sources.employees' ? (desc ? ob.desc() : ob.asc()).nullsLast() : desc ? ob.desc() : ob.asc()))
      // The tie-break follows the sort's direction, so one (column, id) index serves both directions.
      .orderBy('sources.id', desc ? 'desc' : 'asc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  const completeness = await completenessOf(db, rows.map((r) => r.id));
  return {
    total: Number(total),
    items: rows.map((r) => ({
      ...sourcePlaceFields(r),
      employees: r.employees,
      completenessPercent: completeness.get(r.id)?.percent ?? 0,
      updatedAt: r.updated_at.toISOString(),
    })),
  };
}
