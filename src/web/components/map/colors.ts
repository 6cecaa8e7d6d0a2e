import { PERMIT_CLASS, type PermitClass } from '../../../common/enums';
import { LIFECYCLE_STATUS, type LifecycleStatus } from '../../../common/lifecycle';
import { COMPOSITE_LEVELS, ENV_COLORS, RISK_LABELS } from '../../../common/risk-rules';
import type { MapPoint } from '../../api/ops';

export type ColorBy = 'permitClass' | 'status' | 'risk' | 'envColor';

/** A point with its current risk grades (分级分类) when the map is coloured by them. */
export type GradedPoint = MapPoint & { risk?: { composite: string; envColor: string } };

export const RISK_COLORS: Record<string, string> = { major: '#c2363f', larger: '#e07b2c', general: '#d9b310', minor: '#3d8f5b' };
export const ENV_COLOR_COLORS: Record<string, string> = { red: '#cf1322', yellow: '#d4b106', green: '#2f8f5b' };

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

export function colorOf(p: GradedPoint, by: ColorBy): string {
  if (by === 'risk') return (p.risk && RISK_COLORS[p.risk.composite]) ?? UNKNOWN;
  if (by === 'envColor') return (p.risk && ENV_COLOR_COLORS[p.risk.envColor]) ?? UNKNOWN;
  if (by === 'permitClass') return PERMIT_COLORS[p.permitClass] ?? UNKNOWN;
  return STATUS_COLORS[p.lifecycleStatus as LifecycleStatus] ?? UNKNOWN;
}

/** The legend's rows: each value of the chosen dimension, its colour and how many points have it. */
export function legendRows(points: GradedPoint[], by: ColorBy, label: (e: { labels: Record<string, { zh: string; en: string }> }, v: string) => string) {
  if (by === 'risk' || by === 'envColor') {
    const values: readonly string[] = by === 'risk' ? COMPOSITE_LEVELS : ENV_COLORS;
    const labels = (by === 'risk' ? RISK_LABELS.composite : RISK_LABELS.envColor) as Record<string, { zh: string; en: string }>;
    const colors = by === 'risk' ? RISK_COLORS : ENV_COLOR_COLORS;
    const key = (p: GradedPoint) => (by === 'risk' ? p.risk?.composite : p.risk?.envColor);
    const rows = values.map((v) => ({ value: v, color: colors[v], label: label({ labels }, v), count: points.filter((p) => key(p) === v).length }));
    const ungraded = points.filter((p) => !p.risk).length;
    if (ungraded) rows.push({ value: 'none', color: UNKNOWN, label: '—', count: ungraded });
    return rows;
  }
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
