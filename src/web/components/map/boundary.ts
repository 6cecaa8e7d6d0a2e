/**
 * The district boundaries (data/geo/shanghai-districts.geojson, 128 KB) ship as a separate static
 * asset of the web build: fetched once, only by the map, and cached by the browser. No tile server.
 */
import geoUrl from '../../../../data/geo/shanghai-districts.geojson?url';
import type { ClientConfig } from '../../../common/contracts/auth';

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

let config: Promise<ClientConfig> | null = null;

/** The server's MAP_TILE_URL (an optional tile layer, e.g. an intranet tile server), read once per page load. */
export function loadClientConfig(): Promise<ClientConfig> {
  if (!config) {
    config = fetch('/api/client-config')
      .then((r) => (r.ok ? (r.json() as Promise<ClientConfig>) : { mapTileUrl: null, mapTileAttribution: '' }))
      .catch(() => ({ mapTileUrl: null, mapTileAttribution: '' }));
  }
  return config;
}
