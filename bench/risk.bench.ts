/**
 * 分级分类 recompute (issue 5's target: 50,000 sources ≤ 60 s on PGlite):
 *  - the province data set (50,000 sources with dossiers) on PGlite: one quarter recomputed, 3 runs
 *  - the demo district (1,500 sources with a year of issues) on PGlite and PostgreSQL side by side, 5 runs
 * Run: npm run bench (or node --import tsx bench/risk.bench.ts)
 */
import { migrateToLatest, openPGlite } from '../src/server/db/index';
import { seedDemo } from '../src/server/db/seed/index';
import { recomputeRisk } from '../src/server/modules/risk';
import { BENCH_PASSWORD, ms, stats, time, withBothEngines } from './support';

async function runs(n: number, fn: () => Promise<unknown>): Promise<{ wall: number[]; cpu: number[] }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const [, w, c] = await time(fn);
    wall.push(w);
    cpu.push(c);
  }
  return { wall, cpu };
}

async function main() {
  const district: Record<string, { wall: number[]; cpu: number[] }> = {};
  await withBothEngines(async ({ pglite, postgres }) => {
    for (const [name, database] of [['pglite', pglite], ['postgres', postgres]] as const) {
      await migrateToLatest(database.db);
      await seedDemo(database.db, { size: 'district', password: BENCH_PASSWORD });
      district[name] = await runs(5, () => recomputeRisk(database.db));
    }
  });

  const province = await openPGlite();
  await migrateToLatest(province.db);
  await seedDemo(province.db, { size: 'province', password: BENCH_PASSWORD });
  const sources = (await recomputeRisk(province.db)).sources; // warm-up, also installs the default rules
  const big = await runs(3, () => recomputeRisk(province.db));
  await province.close();

  console.log('\n| measure | PGlite wall median (max) | PGlite CPU median | PostgreSQL wall median (max) | ratio PGlite/PG |');
  console.log('|---|---|---|---|---|');
  const d = { p: stats(district.pglite.wall), c: stats(district.pglite.cpu), g: stats(district.postgres.wall) };
  console.log(`| district: recompute 1,500 sources (5 runs) | ${ms(d.p.median, 0)} (${ms(d.p.p95, 0)}) | ${ms(d.c.median, 0)} | ${ms(d.g.median, 0)} (${ms(d.g.p95, 0)}) | ${(d.p.median / d.g.median).toFixed(2)} |`);
  const b = { p: stats(big.wall), c: stats(big.cpu) };
  console.log(`| province: recompute ${sources.toLocaleString('en-US')} sources (3 runs) | ${ms(b.p.median, 0)} (${ms(b.p.p95, 0)}) | ${ms(b.c.median, 0)} | — | — |`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
