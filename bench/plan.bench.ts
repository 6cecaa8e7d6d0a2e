/**
 * The risk-based plan generator (issue 5's target: a plan for 5,000 sources and 20 inspectors ≤ 10 s):
 * the pure scheduler (common/plan-generator.ts) over 5,000 sources scattered like a district's (30 × 30 km),
 * one to four visits each by risk level, 20 inspectors, 250 working days, 4 visits a day; 5 runs.
 * Run: npm run bench (or node --import tsx bench/plan.bench.ts)
 */
import { generatePlan, type PlanSource } from '../src/common/plan-generator';
import { ms, stats, time } from './support';

function district(n: number): PlanSource[] {
  let x = 2026;
  const rnd = () => ((x = (x * 1103515245 + 12345) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, (_, i) => {
    const r = rnd();
    const needed = r < 0.08 ? 4 : r < 0.28 ? 2 : 1;
    return { id: `s${i}`, latitude: 30.95 + rnd() * 0.27, longitude: 121.3 + rnd() * 0.31, needed, priority: needed * 100 + Math.floor(rnd() * 100) };
  });
}

async function main() {
  const sources = district(5000);
  const days: string[] = [];
  for (let d = Date.UTC(2026, 0, 5); days.length < 250; d += 86_400_000) {
    const wd = new Date(d).getUTCDay();
    if (wd !== 0 && wd !== 6) days.push(new Date(d).toISOString().slice(0, 10));
  }
  const inspectors = Array.from({ length: 20 }, (_, i) => `i${i}`);
  const wall: number[] = [];
  let last: ReturnType<typeof generatePlan> | null = null;
  for (let i = 0; i < 6; i++) {
    const [plan, w] = await time(async () => generatePlan({ sources, inspectorIds: inspectors, days, perDay: 4 }));
    if (i > 0) wall.push(w);
    last = plan;
  }
  const s = stats(wall);
  console.log('\n| measure | median (max) | visits planned / needed | uncovered | mean span of a day |');
  console.log('|---|---|---|---|---|');
  console.log(`| plan: 5,000 sources, 20 inspectors, 250 days, 4 a day (5 runs) | ${ms(s.median, 0)} (${ms(s.p95, 0)}) | ${last!.visits.length} / ${last!.neededVisits} | ${last!.uncovered.length} | ${(last!.meanDaySpreadM / 1000).toFixed(1)} km |`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
