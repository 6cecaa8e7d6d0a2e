/** The district boundaries the product ships (data/geo), to check that a location lies in its district. */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contains, type DistrictFeature } from './polygon';

const GEOJSON = fileURLToPath(new URL('../../../data/geo/shanghai-districts.geojson', import.meta.url));

let byCode: Map<string, DistrictFeature> | undefined;

/** The boundary of a district by its GB/T 2260 code (e.g. '310112'), or undefined when none is shipped. */
export function districtFeature(code: string): DistrictFeature | undefined {
  byCode ??= new Map(
    (JSON.parse(fs.readFileSync(GEOJSON, 'utf8')) as { features: DistrictFeature[] }).features
      .filter((f) => f.properties.adcode)
      .map((f) => [f.properties.adcode!, f]),
  );
  return byCode.get(code);
}

/** True when the point is inside the district; undefined when the district has no shipped boundary. */
export function insideDistrict(code: string, longitude: number, latitude: number): boolean | undefined {
  const feature = districtFeature(code);
  return feature ? contains(feature, [longitude, latitude]) : undefined;
}
