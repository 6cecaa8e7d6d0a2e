/** Point-in-polygon and interior sampling over the district boundaries (WGS-84 degrees, [lon, lat]). */
import type { DistrictFeature, PolygonCoords, Ring } from './data';
import type { Rng } from './random';

export type Point = [number, number];

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

/** A uniformly random point inside the feature (rejection sampling in its bounding box). */
export function randomInterior(rng: Rng, feature: DistrictFeature, bounds = boundsOf(feature)): Point {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const point: Point = [
      bounds.minLon + rng.next() * (bounds.maxLon - bounds.minLon),
      bounds.minLat + rng.next() * (bounds.maxLat - bounds.minLat),
    ];
    if (contains(feature, point)) return point;
  }
  throw new Error(`could not sample a point inside ${feature.properties.name}`);
}

/** Rounds to 6 decimals (~0.1 m), the precision a surveyed address would carry. */
function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * A point scattered around `centre` (normal jitter of `sd` degrees), re-drawn until it lies inside
 * the feature; the centre itself is the fallback and must be inside.
 */
export function scatterInside(rng: Rng, feature: DistrictFeature, centre: Point, sd: number): Point {
  for (let attempt = 0; attempt < 200; attempt++) {
    // A degree of longitude at 31°N is ~0.86 of a degree of latitude: scale so the scatter is round.
    const point: Point = [round6(rng.gaussian(centre[0], sd)), round6(rng.gaussian(centre[1], sd * 0.85))];
    if (contains(feature, point)) return point;
  }
  const fallback: Point = [round6(centre[0]), round6(centre[1])];
  if (!contains(feature, fallback)) throw new Error(`centre ${centre.join(',')} is outside ${feature.properties.name}`);
  return fallback;
}
