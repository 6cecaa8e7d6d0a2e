/**
 * The entry-screening negative list (准入负面清单). An entry applies to its region's subtree, or to the
 * whole platform when it has no region. Everyone reads the entries that apply inside their jurisdiction;
 * the administrator edits all, a bureau those of regions in its district. For anyone else an entry they
 * may not edit does not exist (404), as users.service does for users.
 */
import { sql, type ExpressionBuilder, type Kysely, type SqlBool, type Expression } from 'kysely';
import type { NegativeEntry, NegativeEntryInput, NegativeEntryUpdate } from '../../../common/contracts/lifecycle';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import { regionManageable, regionVisible, type Actor } from '../../db/scope';
import { AppError, invalidField, notFound } from '../../http/errors';
import { assertVersion, roleMayNot } from './access';
import { industryName } from './reference';

const EDITOR_ROLES = ['admin', 'bureau'];
const entryNotFound = () => notFound('Negative-list entry', '负面清单条目');

/** Entries that apply somewhere inside the actor's jurisdiction: platform-wide ones, and those at or above a visible region. */
function entryApplies(actor: Actor) {
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> =>
    eb.or([
      eb('negative_list_entries.region_id', 'is', null),
      eb.exists(
        eb
          .selectFrom('regions as entry_region')
          .innerJoin('regions as seen', (join) => join.on(sql<SqlBool>`seen.path like entry_region.path || '%'`))
          .select(sql`1`.as('one'))
          .whereRef('entry_region.id', '=', 'negative_list_entries.region_id')
          .where(regionVisible(actor, 'seen')),
      ),
    ]);
}

/** Entries the actor may change: all for the administrator; a bureau's those of regions it manages. */
function entryEditable(actor: Actor) {
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    if (actor.role === 'admin') return sql<SqlBool>`true`;
    if (actor.role !== 'bureau') return sql<SqlBool>`false`;
    return eb(
      'negative_list_entries.region_id',
      'in',
      eb.selectFrom('regions as managed').select('managed.id').where(regionVisible(actor, 'managed')).where(regionManageable(actor, 'managed')),
    );
  };
}

function baseQuery(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('negative_list_entries')
    .leftJoin('regions', 'regions.id', 'negative_list_entries.region_id')
    .selectAll('negative_list_entries')
    .select(['regions.name as region_name', (eb) => eb.and([entryEditable(actor)(eb)]).as('editable')])
    .where(entryApplies(actor));
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toEntry(r: Row): NegativeEntry {
  return {
    id: r.id,
    regionId: r.region_id,
    regionName: r.region_name,
    industryCodePrefix: r.industry_code_prefix,
    industryName: industryName(r.industry_code_prefix) ?? null,
    name: r.name,
    restriction: r.restriction,
    reason: r.reason,
    scopeNote: r.scope_note,
    active: r.active,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
    editable: Boolean(r.editable),
  };
}

export async function listNegativeEntries(db: Kysely<DB>, actor: Actor) {
  const rows = await baseQuery(db, actor).orderBy('negative_list_entries.industry_code_prefix').orderBy('negative_list_entries.created_at').execute();
  return { items: rows.map(toEntry), canCreate: EDITOR_ROLES.includes(actor.role) };
}

/** Active entries whose code prefix covers the industry and whose region covers the place (its path), for screening. */
export async function entriesHitting(db: Kysely<DB>, industryCode: string, placePaths: string[]) {
  const rows = await db
    .selectFrom('negative_list_entries')
    .leftJoin('regions', 'regions.id', 'negative_list_entries.region_id')
    .selectAll('negative_list_entries')
    .select(['regions.name as region_name', sql<boolean>`false`.as('editable')])
    .where('negative_list_entries.active', '=', true)
    .where(sql<SqlBool>`${industryCode} like negative_list_entries.industry_code_prefix || '%'`)
    .where((eb) =>
      eb.or([
        eb('negative_list_entries.region_id', 'is', null),
        ...placePaths.map((p) => sql<SqlBool>`${p} like regions.path || '%'`),
      ]),
    )
    .orderBy('negative_list_entries.restriction')
    .orderBy('negative_list_entries.industry_code_prefix')
    .execute();
  return rows.map(toEntry);
}

function assertPrefix(prefix: string): void {
  if (!industryName(prefix)) {
    throw invalidField('industryCodePrefix', `“${prefix}”不是 GB/T 4754-2017 的大类、中类或小类代码`, `"${prefix}" is not a GB/T 4754-2017 division, group or class code`);
  }
}

async function getEntry(db: Kysely<DB>, actor: Actor, id: string): Promise<NegativeEntry> {
  const row = await baseQuery(db, actor).where('negative_list_entries.id', '=', id).executeTakeFirst();
  if (!row) throw entryNotFound();
  return toEntry(row);
}

export async function createNegativeEntry(db: Kysely<DB>, actor: Actor, input: NegativeEntryInput): Promise<NegativeEntry> {
  if (!EDITOR_ROLES.includes(actor.role)) throw roleMayNot('只有系统管理员和区局可以维护负面清单', 'Only an administrator or the bureau may edit the negative list');
  const id = await db.transaction().execute(async (trx) => {
    if (input.regionId === null) {
      if (actor.role !== 'admin') throw roleMayNot('全平台条目只能由系统管理员维护，请选择本辖区', 'Only an administrator keeps platform-wide entries; choose your region', 'regionId');
    } else {
      const region = await trx.selectFrom('regions').select(['id', 'level']).where('id', '=', input.regionId).where(regionVisible(actor)).where(regionManageable(actor)).executeTakeFirst();
      if (!region) throw new AppError(404, 'not_found', '区域不存在或不在您的管辖范围内', 'Region not found or outside your jurisdiction', 'regionId');
      if (region.level === 'grid') throw invalidField('regionId', '负面清单适用于区、街镇或园区，不能设在网格', 'An entry applies to a district, town or park, not a grid');
    }
    assertPrefix(input.industryCodePrefix);
    const row = await trx
      .insertInto('negative_list_entries')
      .values({
        region_id: input.regionId,
        industry_code_prefix: input.industryCodePrefix,
        name: input.name,
        restriction: input.restriction,
        reason: input.reason,
        scope_note: input.scopeNote ?? null,
        active: input.active ?? true,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'negative_list.create', entityType: 'negative_list_entry', entityId: row.id, after: row });
    return row.id;
  });
  return getEntry(db, actor, id);
}

const COLUMNS = { industryCodePrefix: 'industry_code_prefix', name: 'name', restriction: 'restriction', reason: 'reason', scopeNote: 'scope_note', active: 'active' } as const;

async function lockEditable(db: Kysely<DB>, actor: Actor, id: string, version: number) {
  const editable = await db.selectFrom('negative_list_entries').select('id').where('id', '=', id).where(entryEditable(actor)).executeTakeFirst();
  if (!editable) throw entryNotFound();
  const current = await db.selectFrom('negative_list_entries').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  assertVersion(current.version, version);
  return current;
}

export async function updateNegativeEntry(db: Kysely<DB>, actor: Actor, id: string, input: NegativeEntryUpdate): Promise<NegativeEntry> {
  await db.transaction().execute(async (trx) => {
    const current = await lockEditable(trx, actor, id, input.version);
    if (input.industryCodePrefix !== undefined) assertPrefix(input.industryCodePrefix);
    const set: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(COLUMNS)) {
      const value = input[field as keyof typeof COLUMNS];
      if (value !== undefined && value !== current[column]) set[column] = value;
    }
    if (Object.keys(set).length === 0) return;
    await trx.updateTable('negative_list_entries').set({ ...set, version: current.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
    const before = Object.fromEntries(Object.keys(set).map((k) => [k, current[k as keyof typeof current]]));
    await writeAudit(trx, actor, { action: 'negative_list.update', entityType: 'negative_list_entry', entityId: id, before, after: set });
  });
  return getEntry(db, actor, id);
}

export async function deleteNegativeEntry(db: Kysely<DB>, actor: Actor, id: string, version: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await lockEditable(trx, actor, id, version);
    await trx.deleteFrom('negative_list_entries').where('id', '=', id).execute();
    await writeAudit(trx, actor, { action: 'negative_list.delete', entityType: 'negative_list_entry', entityId: id, before: current });
  });
}
