/**
 * The filtered sources list (一源一档 list page) on the province data set (50,000 sources), PGlite and
 * PostgreSQL side by side: median and p95 of 50 runs of typical filter combinations, server-side
 * (listSources: count + page + the page's completeness), as the 闵行 bureau and as admin.
 * Target: p95 ≤ 150 ms on PostgreSQL, ≤ 400 ms on PGlite.
 * Run: node --import tsx bench/dossier.bench.ts (or npm run bench for every benchmark).
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { SourceListQuerySchema, type SourceListQuery } from '../src/common/contracts/dossier';
import { migrateToLatest, openPGlite, openPostgres, type Database } from '../src/server/db/index';
import { seedDemo } from '../src/server/db/seed/index';
import type { Actor } from '../src/server/db/scope';
import { listSources } from '../src/server/modules/registry/index';

const ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PASSWORD = 'Bench@2026';
const RUNS = 50;

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95) };
}
const ms = (v: number) => `${v.toFixed(1)} ms`;

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

async function sample(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 5; i++) await fn(); // warm up
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    out.push(performance.now() - start);
  }
  return out;
}

/** Typical list views: [who, label, query string]. 310112114 = 浦江镇. */
const CASES: Array<[string, string, string]> = [
  ['admin', 'first page, by name', ''],
  ['admin', 'industry 大类 26 (化学原料)', 'industryCode=26'],
  ['admin', '门类 C + suspended, page 3', 'industryCode=C&status=suspended&page=3'],
  ['admin', 'keyword 汽车 (name/USCC/address)', 'q=汽车'],
  ['admin', 'industrial + key, newest first', 'sourceType=industrial&permitClass=key&sort=-updatedAt'],
  ['bureau', 'first page, by name', ''],
  ['bureau', 'industrial + simplified', 'sourceType=industrial&permitClass=simplified'],
  ['bureau', 'town 浦江镇 + catering', 'townId=310112114&sourceType=catering'],
  ['bureau', 'keyword 机械, most employees first', 'q=机械&sort=-employees'],
];

async function main() {
  const pgName = `es_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${pgName}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${pgName}`;
  const engines: Array<[string, Database]> = [
    ['pglite', await openPGlite()],
    ['postgres', openPostgres(url.toString())],
  ];
  const lines: string[] = [];
  try {
    for (const [name, database] of engines) {
      await migrateToLatest(database.db);
      const start = performance.now();
      const summary = await seedDemo(database.db, { size: 'province', password: PASSWORD });
      console.log(`seeded ${summary.sources} sources on ${name} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    }
    for (const [who, label, qs] of CASES) {
      const query: SourceListQuery = SourceListQuerySchema.parse(Object.fromEntries(new URLSearchParams(qs)));
      const results: Record<string, ReturnType<typeof stats>> = {};
      let total = 0;
      for (const [name, database] of engines) {
        const actor = await actorFor(database, who);
        total = (await listSources(database.db, actor, query)).total;
        results[name] = stats(await sample(() => listSources(database.db, actor, query)));
      }
      lines.push(`| ${who}: ${label} (${total.toLocaleString('en')} rows) | ${ms(results.pglite.median)} (${ms(results.pglite.p95)}) | ${ms(results.postgres.median)} (${ms(results.postgres.p95)}) |`);
    }
  } finally {
    for (const [, database] of engines) await database.close();
    await adminQuery(`drop database if exists ${pgName} with (force)`);
  }
  // The machine is shared: say how busy it was, so the figures can be read against it.
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
  console.log(`\nFiltered sources list on the province (50,000 sources), median (p95) of ${RUNS} runs, server-side; load average ${load} on ${os.cpus().length} CPUs:\n`);
  console.log('| view | PGlite | PostgreSQL |');
  console.log('|---|---|---|');
  for (const line of lines) console.log(line);
}

await main();
