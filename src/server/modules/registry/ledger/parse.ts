/** Reads an .xlsx (already checked by xlsx-guard) into plain rows of cell texts, one sheet at a time. */
import ExcelJS from 'exceljs';
import { LEDGER_MAX_COLUMNS, LEDGER_MAX_ROWS } from '../../../../common/contracts/ledgers';
import { AppError } from '../../../http/errors';
import { tooManyRows } from './xlsx-guard';

/** One sheet row: its Excel number, its cell texts, and the columns whose number lost digits. */
export interface RawRow {
  r: number;
  c: string[];
  lossy?: number[];
}

export interface RawSheet {
  name: string;
  rows: RawRow[];
}

/** The template's own instructions sheet is never the data. */
export const INSTRUCTIONS_SHEET = '填写说明';

const fileError = (code: string, zh: string, en: string) => new AppError(400, code, zh, en, 'file');

function dateText(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** A cell's value as the user sees it; `lossy` when Excel kept a long number in floating point. */
function cellText(value: ExcelJS.CellValue): { text: string; lossy: boolean } {
  if (value === null || value === undefined) return { text: '', lossy: false };
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER) {
      return { text: BigInt(value).toString(), lossy: true };
    }
    return { text: String(value), lossy: false };
  }
  if (typeof value === 'string') return { text: value.trim(), lossy: false };
  if (typeof value === 'boolean') return { text: value ? '是' : '否', lossy: false };
  if (value instanceof Date) return { text: dateText(value), lossy: false };
  if ('richText' in value) return { text: value.richText.map((t) => t.text).join('').trim(), lossy: false };
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  }
  if ('hyperlink' in value) return cellText((value as { text?: ExcelJS.CellValue }).text ?? null);
  if ('error' in value) return { text: String(value.error), lossy: false };
  return { text: '', lossy: false };
}

function readSheet(sheet: ExcelJS.Worksheet): RawSheet {
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    if (values.length - 1 > LEDGER_MAX_COLUMNS) {
      const filled = values.findLastIndex((v) => v !== null && v !== undefined && cellText(v).text !== '');
      if (filled > LEDGER_MAX_COLUMNS) {
        throw fileError('too_many_columns', `工作表“${sheet.name}”第 ${row.number} 行超过 ${LEDGER_MAX_COLUMNS} 列`, `Row ${row.number} of sheet "${sheet.name}" has more than ${LEDGER_MAX_COLUMNS} columns`);
      }
    }
    const c: string[] = [];
    const lossy: number[] = [];
    for (let i = 1; i < Math.min(values.length, LEDGER_MAX_COLUMNS + 1); i++) {
      const cell = cellText(values[i]);
      c[i - 1] = cell.text;
      if (cell.lossy) lossy.push(i - 1);
    }
    for (let i = 0; i < c.length; i++) c[i] ??= '';
    while (c.length && c[c.length - 1] === '') c.pop();
    if (c.length === 0) return;
    rows.push(lossy.length ? { r: row.number, c, lossy } : { r: row.number, c });
  });
  // Headers and notes may take a few rows above the data; the exact count is checked on the data rows.
  if (rows.length > LEDGER_MAX_ROWS + 50) throw tooManyRows();
  return { name: sheet.name, rows };
}

/** The visible sheets that hold something, in workbook order. */
export async function readWorkbook(buf: Buffer): Promise<RawSheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 120) : 'unknown';
    throw fileError('corrupt_file', `无法读取该工作簿（${detail}），请用 Excel 重新保存为 .xlsx 后上传`, `The workbook cannot be read (${detail}); save it again as .xlsx in Excel and upload it`);
  }
  const sheets = workbook.worksheets
    .filter((s) => s.state !== 'hidden' && s.state !== 'veryHidden' && s.name !== INSTRUCTIONS_SHEET)
    .map(readSheet)
    .filter((s) => s.rows.length > 0);
  if (sheets.length === 0) throw fileError('empty_workbook', '工作簿中没有任何数据', 'The workbook holds no data');
  return sheets;
}

export function assertRowCount(count: number): void {
  if (count > LEDGER_MAX_ROWS) throw tooManyRows();
  if (count === 0) throw fileError('no_data_rows', '表头下方没有数据行', 'There are no data rows below the header row');
}
