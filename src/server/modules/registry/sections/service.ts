/**
 * Create, update and delete of any section's rows, driven by the section's spec: one implementation
 * for all twelve. Every change runs in one transaction with one audit row whose before/after carry
 * source_id, so the source's change history finds it.
 */
import type { Kysely, Transaction } from 'kysely';
import type { SectionKey } from '../../../../common/contracts/dossier';
import { SECTIONS } from '../../../../common/dossier-sections';
import { sectionRowError } from '../../../../common/dossier-rules';
import { writeAudit } from '../../../db/audit';
import type { DB } from '../../../db/schema';
import { sourceInScope, type Actor } from '../../../db/scope';
import { AppError, invalidField, staleVersion } from '../../../http/errors';
import { assertMayEditDossier, inTransaction, lockSourceInScope } from '../access';
import { auditImage, camelToSnake, toApiRow, toColumns, untyped } from './rows';
import { SECTION_SPECS, rowNotFound, type ApiRow, type CheckContext, type SectionSpec } from './specs';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A unique index caught a concurrent insert the pre-check could not see. */
function duplicateFromDatabase(error: unknown): never {
  if ((error as { code?: string })?.code === '23505') {
    throw new AppError(409, 'duplicate', '该记录与已有记录重复', 'This row duplicates an existing one');
  }
  throw error;
}

async function validateRow(spec: SectionSpec, row: ApiRow, ctx: CheckContext, excludeId: string | null): Promise<void> {
  const rule = sectionRowError(spec.key, row);
  if (rule) throw invalidField(rule.field, rule.zh, rule.en);
  for (const [field, target] of Object.entries(spec.links)) {
    const id = row[field];
    if (id === null || id === undefined) continue;
    const targetSpec = SECTION_SPECS[target];
    const found = await untyped(ctx.trx).selectFrom(targetSpec.table).select('id').where('id', '=', id).where('source_id', '=', ctx.sourceId).executeTakeFirst();
    if (!found) {
      throw invalidField(field, `所选${targetSpec.label.zh}不存在或不属于该污染源`, `The ${targetSpec.label.en.toLowerCase()} row does not exist or belongs to another source`);
    }
  }
  await spec.check?.(row, ctx);
  for (const unique of spec.unique) {
    let q = untyped(ctx.trx).selectFrom(spec.table).select('id');
    for (const field of unique.fields) q = q.where(camelToSnake(field), '=', row[field]);
    if (!unique.global) q = q.where('source_id', '=', ctx.sourceId);
    if (excludeId) q = q.where('id', '<>', excludeId);
    if (await q.executeTakeFirst()) {
      const { zh, en } = unique.message(row);
      throw new AppError(409, unique.code, zh, en, unique.field ?? unique.fields[0]);
    }
  }
}

export async function createSectionRow(db: Kysely<DB>, actor: Actor, key: SectionKey, sourceId: string, input: ApiRow): Promise<ApiRow> {
  const spec = SECTION_SPECS[key];
  return inTransaction(db, async (trx) => {
    const source = await lockSourceInScope(trx, actor, sourceId);
    assertMayEditDossier(actor);
    await validateRow(spec, input, { trx, sourceId, regionPath: source.region_path }, null);
    const values = { source_id: sourceId, ...toColumns(spec, input), ...toColumns(spec, spec.derive?.(input) ?? {}) };
    const stored: Record<string, unknown> = await untyped(trx).insertInto(spec.table).values(values).returningAll().executeTakeFirstOrThrow().catch(duplicateFromDatabase);
    await writeAudit(trx, actor, { action: `${spec.entity}.create`, entityType: spec.entity, entityId: String(stored.id), after: auditImage(stored) });
    return toApiRow(spec, stored);
  });
}

/** The row, if its source is in the actor's jurisdiction, locked; with its source's region path. */
async function lockRowInScope(trx: Transaction<DB>, actor: Actor, spec: SectionSpec, rowId: string) {
  const visible: { source_id: string; region_path: string } | undefined = await untyped(trx)
    .selectFrom(`${spec.table} as r`)
    .innerJoin('sources', 'sources.id', 'r.source_id')
    .select(['r.source_id', 'sources.region_path'])
    .where('r.id', '=', rowId)
    .where(sourceInScope(actor))
    .executeTakeFirst();
  if (!visible) throw rowNotFound(spec);
  const stored: Record<string, unknown> = await untyped(trx).selectFrom(spec.table).selectAll().where('id', '=', rowId).forUpdate().executeTakeFirstOrThrow();
  return { stored, sourceId: visible.source_id, regionPath: visible.region_path };
}

export async function updateSectionRow(db: Kysely<DB>, actor: Actor, key: SectionKey, rowId: string, input: ApiRow & { version: number }): Promise<ApiRow> {
  const spec = SECTION_SPECS[key];
  return inTransaction(db, async (trx) => {
    const { stored, sourceId, regionPath } = await lockRowInScope(trx, actor, spec, rowId);
    assertMayEditDossier(actor);
    if (stored.version !== input.version) throw staleVersion();
    const { version: _version, ...changes } = input;
    const current = toApiRow(spec, stored);
    const changed = Object.keys(changes).filter((k) => changes[k] !== undefined && !same(changes[k], current[k]));
    if (changed.length === 0) return current;
    const merged: ApiRow = { ...current, ...changes };
    await validateRow(spec, merged, { trx, sourceId, regionPath }, rowId);
    const set = { ...toColumns(spec, Object.fromEntries(changed.map((k) => [k, merged[k]]))), ...toColumns(spec, spec.derive?.(merged) ?? {}) };
    const updated: Record<string, unknown> = await untyped(trx)
      .updateTable(spec.table)
      .set({ ...set, version: (stored.version as number) + 1, updated_at: new Date() })
      .where('id', '=', rowId)
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch(duplicateFromDatabase);
    const columns = Object.keys(set);
    const image = (row: Record<string, unknown>) => ({ source_id: sourceId, ...Object.fromEntries(columns.map((c) => [c, row[c]])) });
    await writeAudit(trx, actor, { action: `${spec.entity}.update`, entityType: spec.entity, entityId: rowId, before: image(stored), after: image(updated) });
    return toApiRow(spec, updated);
  });
}

export async function deleteSectionRow(db: Kysely<DB>, actor: Actor, key: SectionKey, rowId: string, version: number): Promise<void> {
  const spec = SECTION_SPECS[key];
  await inTransaction(db, async (trx) => {
    const { stored } = await lockRowInScope(trx, actor, spec, rowId);
    assertMayEditDossier(actor);
    if (stored.version !== version) throw staleVersion();
    for (const dependent of spec.dependents) {
      const table = SECTION_SPECS[dependent.section].table;
      const { n }: { n: number } = await untyped(trx).selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where(camelToSnake(dependent.field), '=', rowId).executeTakeFirstOrThrow();
      if (Number(n) > 0) {
        const label = SECTIONS[dependent.section].label;
        throw new AppError(409, 'row_in_use', `仍有 ${n} 条${label.zh}引用该记录，请先删除或改为其他记录`, `${n} ${label.en.toLowerCase()} row(s) still refer to this row; delete or re-point them first`);
      }
    }
    await untyped(trx).deleteFrom(spec.table).where('id', '=', rowId).execute();
    await writeAudit(trx, actor, { action: `${spec.entity}.delete`, entityType: spec.entity, entityId: rowId, before: auditImage(stored) });
  });
}
