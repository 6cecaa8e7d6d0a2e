/** Committing a batch: one transaction that re-validates, writes, and records the result; idempotent. */
import { sql, type Kysely } from 'kysely';
import type { CommitImport, ImportResult } from '../../../../common/contracts/ledgers';
import { writeAudit } from '../../../db/audit';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../db/scope';
import { AppError, staleVersion } from '../../../http/errors';
import { importNotFound, validateBatch } from './import';
import { assertMayImport, importInScope } from './org';
import type { RawRow } from './parse';
import { resultOf, type StoredReport } from './view';
import { createSources, mergeSource } from './writer';

const LISTED_ROWS = 10;

export type CommitResponse = ImportResult & { importId: string; replayed: boolean };

/**
 * all_or_nothing refuses (400, nothing written) when any row is invalid; valid_rows writes the
 * valid ones. Duplicates are merged or skipped as asked; an identical duplicate writes nothing.
 * A committed batch answers every later commit with its first result and changes nothing.
 */
export async function commitImport(db: Kysely<DB>, actor: Actor, id: string, input: CommitImport): Promise<CommitResponse> {
  const result = await commitInTransaction(db, actor, id, input);
  // Thousands of new rows change the planner's picture of `sources`; PGlite has no autovacuum to notice.
  if (!result.replayed && result.created + result.merged >= ANALYZE_AFTER_ROWS) await sql`analyze sources`.execute(db);
  return result;
}

const ANALYZE_AFTER_ROWS = 1000;

function commitInTransaction(db: Kysely<DB>, actor: Actor, id: string, input: CommitImport): Promise<CommitResponse> {
  return db.transaction().execute(async (trx) => {
    const batch = await trx.selectFrom('ledger_imports').selectAll().where('id', '=', id).where(importInScope(actor)).forUpdate().executeTakeFirst();
    if (!batch) throw importNotFound();
    assertMayImport(actor);
    const names = new Map([[actor.userId, actor.displayName]]);
    if (batch.status === 'committed') {
      const committer = await trx.selectFrom('users').select(['id', 'display_name']).where('id', '=', batch.committed_by!).executeTakeFirst();
      if (committer) names.set(committer.id, committer.display_name);
      return { importId: id, replayed: true, ...resultOf(batch, names)! };
    }
    if (batch.version !== input.version) throw staleVersion();

    const validation = await validateBatch(trx, actor, batch.cells as RawRow[], batch.headers as string[], batch.mapping as Record<string, number>);
    const { summary } = validation;
    if (input.mode === 'all_or_nothing' && summary.invalid > 0) {
      const invalidRows = validation.rows.filter((r) => r.status === 'invalid').map((r) => r.row);
      const listed = invalidRows.slice(0, LISTED_ROWS).join('、') + (invalidRows.length > LISTED_ROWS ? '…' : '');
      throw new AppError(
        400,
        'import_has_invalid_rows',
        `共 ${summary.rows} 行，其中 ${summary.invalid} 行不合格（第 ${listed} 行），按“全部导入或全不导入”未导入任何数据；请修正后重新上传，或选择“仅导入合格行”`,
        `${summary.invalid} of ${summary.rows} rows are invalid (rows ${listed.replace(/、/g, ', ')}); with "all or nothing" nothing was imported. Fix them and upload again, or choose "valid rows only"`,
        'mode',
      );
    }

    const created = await createSources(trx, actor, validation.creates);
    const merges = input.duplicates === 'merge' ? validation.merges : [];
    for (const plan of merges) await mergeSource(trx, actor, plan);
    const duplicates = summary.duplicate;
    const withChanges = summary.duplicateChanged;
    const counts = {
      created_count: created,
      merged_count: merges.length,
      unchanged_count: duplicates - withChanges,
      skipped_count: input.duplicates === 'skip' ? withChanges : 0,
      invalid_count: summary.invalid,
    };
    const committedAt = new Date();
    await trx
      .updateTable('ledger_imports')
      .set({
        ...counts,
        status: 'committed',
        commit_mode: input.mode,
        duplicates_mode: input.duplicates,
        committed_by: actor.userId,
        committed_at: committedAt,
        report: JSON.stringify({ summary, rows: validation.rows } satisfies StoredReport),
        version: batch.version + 1,
        updated_at: committedAt,
      })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, actor, {
      action: 'ledger_import.commit',
      entityType: 'ledger_import',
      entityId: id,
      after: { fileName: batch.file_name, sha256: batch.file_sha256, mode: input.mode, duplicates: input.duplicates, ...counts },
    });
    return {
      importId: id,
      replayed: false,
      ...resultOf({ ...batch, ...counts, status: 'committed', commit_mode: input.mode, duplicates_mode: input.duplicates, committed_at: committedAt, committed_by: actor.userId }, names)!,
    };
  });
}
