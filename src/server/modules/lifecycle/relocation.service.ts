/**
 * Relocation (搬迁): the same source row moves to a new grid/town/park, so every record attached to its
 * id (documents, sections, issues, history) moves with it. The old site is kept in source_relocations.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Lifecycle, RelocateRequest } from '../../../common/contracts/lifecycle';
import { LIFECYCLE_STATUS, RELOCATION_OUTCOMES, RELOCATION_ROLES, type LifecycleStatus } from '../../../common/lifecycle';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import { regionVisible, type Actor } from '../../db/scope';
import { assertInsideDistrict, districtCodeOf } from '../registry';
import { AppError, invalidField } from '../../http/errors';
import { actorName, assertVersion, effectiveDateFor, lockSource, roleMayNot } from './access';
import { getLifecycle } from './queries';
import { invalidTransition } from './transitions.service';

export const regionNotFound = (field: string) =>
  new AppError(404, 'not_found', '区域不存在或不在您的管辖范围内', 'Region not found or outside your jurisdiction', field);

export interface Place {
  townId: string;
  parkId: string | null;
  gridId: string;
  regionPath: string;
  parkPath: string | null;
}

/**
 * The new place: a grid under a town (the town follows from it), an optional park of the same district.
 * It must lie in the actor's jurisdiction: its grid, or its park, visible to the actor (404 otherwise).
 */
export async function resolveNewPlace(trx: Transaction<DB>, actor: Actor, input: { townId?: string; parkId?: string | null; gridId: string }): Promise<Place> {
  const region = (id: string) =>
    trx
      .selectFrom('regions')
      .select(['id', 'level', 'path', 'parent_id', (eb) => eb.exists(eb.selectFrom('regions as v').select('v.id').whereRef('v.id', '=', 'regions.id').where(regionVisible(actor, 'v'))).as('visible')])
      .where('id', '=', id)
      .executeTakeFirst();
  const grid = await region(input.gridId);
  if (!grid) throw regionNotFound('gridId');
  const park = input.parkId ? await region(input.parkId) : undefined;
  if (input.parkId && !park) throw regionNotFound('parkId');
  if (!grid.visible && !park?.visible) throw regionNotFound(park ? 'parkId' : 'gridId');
  if (grid.level !== 'grid') throw invalidField('gridId', '请选择村居网格（gridId 须为网格）', 'gridId must be a grid (village or community)');
  const town = grid.parent_id ? await region(grid.parent_id) : undefined;
  if (!town || town.level !== 'town') {
    throw invalidField('gridId', '请选择街镇下的村居网格；园区请在 parkId 中指定', 'Choose a village or community of a town; give a park as parkId');
  }
  if (input.townId && input.townId !== town.id) {
    throw invalidField('townId', `网格 ${grid.id} 不属于街镇 ${input.townId}`, `Grid ${grid.id} is not in town ${input.townId}`);
  }
  if (park && park.level !== 'park') throw invalidField('parkId', 'parkId 须为园区', 'parkId must be a park');
  if (park && districtCodeOf(park.path) !== districtCodeOf(grid.path)) {
    throw invalidField('parkId', '园区与网格不在同一个区', 'The park and the grid are in different districts');
  }
  return { townId: town.id, parkId: park?.id ?? null, gridId: grid.id, regionPath: grid.path, parkPath: park?.path ?? null };
}

export async function relocate(db: Kysely<DB>, actor: Actor, sourceId: string, input: RelocateRequest): Promise<Lifecycle> {
  await db.transaction().execute(async (trx) => {
    const source = await lockSource(trx, actor, sourceId);
    if (!RELOCATION_ROLES.includes(actor.role)) {
      throw roleMayNot('只有区局、街镇/园区和系统管理员可以登记搬迁', 'Only the bureau, a town/park office or an administrator may relocate a source');
    }
    assertVersion(source.version, input.version);
    const from = source.lifecycle_status as LifecycleStatus;
    const outcomes = RELOCATION_OUTCOMES[from];
    if (!outcomes) {
      throw invalidTransition(from, input.nextStatus ?? 'relocating', {
        zh: `「${LIFECYCLE_STATUS.labels[from].zh}」状态的污染源须先变更为「搬迁」才能登记新址`,
        en: `a source in "${LIFECYCLE_STATUS.labels[from].en}" must first go to "Relocating"`,
      });
    }
    const to = input.nextStatus ?? outcomes[0];
    if (!outcomes.includes(to)) {
      const allowed = outcomes.map((s) => LIFECYCLE_STATUS.labels[s]);
      throw invalidField(
        'nextStatus',
        `搬迁后状态只能为：${allowed.map((l) => l.zh).join('、')}`,
        `After this relocation the status can only be: ${allowed.map((l) => l.en).join(', ')}`,
      );
    }
    const place = await resolveNewPlace(trx, actor, input);
    assertInsideDistrict(place.regionPath, input.longitude, input.latitude);
    const unchanged =
      place.gridId === source.grid_id && place.parkId === source.park_id && input.address === source.address &&
      input.longitude === source.longitude && input.latitude === source.latitude;
    if (unchanged) throw invalidField('gridId', '新址与现址相同', 'The new site is the same as the current one');
    const effectiveDate = await effectiveDateFor(trx, sourceId, input.effectiveDate);

    const before = {
      town_id: source.town_id, park_id: source.park_id, grid_id: source.grid_id, region_path: source.region_path, park_path: source.park_path,
      address: source.address, longitude: source.longitude, latitude: source.latitude, lifecycle_status: from,
    };
    const after = {
      town_id: place.townId, park_id: place.parkId, grid_id: place.gridId, region_path: place.regionPath, park_path: place.parkPath,
      address: input.address, longitude: input.longitude, latitude: input.latitude, lifecycle_status: to,
    };
    const version = source.version + 1;
    await trx.updateTable('sources').set({ ...after, version, updated_at: new Date() }).where('id', '=', sourceId).execute();
    const moved = await trx
      .insertInto('source_relocations')
      .values({
        source_id: sourceId,
        from_town_id: source.town_id, from_park_id: source.park_id, from_grid_id: source.grid_id,
        from_address: source.address, from_longitude: source.longitude, from_latitude: source.latitude,
        to_town_id: place.townId, to_park_id: place.parkId, to_grid_id: place.gridId,
        to_address: input.address, to_longitude: input.longitude, to_latitude: input.latitude,
        reason: input.reason, effective_date: effectiveDate, actor_id: actor.userId, actor_name: actorName(actor),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('source_status_history')
      .values({
        source_id: sourceId, kind: 'relocation', from_status: from, to_status: to, reason: input.reason, effective_date: effectiveDate,
        details: JSON.stringify({ relocationId: moved.id }), actor_id: actor.userId, actor_name: actorName(actor),
      })
      .execute();
    await writeAudit(trx, actor, {
      action: 'source.relocate',
      entityType: 'source',
      entityId: sourceId,
      before: { source_id: sourceId, ...before, version: source.version },
      after: { source_id: sourceId, ...after, version, reason: input.reason, effective_date: effectiveDate, relocation_id: moved.id },
    });
  });
  return getLifecycle(db, actor, sourceId);
}
