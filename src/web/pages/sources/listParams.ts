/** The list page's filters live in the URL (shareable, and the home page links to ?townId= and ?sourceType=). */
import type { SourceSort } from '../../../common/contracts/dossier';
import { PERMIT_CLASS, SOURCE_TYPE, type PermitClass, type SourceType } from '../../../common/enums';
import { LIFECYCLE_STATUS } from '../../../common/lifecycle';
import type { ListQuery, SourceFilters } from '../../api/dossier';

export const SORTS: readonly SourceSort[] = ['name', '-name', 'updatedAt', '-updatedAt', 'industryCode', '-industryCode', 'employees', '-employees'];
export const PAGE_SIZES = [10, 20, 50, 100];
export const FILTER_KEYS = ['q', 'townId', 'parkId', 'gridId', 'sourceType', 'industryCode', 'permitClass', 'status'] as const;

function positive(v: string | null, fallback: number) {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
function oneOf<T extends string>(v: string | null, values: readonly T[]): T | undefined {
  return v && (values as readonly string[]).includes(v) ? (v as T) : undefined;
}
const text = (v: string | null) => (v && v.trim() ? v.trim() : undefined);

export function filtersFromParams(params: URLSearchParams): SourceFilters {
  const industry = params.get('industryCode');
  return {
    q: text(params.get('q')),
    townId: text(params.get('townId')),
    parkId: text(params.get('parkId')),
    gridId: text(params.get('gridId')),
    sourceType: oneOf<SourceType>(params.get('sourceType'), SOURCE_TYPE.values),
    industryCode: industry && /^([A-T]|\d{2,4})$/.test(industry) ? industry : undefined,
    permitClass: oneOf<PermitClass>(params.get('permitClass'), PERMIT_CLASS.values),
    status: oneOf(params.get('status'), LIFECYCLE_STATUS.values),
  };
}

export function queryFromParams(params: URLSearchParams): Required<Pick<ListQuery, 'page' | 'pageSize' | 'sort'>> & SourceFilters {
  return {
    ...filtersFromParams(params),
    sort: oneOf(params.get('sort'), SORTS) ?? 'name',
    page: positive(params.get('page'), 1),
    pageSize: Math.min(positive(params.get('pageSize'), 20), 200),
  };
}

/** How many filters besides the keyword are set (shown on the phone's "filters" button). */
export function activeFilterCount(f: SourceFilters): number {
  return FILTER_KEYS.filter((k) => k !== 'q' && f[k] !== undefined).length;
}
