/** Shared look of the ledger workbooks (template and export): the data sheet's columns, header row and list cells. */
import type ExcelJS from 'exceljs';
import { LEDGER_FIELDS, type LedgerField } from '../../../../common/contracts/ledgers';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DATA_SHEET = '污染源台账';

/** Column widths (characters) by field. */
const WIDTHS: Record<LedgerField, number> = {
  name: 38, uscc: 22, sourceType: 12, industryCode: 10, permitClass: 16, town: 14, park: 20, grid: 20, address: 40,
  longitude: 12, latitude: 12, legalRepresentative: 12, scale: 8, employees: 10, contactName: 10, contactPhone: 16,
};

/** Codes and phone numbers stay text, so Excel never turns them into numbers. */
const TEXT_FIELDS: ReadonlySet<LedgerField> = new Set(['uscc', 'industryCode', 'contactPhone', 'town', 'park', 'grid']);

export interface SheetColumn {
  header: string;
  width: number;
  field: LedgerField | null;
}

export function ledgerColumns(extra: Array<{ after: LedgerField; header: string; width: number }> = []): SheetColumn[] {
  const columns: SheetColumn[] = [];
  for (const f of LEDGER_FIELDS) {
    columns.push({ header: f.zh, width: WIDTHS[f.key], field: f.key });
    for (const e of extra.filter((x) => x.after === f.key)) columns.push({ header: e.header, width: e.width, field: null });
  }
  return columns;
}

/** Header row 1 (bold, filled, required ones in red), frozen, with widths and text formats. */
export function setUpDataSheet(sheet: ExcelJS.Worksheet, columns: SheetColumn[]): void {
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.field && TEXT_FIELDS.has(c.field) ? { numFmt: '@' } : {} }));
  const header = sheet.getRow(1);
  header.height = 22;
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    const required = c.field !== null && LEDGER_FIELDS.find((f) => f.key === c.field)!.required;
    cell.font = { bold: true, color: { argb: required ? 'FFC00000' : 'FF1F1F1F' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8EA9C1' } } };
    cell.numFmt = 'General';
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** exceljs keeps range data validations in this model; its typings only show the per-cell form. */
export function addListValidation(sheet: ExcelJS.Worksheet, range: string, formula: string, strict: boolean, what: string): void {
  (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: strict ? 'stop' : 'warning',
    errorTitle: '取值不在列表中',
    error: `请从下拉列表选择${what}（见“填写说明”）`,
  });
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** RFC 5987 filename, so a Chinese name survives every browser. */
