/**
 * Assigning inspections (派检): one at a time or in bulk, to an inspector of a provider contracted
 * for the source, or to the staff of a town/bureau whose region holds the source.
 */
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Assignee, BulkAssign, InspectionSummary, InspectionUpdate } from '../../../common/contracts/inspections';
import { writeAuditBatch } from '../../db/audit';
import type { DB } from '../../db/schema';
import { scopeOf, sourceInScope, type Actor } from '../../db/scope';
import { AppError, invalidField, staleVersion } from '../../http/errors';
import { PLAN_ROLES, getSummary, inspectionNotFound } from './queries';

function assertMayAssign(actor: Actor): void {
  if (!PLAN_ROLES.includes(actor.role)) throw new AppError(403, 'forbidden', '您的角色不能分派检查', 'Your role may not assign inspections');
}

/** Users who may carry out an inspection of `sourceId` (null: of any source in the actor's jurisdiction). */
function eligibleUsers(db: Kysely<DB>, actor: Actor, sourceId: string | null) {
  const scope = scopeOf(actor);
  return db
    .selectFrom('users')
    .select(['users.id', 'users.display_name', 'users.role', 'users.provider_id'])
    .where('users.disabled', '=', false)
    .where((eb) => {
      const sourcesQ = () => {
        let q = eb.selectFrom('sources').innerJoin('provider_sources', 'provider_sources.source_id', 'sources.id').select('provider_sources.provider_id').where(sourceInScope(actor));
        if (sourceId) q = q.where('sources.id', '=', sourceId);
        return q;
      };
      const provider = eb.and([
        eb('users.role', 'in', ['inspector', 'provider_manager']),
        scope.kind === 'provider' ? eb('users.provider_id', '=', scope.providerId) : eb('users.provider_id', 'in', sourcesQ()),
        ...(scope.kind === 'provider' ? [eb('users.provider_id', 'in', sourcesQ())] : []),
      ]);
      if (scope.kind === 'provider') return provider;
      const staffRegion = eb.exists(
        eb
          .selectFrom('regions as staff_region')
          .innerJoin('sources as staff_source', (join) =>
            join.on(sql<SqlBool>`(staff_source.region_path like staff_region.path || '%' or staff_source.park_path like staff_region.path || '%')`),
          )
          .select(sql`1`.as('one'))
          .whereRef('staff_region.id', '=', 'users.region_id')
          .where(sourceInScope(actor, 'staff_source'))
          .where((inner) => (sourceId ? inner('staff_source.id', '=', sourceId) : sql<SqlBool>`true`)),
      );
      return eb.or([provider, eb.and([eb('users.role', 'in', ['town', 'bureau']), staffRegion])]);
    });
}

export async function listAssignees(db: Kysely<DB>, actor: Actor, sourceId: string | undefined): Promise<{ items: Assignee[] }> {
  if (sourceId) {
    const visible = await db.selectFrom('sources').select('id').where('id', '=', sourceId).where(sourceInScope(actor)).executeTakeFirst();
    if (!visible) throw new AppError(404, 'not_found', '污染源不存在或不在您的管辖范围内', 'Source not found or outside your jurisdiction', 'sourceId');
  }
  const rows = await eligibleUsers(db, actor, sourceId ?? null).orderBy('users.role').orderBy('users.display_name').limit(500).execute();
  return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role, providerId: r.provider_id })) };
}

async function assertEligible(trx: Transaction<DB>, actor: Actor, inspectorId: string, sourceId: string, field: string): Promise<void> {
  const ok = await eligibleUsers(trx, actor, sourceId).where('users.id', '=', inspectorId).executeTakeFirst();
  if (!ok) {
    throw invalidField(field, '该人员不能检查此污染源（须为合同服务机构的检查员，或属地街镇/区局人员）', 'This person may not inspect the source (an inspector of a contracted provider, or staff of the town/bureau holding it)');
  }
}

async function lockForAssign(trx: Transaction<DB>, actor: Actor, id: string) {
  const row = await trx
    .selectFrom('inspections')
    .innerJoin('sources', 'sources.id', 'inspections.source_id')
    .selectAll('inspections')
    .where('inspections.id', '=', id)
    .where(sourceInScope(actor))
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw inspectionNotFound();
  return row;
}

export async function updateInspection(db: Kysely<DB>, actor: Actor, id: string, input: InspectionUpdate): Promise<InspectionSummary> {
  await db.transaction().execute(async (trx) => {
    const current = await lockForAssign(trx, actor, id);
    assertMayAssign(actor);
    if (current.version !== input.version) throw staleVersion();
    if (current.status !== 'planned' && current.status !== 'in_progress') {
      throw new AppError(409, 'inspection_closed', '检查已提交或已取消，不能再分派或改期', 'The inspection is submitted or cancelled: it can no longer be assigned or rescheduled', 'status');
    }
    const set: { inspector_id?: string | null; scheduled_on?: string } = {};
    if (input.inspectorId !== undefined && input.inspectorId !== current.inspector_id) {
      if (input.inspectorId) await assertEligible(trx, actor, input.inspectorId, current.source_id, 'inspectorId');
      set.inspector_id = input.inspectorId;
    }
    if (input.scheduledOn !== undefined && input.scheduledOn !== current.scheduled_on) set.scheduled_on = input.scheduledOn;
    if (Object.keys(set).length === 0) return;
    await trx.updateTable('inspections').set({ ...set, version: current.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
    await writeAuditBatch(trx, actor, [
      { action: 'inspection.assign', entityType: 'inspection', entityId: id, before: { inspector_id: current.inspector_id, scheduled_on: current.scheduled_on }, after: set },
    ]);
  });
  return getSummary(db, actor, id);
}

export async function bulkAssign(db: Kysely<DB>, actor: Actor, input: BulkAssign): Promise<{ updated: number }> {
  assertMayAssign(actor);
  const ids = input.inspections.map((i) => i.id);
  if (new Set(ids).size !== ids.length) throw invalidField('inspections', '检查重复', 'An inspection is listed twice');
  return db.transaction().execute(async (trx) => {
    const entries = [];
    for (const [i, want] of input.inspections.entries()) {
      const current = await lockForAssign(trx, actor, want.id);
      if (current.version !== want.version) throw staleVersion();
      if (current.status !== 'planned' && current.status !== 'in_progress') {
        throw new AppError(409, 'inspection_closed', '检查已提交或已取消，不能再分派', 'The inspection is submitted or cancelled: it can no longer be assigned', `inspections.${i}.id`);
      }
      if (current.inspector_id === input.inspectorId) continue;
      await assertEligible(trx, actor, input.inspectorId, current.source_id, 'inspectorId');
      await trx.updateTable('inspections').set({ inspector_id: input.inspectorId, version: current.version + 1, updated_at: new Date() }).where('id', '=', want.id).execute();
      entries.push({ action: 'inspection.assign', entityType: 'inspection', entityId: want.id, before: { inspector_id: current.inspector_id }, after: { inspector_id: input.inspectorId } });
    }
    await writeAuditBatch(trx, actor, entries);
    return { updated: entries.length };
  });
}
