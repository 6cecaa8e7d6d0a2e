/** A location must lie inside the district of the source's region (data/geo boundaries). */
import { districtFeature, insideDistrict } from '../../geo/districts';
import { invalidField } from '../../http/errors';

/** '/310112/310112114/310112114001/' → '310112'. */
export function districtCodeOf(regionPath: string): string {
  return regionPath.split('/').filter(Boolean)[0] ?? '';
}

/** Throws a 400 on `longitude` when the point is outside the district; districts without a shipped boundary are not checked. */
export function assertInsideDistrict(regionPath: string, longitude: number, latitude: number): void {
  const code = districtCodeOf(regionPath);
  if (insideDistrict(code, longitude, latitude) !== false) return;
  const name = districtFeature(code)?.properties.name ?? code;
  throw invalidField(
    'longitude',
    `坐标（${longitude}, ${latitude}）不在${name}范围内，请核对经纬度（WGS-84，经度在前）`,
    `The point (${longitude}, ${latitude}) is outside ${name}; check the coordinates (WGS-84, longitude first)`,
  );
}
