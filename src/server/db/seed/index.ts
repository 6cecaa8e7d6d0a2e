/**
 * The deterministic demo-district generator: 上海市闵行区 with its real towns and villages, about
 * 1,500 pollution sources, three providers and the demo users; or (size 'province') all 16
 * districts of 上海市 with about 50,000 sources, for benchmarks.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import { hashPassword } from '../../modules/identity/passwords';
import { writeAudit } from '../audit';
import type { DB } from '../schema';
import { buildDataset, DEFAULT_SEED, type SeedSize } from './dataset';
import { CLOSED_LOOP_TABLES, generateClosedLoop, loadChecklistBank } from './closed-loop';
import { DOSSIER_TABLES } from './dossier';
import { todayInShanghai } from '../../../common/compliance-calendar';
import { previousQuarter, quarterOf } from '../../../common/risk-rules';
import { recomputeRisk } from '../../modules/risk';

export { DEMO_USERNAMES } from './users';
export { DEFAULT_SEED } from './dataset';

export interface SeedOptions {
  size: SeedSize;
  password: string;
  seed?: number;
}

export interface SeedSummary {
  regions: number;
  sources: number;
  users: number;
  providers: number;
  districtName: string;
}

const BATCH = 500;

/** True when no region exists yet, i.e. nothing has been seeded or created. */
export async function isDatabaseEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('regions').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

async function insertAll<T extends keyof DB & string>(db: Kysely<DB>, table: T, rows: Array<Insertable<DB[T]>>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    // Kysely cannot relate a generic table name to its row type; the callers' rows are typed.
    await db.insertInto(table).values(rows.slice(i, i + BATCH) as any).execute();
  }
}

export async function seedDemo(db: Kysely<DB>, options: SeedOptions): Promise<SeedSummary> {
  if (options.size !== 'district' && options.size !== 'province') throw new Error(`unknown seed size ${String(options.size)}`);
  const seed = options.seed ?? DEFAULT_SEED;
  if (!(await isDatabaseEmpty(db))) {
    throw new Error('数据库已有数据，拒绝写入演示数据 / the database is not empty: refusing to seed demo data');
  }
  const data = buildDataset(options.size, seed);
  // argon2 is deliberately slow: hash once and share it among the demo users.
  const passwordHash = await hashPassword(options.password);

  await db.transaction().execute(async (trx) => {
    if (!(await isDatabaseEmpty(trx))) throw new Error('the database is not empty: refusing to seed demo data');
    await insertAll(trx, 'regions', data.regions);
    await insertAll(trx, 'sources', data.sources);
    await insertAll(trx, 'providers', data.providers.map(({ id, name, uscc }) => ({ id, name, uscc })));
    await insertAll(trx, 'provider_sources', data.links);
    await insertAll(trx, 'users', data.users.map((u) => ({ ...u, password_hash: passwordHash })));
    for (const table of DOSSIER_TABLES) await insertAll(trx, table, data.dossiers[table]);
    // The district demo also has this year's inspections and issues; the province size is for benchmarks of the registry.
    let closedLoopRows = 0;
    if (options.size === 'district') {
      const loop = generateClosedLoop(data, await loadChecklistBank(trx), seed, todayInShanghai());
      for (const table of CLOSED_LOOP_TABLES) {
        await insertAll(trx, table, loop[table] as any);
        closedLoopRows += loop[table].length;
      }
      // 周边敏感目标: about one source in seventeen has residents, a school or a hospital close by.
      await insertAll(trx, 'source_risk_attributes', data.sources.filter((_, i) => i % 17 === 3).map((s, i) => ({
        source_id: s.id, sensitive_nearby: true, note: ['厂界200米内有居民小区', '周边500米内有学校', '邻近医院和养老院'][i % 3],
      })));
    }
    await trx
      .insertInto('app_meta')
      .values({ key: 'demo_seed', value: JSON.stringify({ size: options.size, seed, at: new Date().toISOString() }) })
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), updated_at: new Date() })))
      .execute();
    // One audit row for the whole initial load, so the trail starts with where the data came from.
    await writeAudit(trx, { userId: null, username: 'system', ip: null }, {
      action: 'system.seed_demo',
      entityType: 'database',
      entityId: null,
      after: {
        size: options.size, seed, regions: data.regions.length, sources: data.sources.length, users: data.users.length, providers: data.providers.length,
        dossierRows: DOSSIER_TABLES.reduce((n, t) => n + data.dossiers[t].length, 0), closedLoopRows,
      },
    });
  });

  // A bulk load leaves the planner without statistics, and PGlite has no autovacuum to gather them.
  await sql`analyze`.execute(db);

  if (options.size === 'district') {
    // 分级分类: the last four quarters (each as of its last day) and this one (as of today), so every source has a history.
    let period = quarterOf(todayInShanghai());
    const periods = [period];
    for (let i = 0; i < 4; i++) periods.unshift((period = previousQuarter(period)));
    for (const p of periods) await recomputeRisk(db, { period: p });
  }

  return {
    regions: data.regions.length,
    sources: data.sources.length,
    users: data.users.length,
    providers: data.providers.length,
    districtName: data.districtName,
  };
}
