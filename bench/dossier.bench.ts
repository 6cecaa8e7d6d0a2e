/**
 * The filtered sources list (一源一档 list page) on the province data set (50,000 sources), PGlite and
 * PostgreSQL side by side: median and p95 of 50 runs of typical filter combinations, server-side
 * (listSources: count + page + the page's completeness), as the 闵行 bureau and as admin.
 * Target: p95 ≤ 150 ms on PostgreSQL, ≤ 400 ms on PGlite.
 * Run: node --import tsx bench/dossier.bench.ts (or npm run bench for every benchmark).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { SourceListQuerySchema, type SourceListQuery } from '../src/common/contracts/dossier';
import { migrateToLatest } from '../src/server/db/index';
import { seedDemo } from '../src/server/db/seed/index';
import { listSources } from '../src/server/modules/registry/index';
import { BENCH_PASSWORD as PASSWORD, actorFor, ms, sample, stats, withBothEngines } from './support';

const RUNS = 50;

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
  const lines: string[] = [];
  await withBothEngines(async ({ pglite, postgres }) => {
    const engines = [['pglite', pglite], ['postgres', postgres]] as const;
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
        results[name] = stats(await sample(() => listSources(database.db, actor, query), RUNS));
      }
      lines.push(`| ${who}: ${label} (${total.toLocaleString('en')} rows) | ${ms(results.pglite.median, 1)} (${ms(results.pglite.p95, 1)}) | ${ms(results.postgres.median, 1)} (${ms(results.postgres.p95, 1)}) |`);
    }
  });
  // The machine is shared: say how busy it was, so the figures can be read against it.
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
  console.log(`\nFiltered sources list on the province (50,000 sources), median (p95) of ${RUNS} runs, server-side; load average ${load} on ${os.cpus().length} CPUs:\n`);
  console.log('| view | PGlite | PostgreSQL |');
  console.log('|---|---|---|');
  for (const line of lines) console.log(line);
}

await main();
