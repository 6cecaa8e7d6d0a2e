/** The names of a source's town, grid and park, joined once and mapped once for the list and the dossier. */
import type { SelectQueryBuilder } from 'kysely';
import type { PermitClass, SourceType } from '../../../common/enums';
import type { DB } from '../../db/schema';
import { industryClass } from './reference/catalogues';

/** Adds `town_name`, `grid_name` and `park_name` (null outside a park) to a query over `sources`. */
export function withPlaceNames<O>(q: SelectQueryBuilder<DB, 'sources', O>) {
  return q
    .innerJoin('regions as town', 'town.id', 'sources.town_id')
    .innerJoin('regions as grid', 'grid.id', 'sources.grid_id')
    .leftJoin('regions as park', 'park.id', 'sources.park_id')
    .select(['town.name as town_name', 'grid.name as grid_name', 'park.name as park_name']);
}

interface PlacedSourceRow {
  id: string;
  name: string;
  uscc: string;
  source_type: SourceType;
  industry_code: string;
  permit_class: PermitClass;
  lifecycle_status: string;
  town_id: string;
  town_name: string;
  park_id: string | null;
  park_name: string | null;
  grid_id: string;
  grid_name: string;
  address: string;
  longitude: number | null;
  latitude: number | null;
}

/** The fields the sources list and the dossier's basic data share. */
export function sourcePlaceFields(r: PlacedSourceRow) {
  return {
    id: r.id,
    name: r.name,
    uscc: r.uscc,
    sourceType: r.source_type,
    industryCode: r.industry_code,
    industryName: industryClass(r.industry_code)?.name ?? null,
    permitClass: r.permit_class,
    lifecycleStatus: r.lifecycle_status,
    townId: r.town_id,
    townName: r.town_name,
    parkId: r.park_id,
    parkName: r.park_name,
    gridId: r.grid_id,
    gridName: r.grid_name,
    address: r.address,
    longitude: r.longitude,
    latitude: r.latitude,
  };
}
