/**
 * Foundation benchmarks, side by side in one run (the machine is shared and noisy: compare ratios):
 *  - demo seed time (district on PGlite and PostgreSQL; province on PGlite)
 *  - scoped overview query (the home page) for the bureau and a town, PGlite vs PostgreSQL
 *  - login (argon2id verify + session insert)
 * Run: npm run bench
 */
import { migrateToLatest, openPGlite } from '../src/server/db/index';
import { seedDemo } from '../src/server/db/seed/index';
import { login } from '../src/server/modules/identity/auth.service';
import { overview } from '../src/server/modules/registry/index';
import { BENCH_PASSWORD as PASSWORD, actorFor, ms, sample, stats, time, withBothEngines } from './support';

async function main() {
  const rows: string[] = [];
  await withBothEngines(async ({ pglite, postgres }) => {
    const engines = [['pglite', pglite], ['postgres', postgres]] as const;
    const seedTimes: Record<string, number> = {};
    for (const [name, database] of engines) {
      await migrateToLatest(database.db);
      seedTimes[name] = (await time(() => seedDemo(database.db, { size: 'district', password: PASSWORD })))[1];
    }
    rows.push(`| seed district (1,500 sources) | ${ms(seedTimes.pglite)} | ${ms(seedTimes.postgres)} | ${(seedTimes.pglite / seedTimes.postgres).toFixed(2)} |`);

    for (const username of ['bureau', 'town']) {
      const results: Record<string, ReturnType<typeof stats>> = {};
      for (const [name, database] of engines) {
        const actor = await actorFor(database, username);
        results[name] = stats(await sample(() => overview(database.db, actor), 200));
      }
      rows.push(`| overview as ${username}: median (p95), n=200 | ${ms(results.pglite.median)} (${ms(results.pglite.p95)}) | ${ms(results.postgres.median)} (${ms(results.postgres.p95)}) | ${(results.pglite.median / results.postgres.median).toFixed(2)} |`);
    }

    const logins: Record<string, ReturnType<typeof stats>> = {};
    for (const [name, database] of engines) {
      let i = 0;
      logins[name] = stats(await sample(() => login(database.db, { username: 'inspector', password: PASSWORD, ip: `10.0.${i >> 8}.${i++ & 255}`, userAgent: null, ttlHours: 1 }), 30));
    }
    rows.push(`| login (argon2id verify + session): median (p95), n=30 | ${ms(logins.pglite.median)} (${ms(logins.pglite.p95)}) | ${ms(logins.postgres.median)} (${ms(logins.postgres.p95)}) | ${(logins.pglite.median / logins.postgres.median).toFixed(2)} |`);
  });

  const province = await openPGlite();
  await migrateToLatest(province.db);
  const [summary, provinceMs] = await time(() => seedDemo(province.db, { size: 'province', password: PASSWORD }));
  const provinceBureau = await actorFor(province, 'bureau');
  const provinceOverview = stats(await sample(() => overview(province.db, provinceBureau), 50));
  await province.close();

  console.log('\n| measure | PGlite | PostgreSQL | ratio PGlite/PG |');
  console.log('|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log(`\nProvince seed on PGlite (${summary.sources} sources, ${summary.regions} regions): ${(provinceMs / 1000).toFixed(1)} s`);
  console.log(`Overview as 闵行 bureau on the province database (PGlite), median (p95), n=50: ${ms(provinceOverview.median)} (${ms(provinceOverview.p95)})`);
}

await main();
