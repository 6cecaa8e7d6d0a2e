import { PERMIT_CLASS, type PermitClass } from '../../../common/enums';
import { LIFECYCLE_STATUS, type LifecycleStatus } from '../../../common/lifecycle';
import type { MapPoint } from '../../api/ops';

export type ColorBy = 'permitClass' | 'status';

export const PERMIT_COLORS: Record<PermitClass, string> = { key: '#cf1322', simplified: '#e07b00', registration: '#2f8f5b', none: '#8c8c8c' };
export const STATUS_COLORS: Record<LifecycleStatus, string> = {
  screening: '#722ed1',
  construction: '#2f54eb',
  trial: '#13a8a8',
  acceptance: '#1677ff',
  operating: '#2f8f5b',
  suspended: '#e07b00',
  relocating: '#d4b106',
  closed: '#595959',
};
const UNKNOWN = '#bfbfbf';

export function colorOf(p: MapPoint, by: ColorBy): string {
  if (by === 'permitClass') return PERMIT_COLORS[p.permitClass] ?? UNKNOWN;
  return STATUS_COLORS[p.lifecycleStatus as LifecycleStatus] ?? UNKNOWN;
}

/** The legend's rows: each value of the chosen dimension, its colour and how many points have it. */
export function legendRows(points: MapPoint[], by: ColorBy, label: (e: { labels: Record<string, { zh: string; en: string }> }, v: string) => string) {
  const counts = new Map<string, number>();
  for (const p of points) {
    const k = by === 'permitClass' ? p.permitClass : p.lifecycleStatus;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const values: readonly string[] = by === 'permitClass' ? PERMIT_CLASS.values : LIFECYCLE_STATUS.values;
  const colors: Record<string, string> = by === 'permitClass' ? PERMIT_COLORS : STATUS_COLORS;
  const rows = values.map((v) => ({ value: v, color: colors[v], label: label(by === 'permitClass' ? PERMIT_CLASS : LIFECYCLE_STATUS, v), count: counts.get(v) ?? 0 }));
  for (const [v, n] of counts) if (!values.includes(v)) rows.push({ value: v, color: UNKNOWN, label: v, count: n });
  return rows;
}
