/** Interior sampling over the district boundaries (WGS-84 degrees, [lon, lat]). */
import { boundsOf, contains, type Bounds, type DistrictFeature, type Point } from '../../geo/polygon';
import type { Rng } from './random';

// Point-in-polygon lives in src/server/geo, shared with the dossier's location check.
export { boundsOf, contains, type Bounds, type Point };

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
