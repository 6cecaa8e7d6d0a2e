/** Helpers of the lifecycle tests: the demo ids, fresh sources inserted straight into the database, valid USCCs. */
import { sql, type Kysely } from 'kysely';
import { USCC_CHARSET, orgCodeCheckChar, usccCheckChar } from '../../src/common/uscc';
import type { DB } from '../../src/server/db/schema';

let counter = 0;
export function next(): number {
  counter += 1;
  return counter;
}

/** A valid USCC (GB 32100 check characters) for 闵行 (310112), unique within the process. */
export function makeUscc(n = next() * 7919 + Math.floor(Math.random() * 1e6)): string {
  let body = 'MB';
  let x = n;
  for (let i = 0; i < 6; i++) {
    body += String(x % 10);
    x = Math.floor(x / 10);
  }
  const first16 = `91310112${body}${orgCodeCheckChar(body)}`;
  if (![...first16].every((c) => USCC_CHARSET.includes(c))) return makeUscc(n + 1);
  return first16 + usccCheckChar(first16);
}

export interface DemoIds {
  townId: string;
  gridId: string;
  otherGridId: string;
  enterpriseSourceId: string;
  providerId: string;
  xinzhuangTownId: string;
  xinzhuangGridId: string;
  /** A point inside 闵行区 (an existing source's). */
  point: { longitude: number; latitude: number };
}

export async function demoIds(db: Kysely<DB>): Promise<DemoIds> {
  const user = (name: string) => db.selectFrom('users').selectAll().where('username', '=', name).executeTakeFirstOrThrow();
  const [town, grid, enterprise, provider, xinzhuang] = await Promise.all(['town', 'grid', 'enterprise', 'provider', 'town_xinzhuang'].map(user));
  const gridOf = (townId: string, not = '') =>
    db.selectFrom('regions').select('id').where('parent_id', '=', townId).where('level', '=', 'grid').where('id', '<>', not).orderBy('id').executeTakeFirstOrThrow();
  const source = await db.selectFrom('sources').select(['longitude', 'latitude']).where('id', '=', enterprise.source_id!).executeTakeFirstOrThrow();
  return {
    townId: town.region_id!,
    gridId: grid.region_id!,
    otherGridId: (await gridOf(town.region_id!, grid.region_id!)).id,
    enterpriseSourceId: enterprise.source_id!,
    providerId: provider.provider_id!,
    xinzhuangTownId: xinzhuang.region_id!,
    xinzhuangGridId: (await gridOf(xinzhuang.region_id!)).id,
    point: { longitude: source.longitude!, latitude: source.latitude! },
  };
}

/**
 * A new source in the grid `gridId` of `townId`, contracted to `providerId`, inserted straight into the
 * database (no audit row: scope-matrix fixtures must not write any).
 */
export async function insertSource(
  db: Kysely<DB>,
  place: { townId: string; gridId: string; providerId?: string },
  values: { status?: string; industryCode?: string; permitClass?: 'key' | 'simplified' | 'registration' | 'none' } = {},
): Promise<{ id: string; version: number }> {
  const grid = await db.selectFrom('regions').select('path').where('id', '=', place.gridId).executeTakeFirstOrThrow();
  const n = next();
  const row = await db
    .insertInto('sources')
    .values({
      name: `生命周期测试企业${n}-${Math.floor(Math.random() * 1e6)}有限公司`,
      uscc: makeUscc(),
      source_type: 'industrial',
      industry_code: values.industryCode ?? '3670',
      permit_class: values.permitClass ?? 'registration',
      lifecycle_status: values.status ?? 'operating',
      town_id: place.townId,
      grid_id: place.gridId,
      region_path: grid.path,
      address: `上海市闵行区测试路${n}号`,
      longitude: 121.45,
      latitude: 31.06,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  if (place.providerId) await db.insertInto('provider_sources').values({ provider_id: place.providerId, source_id: row.id }).execute();
  return row;
}

/** Puts a source into a status by hand (a fixture) and returns its version. */
export async function forceStatus(db: Kysely<DB>, sourceId: string, status: string): Promise<number> {
  await sql`update sources set lifecycle_status = ${status} where id = ${sourceId}`.execute(db);
  const row = await db.selectFrom('sources').select('version').where('id', '=', sourceId).executeTakeFirstOrThrow();
  return row.version;
}

export async function sourceVersion(db: Kysely<DB>, sourceId: string): Promise<number> {
  return (await db.selectFrom('sources').select('version').where('id', '=', sourceId).executeTakeFirstOrThrow()).version;
}

export async function auditCount(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
