/**
 * Foundation benchmarks, side by side in one run (the machine is shared and noisy: compare ratios):
 *  - demo seed time (district on PGlite and PostgreSQL; province on PGlite)
 *  - scoped overview query (the home page) for the bureau and a town, PGlite vs PostgreSQL
 *  - login (argon2id verify + session insert)
 * Run: npm run bench
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrateToLatest, openPGlite, openPostgres, type Database } from '../src/server/db/index';
import { seedDemo } from '../src/server/db/seed/index';
import type { Actor } from '../src/server/db/scope';
import { login } from '../src/server/modules/identity/auth.service';
import { overview } from '../src/server/modules/registry/index';

const ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PASSWORD = 'Bench@2026';

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), n: sorted.length };
}
const ms = (v: number) => `${v.toFixed(2)} ms`;

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql);
  await client.end();
}

async function actorFor(database: Database, username: string): Promise<Actor> {
  const u = await database.db
    .selectFrom('users')
    .leftJoin('regions', 'regions.id', 'users.region_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.region_id', 'users.provider_id', 'users.source_id', 'regions.path', 'regions.level'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return {
    userId: u.id, username: u.username, displayName: u.display_name, role: u.role, regionId: u.region_id,
    regionPath: u.path, regionLevel: u.level, providerId: u.provider_id, sourceId: u.source_id, ip: null,
  };
}

async function sample(fn: () => Promise<unknown>, n: number): Promise<number[]> {
  for (let i = 0; i < 5; i++) await fn(); // warm up
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await time(fn))[1]);
  return out;
}

async function main() {
  const pgName = `es_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${pgName}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${pgName}`;
  const engines: Array<[string, Database]> = [
    ['pglite', await openPGlite()],
    ['postgres', openPostgres(url.toString())],
  ];
  const rows: string[] = [];
  try {
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
  } finally {
    for (const [, database] of engines) await database.close();
    await adminQuery(`drop database if exists ${pgName} with (force)`);
  }

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
