/** Builds the region tree of one district (district → towns → villages; parks → plots) from data/. */
import type { Insertable } from 'kysely';
import type { RegionsTable } from '../schema';
import { districtBoundary, type DistrictData, type DistrictFeature } from './data';
import { boundsOf, contains, randomInterior, type Point } from './geo';
import { MINHANG, MINHANG_PARKS, MINHANG_TOWNS } from './minhang';
import type { Rng } from './random';

export type RegionRow = Insertable<RegionsTable>;

export interface GridPlan {
  id: string;
  name: string;
  kind: 'village' | 'community';
  path: string;
}

export interface TownPlan {
  id: string;
  name: string;
  kind: string;
  path: string;
  centre: Point;
  roads: readonly string[] | null;
  grids: GridPlan[];
}

export interface ParkPlan {
  id: string;
  name: string;
  path: string;
  town: TownPlan;
  centre: Point;
  roads: readonly string[];
  weight: number;
}

export interface DistrictPlan {
  code: string;
  name: string;
  path: string;
  boundary: DistrictFeature;
  /** Scatter of sources around a town centre, in degrees. */
  spread: number;
  towns: TownPlan[];
  parks: ParkPlan[];
  rows: RegionRow[];
}

/** 镇/乡 → town, 街道 → street; the NBS list also has zones (工业区, 农场, 开发区) at this level. */
function townKind(name: string): string {
  if (name.endsWith('街道')) return 'street';
  if (name.endsWith('镇') || name.endsWith('乡')) return 'town';
  return 'zone';
}

/** 村委会 → village; 居委会, 社区 and the few 生活区 → community. */
function gridKind(name: string): 'village' | 'community' {
  return name.endsWith('村委会') ? 'village' : 'community';
}

export function planDistrict(district: DistrictData, rng: Rng): DistrictPlan {
  const boundary = districtBoundary(district.code);
  const bounds = boundsOf(boundary);
  const path = `/${district.code}/`;
  const rows: RegionRow[] = [{ id: district.code, parent_id: null, level: 'district', kind: 'district', name: district.name, path, sort_order: 0 }];
  const isMinhang = district.code === MINHANG;
  const span = Math.min(bounds.maxLon - bounds.minLon, bounds.maxLat - bounds.minLat);
  const spread = isMinhang ? 0.011 : Math.min(0.015, Math.max(0.003, span * 0.06));

  const towns = district.towns.map((t, index): TownPlan => {
    const townPath = `${path}${t.code}/`;
    const kind = townKind(t.name);
    rows.push({ id: t.code, parent_id: district.code, level: 'town', kind, name: t.name, path: townPath, sort_order: index + 1 });
    const geo = isMinhang ? MINHANG_TOWNS[t.code] : undefined;
    if (isMinhang && !geo) throw new Error(`no centre for 闵行 town ${t.code} ${t.name}`);
    // Outside 闵行 there are no hand-made centres: a random interior point stands in for the town.
    const centre = geo ? geo.centre : randomInterior(rng, boundary, bounds);
    if (!contains(boundary, centre)) throw new Error(`centre of ${t.name} is outside ${district.name}`);
    const grids = t.villages.map((v, k): GridPlan => {
      const grid: GridPlan = { id: v.code, name: v.name, kind: gridKind(v.name), path: `${townPath}${v.code}/` };
      rows.push({ id: v.code, parent_id: t.code, level: 'grid', kind: grid.kind, name: v.name, path: grid.path, sort_order: k + 1 });
      return grid;
    });
    return { id: t.code, name: t.name, kind, path: townPath, centre, roads: geo?.roads ?? null, grids };
  });

  const parks = isMinhang
    ? MINHANG_PARKS.map((p, index): ParkPlan => {
        const parkPath = `${path}${p.id}/`;
        const town = towns.find((t) => t.id === p.townId);
        if (!town) throw new Error(`park ${p.name} refers to unknown town ${p.townId}`);
        if (!contains(boundary, p.centre)) throw new Error(`centre of ${p.name} is outside ${district.name}`);
        rows.push({ id: p.id, parent_id: district.code, level: 'park', kind: 'park', name: p.name, path: parkPath, sort_order: towns.length + index + 1 });
        p.plots.forEach((plot, k) => {
          const id = `${p.id}G${String(k + 1).padStart(2, '0')}`;
          rows.push({ id, parent_id: p.id, level: 'grid', kind: 'plot', name: plot, path: `${parkPath}${id}/`, sort_order: k + 1 });
        });
        return { id: p.id, name: p.name, path: parkPath, town, centre: p.centre, roads: p.roads, weight: p.weight };
      })
    : [];

  return { code: district.code, name: district.name, path, boundary, spread, towns, parks, rows };
}
