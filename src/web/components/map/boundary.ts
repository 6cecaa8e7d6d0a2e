/**
 * The district boundaries (data/geo/shanghai-districts.geojson, 128 KB) ship as a separate static
 * asset of the web build: fetched once, only by the map, and cached by the browser. No tile server.
 */
import geoUrl from '../../../../data/geo/shanghai-districts.geojson?url';

export interface DistrictFeature {
  type: 'Feature';
  properties: { adcode?: string; name: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

let cached: Promise<DistrictFeature[]> | null = null;

export function loadDistricts(): Promise<DistrictFeature[]> {
  if (!cached) {
    cached = fetch(geoUrl)
      .then((r) => {
        if (!r.ok) throw new Error(`GeoJSON ${r.status}`);
        return r.json() as Promise<{ features: DistrictFeature[] }>;
      })
      .then((fc) => fc.features);
    cached.catch(() => (cached = null));
  }
  return cached;
}

/** Districts are the first 6 digits of a region code (GB/T 2260): 310112114 → 310112. */
export const districtOf = (regionId: string) => regionId.slice(0, 6);

/** An optional tile layer: VITE_TILE_URL at build time, e.g. https://tiles.example.gov.cn/{z}/{x}/{y}.png. */
export const TILE_URL: string | undefined = import.meta.env.VITE_TILE_URL || undefined;
export const TILE_ATTRIBUTION: string = import.meta.env.VITE_TILE_ATTRIBUTION || '';
