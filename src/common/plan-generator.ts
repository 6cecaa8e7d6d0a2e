/**
 * The risk-based plan generator (按风险生成检查计划): given each source's visits still needed in the
 * period (its minimum by risk level, less visits already made or planned, never above the yearly cap),
 * the inspectors, the working days and how many visits an inspector makes a day, it schedules the
 * visits — riskiest sources first when capacity falls short — and groups each inspector's day by
 * proximity (a nearest-neighbour walk) so the day's visits are close together. Pure and deterministic.
 */
import { haversineMetres } from './geo-distance';

export interface PlanSource {
  id: string;
  latitude: number | null;
  longitude: number | null;
  /** Visits to schedule in the period. */
  needed: number;
  /** Higher is riskier: the order in which capacity is given out. */
  priority: number;
}

export interface PlanInput {
  sources: readonly PlanSource[];
  inspectorIds: readonly string[];
  /** Working days of the period, in order (YYYY-MM-DD). */
  days: readonly string[];
  perDay: number;
}

export interface PlannedVisit {
  sourceId: string;
  inspectorId: string;
  day: string;
}

export interface PlanOutput {
  visits: PlannedVisit[];
  /** Sources that did not get all the visits they need, and how many are missing. */
  uncovered: Array<{ sourceId: string; missing: number }>;
  neededVisits: number;
  capacity: number;
  /** Inspector-days that would cover the missing visits. */
  missingInspectorDays: number;
  /** The mean over inspector-days of the longest distance between two visits of that day, in metres. */
  meanDaySpreadM: number;
}

type Point = { latitude: number; longitude: number };
const located = (s: PlanSource): s is PlanSource & Point => s.latitude !== null && s.longitude !== null;

/** Orders points by a nearest-neighbour walk from the most westerly one, so neighbours in the list are close on the map. */
export function proximityOrder<T extends PlanSource>(sources: readonly T[]): T[] {
  const withPoint = sources.filter((s): s is T & Point => located(s));
  const without = sources.filter((s) => !located(s));
  if (withPoint.length === 0) return [...without];
  // A coarse grid makes the walk O(n·k) instead of O(n²) for the province-sized case.
  const cell = (p: Point) => `${Math.floor(p.latitude / 0.02)}:${Math.floor(p.longitude / 0.02)}`;
  const grid = new Map<string, Array<T & Point>>();
  for (const s of withPoint) {
    const k = cell(s);
    if (!grid.has(k)) grid.set(k, []);
    grid.get(k)!.push(s);
  }
  const remaining = new Set(withPoint);
  let current: (T & Point) | undefined = [...withPoint].sort((a, b) => a.longitude - b.longitude || a.latitude - b.latitude)[0];
  const out: T[] = [];
  while (current) {
    out.push(current);
    remaining.delete(current);
    const list: Array<T & Point> = grid.get(cell(current))!;
    list.splice(list.indexOf(current), 1);
    let best: (T & Point) | undefined;
    let bestD = Infinity;
    const [cy, cx] = cell(current).split(':').map(Number);
    for (let ring = 0; ring < 400 && !best; ring++) {
      for (let dy = -ring; dy <= ring; dy++) {
        for (let dx = -ring; dx <= ring; dx++) {
          if (Math.max(Math.abs(dy), Math.abs(dx)) !== ring) continue;
          for (const s of grid.get(`${cy + dy}:${cx + dx}`) ?? []) {
            const d = haversineMetres(current, s);
            if (d < bestD) {
              bestD = d;
              best = s;
            }
          }
        }
      }
      if (remaining.size === 0) break;
    }
    current = best ?? [...remaining][0];
  }
  return [...out, ...without];
}

export function generatePlan(input: PlanInput): PlanOutput {
  const perDay = Math.max(1, Math.floor(input.perDay));
  const days = [...input.days];
  const capacity = input.inspectorIds.length * days.length * perDay;
  const neededVisits = input.sources.reduce((n, s) => n + Math.max(0, s.needed), 0);
  const rounds = Math.max(0, ...input.sources.map((s) => s.needed));

  // Capacity goes to the riskiest sources first: every source's first visit before anyone's second.
  const byPriority = [...input.sources].filter((s) => s.needed > 0).sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  const granted = new Map<string, number>();
  let left = capacity;
  for (let r = 0; r < rounds && left > 0; r++) {
    for (const s of byPriority) {
      if (left === 0) break;
      if (s.needed > r) {
        granted.set(s.id, (granted.get(s.id) ?? 0) + 1);
        left--;
      }
    }
  }

  // The k-th visit of a source needing n falls in the k-th n-th of the period; within a part, days
  // are filled with nearby sources.
  const visits: PlannedVisit[] = [];
  const slots = input.inspectorIds.flatMap(() => days).length;
  if (slots > 0) {
    const parts = Math.max(1, rounds);
    const partDays = (k: number, n: number) => {
      const from = Math.floor((k * days.length) / n);
      const to = Math.max(from + 1, Math.floor(((k + 1) * days.length) / n));
      return days.slice(from, Math.min(to, days.length));
    };
    // Free places per inspector-day.
    const free = new Map<string, number>();
    const key = (inspector: string, day: string) => `${inspector}|${day}`;
    for (const i of input.inspectorIds) for (const d of days) free.set(key(i, d), perDay);
    for (let n = parts; n >= 1; n--) {
      for (let k = 0; k < n; k++) {
        const group = proximityOrder(input.sources.filter((s) => (granted.get(s.id) ?? 0) === n));
        if (group.length === 0) continue;
        const window = partDays(k, n);
        // Walk the proximity order, filling one inspector-day after another within the window.
        const cells = window.flatMap((d) => input.inspectorIds.map((i) => key(i, d)));
        let c = 0;
        for (const s of group) {
          let tries = 0;
          while (tries < cells.length && (free.get(cells[c % cells.length]) ?? 0) === 0) {
            c++;
            tries++;
          }
          let target = cells[c % cells.length];
          if ((free.get(target) ?? 0) === 0) {
            // The window is full: any free inspector-day of the period.
            target = [...free.entries()].find(([, v]) => v > 0)?.[0] ?? '';
            if (!target) break;
          }
          free.set(target, free.get(target)! - 1);
          const [inspectorId, day] = target.split('|');
          visits.push({ sourceId: s.id, inspectorId, day });
        }
      }
    }
  }

  const placed = new Map<string, number>();
  for (const v of visits) placed.set(v.sourceId, (placed.get(v.sourceId) ?? 0) + 1);
  const uncovered = input.sources
    .filter((s) => s.needed > (placed.get(s.id) ?? 0))
    .map((s) => ({ sourceId: s.id, missing: s.needed - (placed.get(s.id) ?? 0) }));
  const missing = uncovered.reduce((n, u) => n + u.missing, 0);
  return {
    visits: visits.sort((a, b) => a.day.localeCompare(b.day) || a.inspectorId.localeCompare(b.inspectorId)),
    uncovered,
    neededVisits,
    capacity,
    missingInspectorDays: Math.ceil(missing / perDay),
    meanDaySpreadM: daySpread(visits, input.sources),
  };
}

function daySpread(visits: readonly PlannedVisit[], sources: readonly PlanSource[]): number {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const days = new Map<string, Array<PlanSource & Point>>();
  for (const v of visits) {
    const s = byId.get(v.sourceId);
    if (!s || !located(s)) continue;
    const k = `${v.inspectorId}|${v.day}`;
    if (!days.has(k)) days.set(k, []);
    days.get(k)!.push(s);
  }
  let total = 0;
  for (const list of days.values()) {
    let max = 0;
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) max = Math.max(max, haversineMetres(list[i], list[j]));
    total += max;
  }
  return days.size === 0 ? 0 : Math.round(total / days.size);
}
