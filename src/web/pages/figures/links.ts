import type { FigureGroup } from '../../../common/contracts/reporting';

/** The issues list behind a figure: the group's key as the list's filter, plus the figure's own condition. */
export function issueListLink(groupBy: FigureGroup, key: string | null, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  // A row of issues found by no provider (government staff, grid cadres) has no key: "none" lists exactly those.
  if (key !== null || groupBy === 'provider') params.set(groupBy === 'town' ? 'townId' : groupBy === 'provider' ? 'providerId' : 'area', key ?? 'none');
  const query = params.toString();
  return `/issues${query ? `?${query}` : ''}`;
}
