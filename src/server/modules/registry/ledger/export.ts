/**
 * The filtered source list as an .xlsx ledger: the template's columns (so the file imports back
 * unchanged) plus the industry's name, Chinese labels for every enum, names for every region.
 */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { SourceListQuerySchema } from '../../../../common/contracts/dossier';
import type { LedgerField } from '../../../../common/contracts/ledgers';
import { SCALE } from '../../../../common/dossier-enums';
import { PERMIT_CLASS, SOURCE_TYPE } from '../../../../common/enums';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../db/scope';
import { filteredSources, industryClass } from '../index';
import { DATA_SHEET, ledgerColumns, setUpDataSheet, toBuffer } from './workbook';

/**
 * Exactly GET /api/sources's query, so the list's own URL exports as it is; the filter is built by
 * the list's own query, and page/pageSize are ignored: the export holds every matching source.
 */
export const ExportQuerySchema = SourceListQuerySchema;
export type ExportQuery = z.infer<typeof ExportQuerySchema>;

const SORT_COLUMNS = { name: 'sources.name', updatedAt: 'sources.updated_at', industryCode: 'sources.industry_code', employees: 'sources.employees' } as const;

export async function exportLedger(db: Kysely<DB>, actor: Actor, query: ExportQuery): Promise<Buffer> {
  const desc = query.sort.startsWith('-');
  const column = SORT_COLUMNS[(desc ? query.sort.slice(1) : query.sort) as keyof typeof SORT_COLUMNS];
  const rows = await filteredSources(db, actor, query)
    .innerJoin('regions as town', 'town.id', 'sources.town_id')
    .innerJoin('regions as grid', 'grid.id', 'sources.grid_id')
    .leftJoin('regions as park', 'park.id', 'sources.park_id')
    .select([
      'sources.name', 'sources.uscc', 'sources.source_type', 'sources.industry_code', 'sources.permit_class', 'sources.address',
      'sources.longitude', 'sources.latitude', 'sources.legal_representative', 'sources.scale', 'sources.employees',
      'sources.contact_name', 'sources.contact_phone', 'town.name as town_name', 'park.name as park_name', 'grid.name as grid_name',
    ])
    .orderBy(column, (ob) => (column === 'sources.employees' ? (desc ? ob.desc() : ob.asc()).nullsLast() : desc ? ob.desc() : ob.asc()))
    .orderBy('sources.id')
    .execute();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'EcoSteward 环保管家平台';
  const sheet = workbook.addWorksheet(DATA_SHEET);
  const columns = ledgerColumns([{ after: 'industryCode', header: '行业名称', width: 28 }]);
  setUpDataSheet(sheet, columns);
  for (const r of rows) {
    const byField: Record<LedgerField, string | number | null> = {
      name: r.name,
      uscc: r.uscc,
      sourceType: SOURCE_TYPE.labels[r.source_type]?.zh ?? r.source_type,
      industryCode: r.industry_code,
      permitClass: PERMIT_CLASS.labels[r.permit_class]?.zh ?? r.permit_class,
      town: r.town_name,
      park: r.park_name,
      grid: r.grid_name,
      address: r.address,
      longitude: r.longitude,
      latitude: r.latitude,
      legalRepresentative: r.legal_representative,
      scale: r.scale ? (SCALE.labels[r.scale as keyof typeof SCALE.labels]?.zh ?? r.scale) : null,
      employees: r.employees,
      contactName: r.contact_name,
      contactPhone: r.contact_phone,
    };
    sheet.addRow(columns.map((c) => (c.field ? byField[c.field] : (industryClass(r.industry_code)?.name ?? ''))));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return toBuffer(workbook);
}
