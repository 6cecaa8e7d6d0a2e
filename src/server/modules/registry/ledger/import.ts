/** Import batches: upload (parse, map, validate, store), re-map, read the report, list. */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  LEDGER_FIELD_KEYS,
  type ImportReport,
  type LedgerImport,
  type LedgerMapping,
  type UpdateMapping,
} from '../../../../common/contracts/ledgers';
import { writeAudit } from '../../../db/audit';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../db/scope';
import { AppError, invalidField, notFound, staleVersion } from '../../../http/errors';
import { loadContext } from './context';
import { autoMapping, candidateHashes, chooseHeader } from './headers';
import { assertMayImport, importInScope, orgKeyOf } from './org';
import { assertRowCount, readWorkbook, type RawRow } from './parse';
import { validateRows } from './validate';
import { batchView, compactMapping, selectBatchHead, type StoredReport } from './view';
import { assertReadableXlsx } from './xlsx-guard';

export const importNotFound = () => notFound('Import', '导入批次');

/** Validates rows under a mapping against the database as it is now. */
export async function validateBatch(db: Kysely<DB>, actor: Actor, cells: RawRow[], headers: string[], mapping: LedgerMapping) {
  const index = mapping.uscc;
  const usccs = index === undefined || index === null ? [] : cells.map((r) => (r.c[index] ?? '').normalize('NFKC').replace(/[\s-]/g, '').toUpperCase()).filter(Boolean);
  return validateRows(cells, headers, mapping, await loadContext(db, actor, usccs));
}

function storedReport(v: ReturnType<typeof validateRows>): string {
  return JSON.stringify({ summary: v.summary, rows: v.rows } satisfies StoredReport);
}

function fileNameOf(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop()!.trim().slice(0, 200);
  return base || 'ledger.xlsx';
}

async function findBatch(db: Kysely<DB>, actor: Actor, id: string) {
  const batch = await selectBatchHead(db).where('id', '=', id).where(importInScope(actor)).executeTakeFirst();
  if (!batch) throw importNotFound();
  return batch;
}

/**
 * Stores an uploaded ledger as a staged batch with its validation report. The same file (by
 * SHA-256) uploaded again by the same organisation is the same batch: nothing new is stored.
 */
export async function uploadLedger(db: Kysely<DB>, actor: Actor, file: { name?: string; data: Buffer }): Promise<{ created: boolean; view: LedgerImport }> {
  assertMayImport(actor);
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  const orgKey = orgKeyOf(actor);
  const known = await selectBatchHead(db).where('org_key', '=', orgKey).where('file_sha256', '=', sha256).executeTakeFirst();
  if (known) return { created: false, view: await batchView(db, known) };

  assertReadableXlsx(file.data);
  const sheets = await readWorkbook(file.data);
  const rememberedRows = await db
    .selectFrom('ledger_column_mappings')
    .select(['header_hash', 'mapping'])
    .where('org_key', '=', orgKey)
    .where('header_hash', 'in', candidateHashes(sheets))
    .execute();
  const remembered = new Map(rememberedRows.map((r) => [r.header_hash, r.mapping as LedgerMapping]));
  const header = chooseHeader(sheets, new Set(remembered.keys()));
  if (!header) throw new AppError(400, 'no_header_row', '未找到表头行：请使用下载的模板，表头放在数据上方的一行中', 'No header row found: use the template, with the headers in one row above the data', 'file');
  const cells = header.sheet.rows.slice(header.index + 1).map((r) => (r.c.length > header.headers.length ? { ...r, c: r.c.slice(0, header.headers.length) } : r));
  assertRowCount(cells.length);
  const rememberedMapping = remembered.get(header.hash);
  const mapping = rememberedMapping && fitsHeaders(rememberedMapping, header.headers.length) ? rememberedMapping : autoMapping(header.headers);
  const validation = await validateBatch(db, actor, cells, header.headers, mapping);

  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('ledger_imports')
      .values({
        org_key: orgKey,
        file_name: fileNameOf(file.name),
        file_sha256: sha256,
        file_size: file.data.length,
        sheet_name: header.sheet.name,
        header_row: header.sheet.rows[header.index].r,
        headers: JSON.stringify(header.headers),
        header_hash: header.hash,
        mapping: JSON.stringify(compactMapping(mapping)),
        mapping_source: rememberedMapping === mapping ? 'remembered' : 'auto',
        cells: JSON.stringify(cells),
        row_count: cells.length,
        report: storedReport(validation),
        created_by: actor.userId,
      })
      // Two colleagues uploading the same file at once: the second finds the first's batch.
      .onConflict((oc) => oc.columns(['org_key', 'file_sha256']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return null;
    await writeAudit(trx, actor, {
      action: 'ledger_import.upload',
      entityType: 'ledger_import',
      entityId: row.id,
      after: { fileName: fileNameOf(file.name), sha256, rows: cells.length, summary: validation.summary },
    });
    return row.id;
  });
  const batch = await selectBatchHead(db).where('org_key', '=', orgKey).where('file_sha256', '=', sha256).executeTakeFirstOrThrow();
  return { created: id !== null, view: await batchView(db, batch) };
}

function fitsHeaders(mapping: LedgerMapping, width: number): boolean {
  return Object.values(mapping).every((v) => v === null || v === undefined || v < width);
}

/** Re-validates a staged batch with the user's column mapping, and remembers it for the organisation when asked. */
export async function updateMapping(db: Kysely<DB>, actor: Actor, id: string, input: UpdateMapping): Promise<LedgerImport> {
  const head = await findBatch(db, actor, id);
  assertMayImport(actor);
  if (head.status === 'committed') throw new AppError(409, 'import_committed', '该批次已提交，不能再修改列对应关系', 'This batch has been committed; its mapping can no longer change', 'mapping');
  const headers = head.headers as string[];
  const mapping = compactMapping(input.mapping) as LedgerMapping;
  const owner = new Map<number, string>();
  for (const field of LEDGER_FIELD_KEYS) {
    const index = mapping[field];
    if (index === undefined || index === null) continue;
    if (index >= headers.length) throw invalidField(`mapping.${field}`, `第 ${index + 1} 列不存在（共 ${headers.length} 列）`, `Column ${index + 1} does not exist (there are ${headers.length})`);
    const other = owner.get(index);
    if (other) throw invalidField(`mapping.${field}`, `列“${headers[index]}”已对应到其他字段（${other}）`, `Column "${headers[index]}" is already mapped to ${other}`);
    owner.set(index, field);
  }
  const cellsRow = await db.selectFrom('ledger_imports').select('cells').where('id', '=', id).executeTakeFirstOrThrow();
  const validation = await validateBatch(db, actor, cellsRow.cells as RawRow[], headers, mapping);
  await db.transaction().execute(async (trx) => {
    const locked = await trx.selectFrom('ledger_imports').select(['version', 'status']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (locked.version !== input.version) throw staleVersion();
    if (locked.status === 'committed') throw new AppError(409, 'import_committed', '该批次已提交，不能再修改列对应关系', 'This batch has been committed; its mapping can no longer change', 'mapping');
    await trx
      .updateTable('ledger_imports')
      .set({ mapping: JSON.stringify(mapping), mapping_source: 'user', report: storedReport(validation), version: locked.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    if (input.remember) {
      await trx
        .insertInto('ledger_column_mappings')
        .values({ org_key: head.org_key, header_hash: head.header_hash, headers: JSON.stringify(headers), mapping: JSON.stringify(mapping), updated_by: actor.userId })
        .onConflict((oc) =>
          oc.columns(['org_key', 'header_hash']).doUpdateSet((eb) => ({
            mapping: eb.ref('excluded.mapping'),
            headers: eb.ref('excluded.headers'),
            updated_by: eb.ref('excluded.updated_by'),
            version: eb(eb.ref('ledger_column_mappings.version'), '+', 1),
            updated_at: new Date(),
          })),
        )
        .execute();
    }
    await writeAudit(trx, actor, {
      action: 'ledger_import.map',
      entityType: 'ledger_import',
      entityId: id,
      before: { mapping: head.mapping },
      after: { mapping, remembered: input.remember, summary: validation.summary },
    });
  });
  return batchView(db, await findBatch(db, actor, id));
}

/** The batch with its report rows, optionally only those of one status, a page at a time. */
export async function getReport(db: Kysely<DB>, actor: Actor, id: string, query: { status?: string; page: number; pageSize: number }): Promise<ImportReport> {
  const head = await findBatch(db, actor, id);
  const { report } = await db.selectFrom('ledger_imports').select('report').where('id', '=', id).executeTakeFirstOrThrow();
  const rows = (report as StoredReport).rows.filter((r) => {
    switch (query.status) {
      case undefined:
        return true;
      case 'warned':
        return r.warnings.length > 0;
      case 'changed':
        return r.status === 'duplicate' && r.changes.length > 0;
      default:
        return r.status === query.status;
    }
  });
  const start = (query.page - 1) * query.pageSize;
  return { ...(await batchView(db, head)), rows: rows.slice(start, start + query.pageSize), rowsTotal: rows.length };
}

/** The organisation's recent batches, newest first. */
export async function listImports(db: Kysely<DB>, actor: Actor) {
  assertMayImport(actor);
  const heads = await selectBatchHead(db).where(importInScope(actor)).orderBy('created_at', 'desc').limit(50).execute();
  return { items: await Promise.all(heads.map((h) => batchView(db, h))) };
}
