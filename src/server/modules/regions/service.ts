import type { Kysely } from 'kysely';
import type { CreateRegion, RegionNode } from '../../../common/contracts/regions';
import { writeAudit } from '../../db/audit';
import type { DB, Region } from '../../db/schema';
import { regionManageable, regionVisible, sourceInScope, type Actor } from '../../db/scope';
import { AppError, forbidden, invalidField, notFound, staleVersion } from '../../http/errors';

const REGION_ADMIN_ROLES = ['admin', 'bureau', 'town'];

/** The visible part of the region tree, each node with the number of in-scope sources below it. */
export async function regionTree(db: Kysely<DB>, actor: Actor): Promise<RegionNode[]> {
  const regions = await db.selectFrom('regions').selectAll().where(regionVisible(actor)).orderBy('path').execute();
  const manageable = new Set(
    (await db.selectFrom('regions').select('id').where(regionVisible(actor)).where(regionManageable(actor)).execute()).map((r) => r.id),
  );
  const counts = await sourceCountsByPath(db, actor);
  const nodes = new Map<string, RegionNode>();
  for (const r of regions) {
    nodes.set(r.id, {
      id: r.id,
      parentId: r.parent_id,
      level: r.level,
      kind: r.kind,
      name: r.name,
      sourceCount: counts.get(r.path) ?? 0,
      version: r.version,
      editable: manageable.has(r.id) && REGION_ADMIN_ROLES.includes(actor.role),
      children: [],
    });
  }
  const roots: RegionNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const order = (list: RegionNode[]) => {
    list.sort((a, b) => levelRank(a.level) - levelRank(b.level) || a.id.localeCompare(b.id));
    list.forEach((n) => order(n.children));
  };
  order(roots);
  return roots;
}

function levelRank(level: string): number {
  return ['district', 'town', 'park', 'grid'].indexOf(level);
}

/** Counts in-scope sources under every ancestor path of their grid and of their park. */
async function sourceCountsByPath(db: Kysely<DB>, actor: Actor): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('sources')
    .select(['region_path', 'park_path', (eb) => eb.fn.countAll<number>().as('n')])
    .where(sourceInScope(actor))
    .groupBy(['region_path', 'park_path'])
    .execute();
  const counts = new Map<string, number>();
  for (const row of rows) {
    const paths = new Set<string>();
    for (const full of [row.region_path, row.park_path]) {
      if (!full) continue;
      const parts = full.split('/').filter(Boolean);
      for (let i = 1; i <= parts.length; i++) paths.add('/' + parts.slice(0, i).join('/') + '/');
    }
    for (const p of paths) counts.set(p, (counts.get(p) ?? 0) + Number(row.n));
  }
  return counts;
}

async function findManageable(db: Kysely<DB>, actor: Actor, id: string): Promise<Region> {
  const region = await db.selectFrom('regions').selectAll().where('id', '=', id).where(regionVisible(actor)).executeTakeFirst();
  if (!region) throw notFound('Region', '区域');
  const manageable = await db.selectFrom('regions').select('id').where('id', '=', id).where(regionManageable(actor)).executeTakeFirst();
  if (!manageable || !REGION_ADMIN_ROLES.includes(actor.role)) throw forbidden();
  return region;
}

async function findNode(db: Kysely<DB>, actor: Actor, id: string): Promise<RegionNode> {
  const find = (list: RegionNode[]): RegionNode | undefined => {
    for (const n of list) {
      if (n.id === id) return n;
      const hit = find(n.children);
      if (hit) return hit;
    }
  };
  const node = find(await regionTree(db, actor));
  if (!node) throw notFound('Region', '区域');
  return node;
}

export async function createRegion(db: Kysely<DB>, actor: Actor, input: CreateRegion): Promise<RegionNode> {
  const id = await db.transaction().execute(async (trx) => {
    const parent = await findManageable(trx, actor, input.parentId);
    if (input.level === 'park' && (parent.level !== 'district' || !['admin', 'bureau'].includes(actor.role))) {
      throw invalidField('parentId', '园区只能由区级用户在区下新增', 'A park can only be added under the district, by a district user');
    }
    if (input.level === 'grid' && !['town', 'park'].includes(parent.level)) {
      throw invalidField('parentId', '网格只能建在街镇或园区下', 'A grid can only be added under a town or a park');
    }
    const sibling = await trx.selectFrom('regions').select('id').where('parent_id', '=', parent.id).where('name', '=', input.name).executeTakeFirst();
    if (sibling) throw new AppError(409, 'name_taken', `同级已有名为「${input.name}」的区域`, `A sibling region is already named "${input.name}"`, 'name');
    // Local codes extend the parent's code: P01… for parks, G01… for grids.
    const letter = input.level === 'park' ? 'P' : 'G';
    const taken = await trx.selectFrom('regions').select('id').where('id', 'like', `${parent.id}${letter}%`).execute();
    let n = taken.length + 1;
    const ids = new Set(taken.map((r) => r.id));
    while (ids.has(`${parent.id}${letter}${String(n).padStart(2, '0')}`)) n++;
    const newId = `${parent.id}${letter}${String(n).padStart(2, '0')}`;
    const values = {
      id: newId,
      parent_id: parent.id,
      level: input.level,
      kind: input.level === 'park' ? 'park' : 'plot',
      name: input.name,
      path: `${parent.path}${newId}/`,
    };
    await trx.insertInto('regions').values(values).execute();
    await writeAudit(trx, actor, { action: 'region.create', entityType: 'region', entityId: newId, after: values });
    return newId;
  });
  return findNode(db, actor, id);
}

export async function renameRegion(db: Kysely<DB>, actor: Actor, id: string, input: { version: number; name: string }): Promise<RegionNode> {
  await db.transaction().execute(async (trx) => {
    const region = await findManageable(trx, actor, id);
    if (actor.role === 'town' && region.id === actor.regionId) throw forbidden();
    const current = await trx.selectFrom('regions').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (current.version !== input.version) throw staleVersion();
    await trx.updateTable('regions').set({ name: input.name, version: current.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
    await writeAudit(trx, actor, { action: 'region.rename', entityType: 'region', entityId: id, before: { name: current.name }, after: { name: input.name } });
  });
  return findNode(db, actor, id);
}
