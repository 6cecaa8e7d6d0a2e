/**
 * Writes of a committed ledger, inside the commit's transaction, with the audit rows the dossier
 * writes for the same change by hand (source.create / source.update, `source_id` in before/after,
 * column names as keys), so the change history shows imported changes like any other.
 *
 * Not through the dossier's createSource/updateSourceBasics one row at a time: those re-run per row
 * the checks this importer has just made for the whole file, about 5.6 ms of CPU a row on PGlite
 * (56 s for a 10,000-row ledger, against the 30 s the issue allows). Inserts go in chunks, and so
 * do their audit rows (one per source, appended by writeAuditBatch).
 */
import type { Transaction } from 'kysely';
import { writeAudit, writeAuditBatch } from '../../../db/audit';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../db/scope';
import { AppError } from '../../../http/errors';
import type { CreatePlan, MergePlan } from './validate';

const INSERT_CHUNK = 500;

const changedMeanwhile = (row: number) =>
  new AppError(
    409,
    'stale_version',
    `第 ${row} 行的污染源在校验后被他人新建或修改；未导入任何数据，请重新校验后提交`,
    `The source of row ${row} was created or changed by someone else after validation; nothing was imported, validate again and commit`,
    'version',
  );

/** Inserts the new sources in chunks, then one `source.create` audit row for each. */
export async function createSources(trx: Transaction<DB>, actor: Actor, plans: CreatePlan[]): Promise<number> {
  for (let i = 0; i < plans.length; i += INSERT_CHUNK) {
    const chunk = plans.slice(i, i + INSERT_CHUNK);
    const inserted = await trx
      .insertInto('sources')
      .values(chunk.map((p) => p.values))
      .onConflict((oc) => oc.column('uscc').doNothing())
      .returning(['id', 'uscc'])
      .execute();
    const idOf = new Map(inserted.map((r) => [r.uscc, r.id]));
    // A USCC registered by another transaction since validation: nothing may be half-imported.
    const lost = chunk.find((p) => !idOf.has(p.values.uscc));
    if (lost) throw changedMeanwhile(lost.row);
    await writeAuditBatch(
      trx,
      actor,
      chunk.map((plan) => {
        const id = idOf.get(plan.values.uscc)!;
        return { action: 'source.create', entityType: 'source', entityId: id, after: { source_id: id, ...plan.values } };
      }),
    );
  }
  return plans.length;
}

/** Applies one merge at the version validated; a source edited meanwhile aborts the whole commit. */
export async function mergeSource(trx: Transaction<DB>, actor: Actor, plan: MergePlan): Promise<void> {
  const result = await trx
    .updateTable('sources')
    .set({ ...plan.set, version: plan.version + 1, updated_at: new Date() })
    .where('id', '=', plan.sourceId)
    .where('version', '=', plan.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw changedMeanwhile(plan.row);
  await writeAudit(trx, actor, {
    action: 'source.update',
    entityType: 'source',
    entityId: plan.sourceId,
    before: { source_id: plan.sourceId, ...plan.before },
    after: { source_id: plan.sourceId, ...plan.set },
  });
}
