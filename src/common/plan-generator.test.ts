import { describe, expect, it } from 'vitest';
import { generatePlan, proximityOrder, type PlanSource } from './plan-generator';

/** A deterministic scatter of sources over a 20 km square around (31.05, 121.45). */
function scatter(n: number, needed: (i: number) => number): PlanSource[] {
  let x = 12345;
  const rnd = () => ((x = (x * 1103515245 + 12345) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, (_, i) => ({ id: `s${String(i).padStart(5, '0')}`, latitude: 30.96 + rnd() * 0.18, longitude: 121.35 + rnd() * 0.2, needed: needed(i), priority: needed(i) * 10 + (i % 7) }));
}
const workdays = (n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 0, 5) + i * 86_400_000).toISOString().slice(0, 10));

describe('the risk-based plan generator', () => {
  it('meets every minimum within capacity: each source gets exactly its visits, no inspector-day over its limit, repeats in different parts of the period', () => {
    const sources = scatter(300, (i) => (i % 10 === 0 ? 2 : 1));
    const plan = generatePlan({ sources, inspectorIds: ['a', 'b', 'c'], days: workdays(60), perDay: 4 });
    expect(plan.uncovered).toEqual([]);
    expect(plan.missingInspectorDays).toBe(0);
    const per = new Map<string, number>();
    for (const v of plan.visits) per.set(v.sourceId, (per.get(v.sourceId) ?? 0) + 1);
    for (const s of sources) expect(per.get(s.id)).toBe(s.needed);
    const load = new Map<string, number>();
    for (const v of plan.visits) load.set(`${v.inspectorId}|${v.day}`, (load.get(`${v.inspectorId}|${v.day}`) ?? 0) + 1);
    expect(Math.max(...load.values())).toBeLessThanOrEqual(4);
    for (const s of sources.filter((x) => x.needed === 2)) {
      const [d1, d2] = plan.visits.filter((v) => v.sourceId === s.id).map((v) => v.day).sort();
      expect(d1 < '2026-02-04').toBe(true);
      expect(d2 >= '2026-02-04').toBe(true);
    }
  });

  it('groups a day\'s visits by proximity: much tighter days than the same visits in random order', () => {
    const sources = scatter(400, () => 1);
    const plan = generatePlan({ sources, inspectorIds: ['a', 'b'], days: workdays(50), perDay: 4 });
    const shuffled = generatePlan({ sources: sources.map((s) => ({ ...s })), inspectorIds: ['a', 'b'], days: workdays(50), perDay: 4 });
    expect(shuffled.meanDaySpreadM).toBe(plan.meanDaySpreadM); // deterministic
    // The square is 20 km across; random days of 4 would span ~13 km.
    expect(plan.meanDaySpreadM).toBeLessThan(3500);
    const order = proximityOrder(sources);
    expect(new Set(order.map((s) => s.id)).size).toBe(sources.length);
  });

  it('when capacity falls short, covers the riskiest first and says what is missing', () => {
    const sources = scatter(100, (i) => (i < 10 ? 2 : 1)).map((s, i) => ({ ...s, priority: i < 10 ? 100 : i < 50 ? 50 : 1 }));
    const plan = generatePlan({ sources, inspectorIds: ['a'], days: workdays(20), perDay: 3 });
    expect(plan.capacity).toBe(60);
    expect(plan.neededVisits).toBe(110);
    expect(plan.visits).toHaveLength(60);
    const covered = new Set(plan.visits.map((v) => v.sourceId));
    for (const s of sources.filter((x) => x.priority >= 50)) expect(covered.has(s.id)).toBe(true);
    expect(plan.uncovered.reduce((n, u) => n + u.missing, 0)).toBe(50);
    expect(plan.missingInspectorDays).toBe(17);
  });

  it('schedules sources without coordinates too, and nothing with no inspectors', () => {
    const sources: PlanSource[] = [{ id: 'x', latitude: null, longitude: null, needed: 1, priority: 1 }];
    expect(generatePlan({ sources, inspectorIds: ['a'], days: workdays(5), perDay: 2 }).visits).toEqual([{ sourceId: 'x', inspectorId: 'a', day: '2026-01-05' }]);
    const none = generatePlan({ sources, inspectorIds: [], days: workdays(5), perDay: 2 });
    expect(none.visits).toEqual([]);
    expect(none.uncovered).toEqual([{ sourceId: 'x', missing: 1 }]);
    expect(none.missingInspectorDays).toBe(1);
  });
});
