/** Point-in-polygon over GeoJSON district boundaries (WGS-84 degrees, [lon, lat]). */

export type Point = [number, number];
export type Ring = Array<[number, number]>;
export type PolygonCoords = Ring[];
export interface DistrictFeature {
  type: 'Feature';
  properties: { adcode: string | null; name: string };
  geometry: { type: 'Polygon'; coordinates: PolygonCoords } | { type: 'MultiPolygon'; coordinates: PolygonCoords[] };
}

export interface Bounds {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** Even-odd ray casting on one ring. */
function inRing(point: Point, ring: Ring): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(point: Point, polygon: PolygonCoords): boolean {
  if (!inRing(point, polygon[0])) return false;
  for (let k = 1; k < polygon.length; k++) if (inRing(point, polygon[k])) return false; // a hole
  return true;
}

function polygonsOf(feature: DistrictFeature): PolygonCoords[] {
  return feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
}

export function contains(feature: DistrictFeature, point: Point): boolean {
  return polygonsOf(feature).some((polygon) => inPolygon(point, polygon));
}

export function boundsOf(feature: DistrictFeature): Bounds {
  const b = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const polygon of polygonsOf(feature)) {
    for (const [lon, lat] of polygon[0]) {
      b.minLon = Math.min(b.minLon, lon);
      b.maxLon = Math.max(b.maxLon, lon);
      b.minLat = Math.min(b.minLat, lat);
      b.maxLat = Math.max(b.maxLat, lat);
    }
  }
  return b;
}
