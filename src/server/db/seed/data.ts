/** Loads the reference data the product ships in data/ (built by scripts/build-data.js). */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DistrictFeature } from '../../geo/polygon';

export type { DistrictFeature, PolygonCoords, Ring } from '../../geo/polygon';

export interface VillageData {
  code: string;
  name: string;
}
export interface TownData {
  code: string;
  name: string;
  villages: VillageData[];
}
export interface DistrictData {
  code: string;
  name: string;
  towns: TownData[];
}

export interface IndustryRow {
  level: 1 | 2 | 3 | 4;
  code: string;
  name: string;
}

export interface PermitRow {
  no: number;
  industry_codes: string[];
  key: string;
  simplified: string;
  registration: string;
}

/** src/server/db/seed → repository root → data/ */
export const DATA_DIR = fileURLToPath(new URL('../../../../data/', import.meta.url));

function readJson<T>(relative: string): T {
  return JSON.parse(fs.readFileSync(DATA_DIR + relative, 'utf8')) as T;
}

let cache:
  | {
      districts: DistrictData[];
      industry: IndustryRow[];
      permitRows: PermitRow[];
      boundaries: DistrictFeature[];
    }
  | undefined;

export function referenceData() {
  cache ??= {
    districts: readJson<DistrictData[]>('regions/shanghai.json'),
    industry: readJson<IndustryRow[]>('industry/gbt4754-2017.json'),
    permitRows: readJson<{ rows: PermitRow[] }>('permit/pwxk_catalog_2019.json').rows,
    boundaries: readJson<{ features: DistrictFeature[] }>('geo/shanghai-districts.geojson').features,
  };
  return cache;
}

/** The GB/T 4754-2017 小类 (4-digit classes) by code. */
export function industryClasses(): Map<string, string> {
  return new Map(referenceData().industry.filter((r) => r.level === 4).map((r) => [r.code, r.name]));
}

export function districtBoundary(code: string): DistrictFeature {
  const feature = referenceData().boundaries.find((f) => f.properties.adcode === code);
  if (!feature) throw new Error(`no boundary for district ${code} in data/geo`);
  return feature;
}
