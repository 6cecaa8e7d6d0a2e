/**
 * Checks an uploaded file before exceljs sees it: exceljs inflates the whole workbook in memory, so a
 * renamed .xls, a truncated download, a zip bomb or a sheet of a million rows is refused here, from
 * the zip's own structure, with a message the user can act on.
 */
import { inflateRawSync } from 'node:zlib';
import { LEDGER_MAX_FILE_BYTES, LEDGER_MAX_ROWS } from '../../../../common/contracts/ledgers';
import { AppError } from '../../../http/errors';

/** Inflated bytes allowed for the whole workbook: a full 20,000-row ledger needs about a sixth of it. */
const MAX_INFLATED_BYTES = 100 * 1024 * 1024;
const MAX_ENTRIES = 2000;
/** Row elements a sheet may hold: data rows plus room for titles, notes and formatted blank rows. */
const MAX_ROW_ELEMENTS = LEDGER_MAX_ROWS * 2;

const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;

const fileError = (code: string, zh: string, en: string) => new AppError(400, code, zh, en, 'file');

export const tooLarge = () =>
  new AppError(413, 'file_too_large', `文件超过 ${LEDGER_MAX_FILE_BYTES / 1024 / 1024} MB，请拆分后分批导入`, `The file is larger than ${LEDGER_MAX_FILE_BYTES / 1024 / 1024} MB; split it and import the parts`, 'file');

export const tooManyRows = () =>
  fileError('too_many_rows', `工作表超过 ${LEDGER_MAX_ROWS} 行，请拆分后分批导入`, `A sheet has more than ${LEDGER_MAX_ROWS} rows; split it and import the parts`);

const corrupt = (detail: string) =>
  fileError('corrupt_file', `文件已损坏或不完整，无法读取（${detail}），请重新保存为 .xlsx 后上传`, `The file is damaged or incomplete and cannot be read (${detail}); save it again as .xlsx and upload it`);

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

function findEnd(buf: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === ZIP_END) return i;
  }
  return -1;
}

function centralDirectory(buf: Buffer): Entry[] {
  const end = findEnd(buf);
  if (end < 0) throw corrupt('缺少 zip 目录 / no zip directory');
  const count = buf.readUInt16LE(end + 10);
  let offset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    throw fileError('unsupported_file', '不支持 ZIP64 格式的工作簿，请用 Excel 另存为 .xlsx', 'ZIP64 workbooks are not supported; save the file again as .xlsx in Excel');
  }
  if (count > MAX_ENTRIES) throw corrupt(`${count} 个部件 / ${count} parts`);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== ZIP_CENTRAL) throw corrupt('zip 目录不完整 / truncated zip directory');
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    entries.push({
      method: buf.readUInt16LE(offset + 10),
      compressedSize: buf.readUInt32LE(offset + 20),
      uncompressedSize: buf.readUInt32LE(offset + 24),
      localOffset: buf.readUInt32LE(offset + 42),
      name: buf.toString('utf8', offset + 46, offset + 46 + nameLength),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function inflate(buf: Buffer, entry: Entry, budget: number): Buffer {
  const at = entry.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== ZIP_LOCAL) throw corrupt(`部件 ${entry.name} 缺失 / part ${entry.name} is missing`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw corrupt(`部件 ${entry.name} 被截断 / part ${entry.name} is truncated`);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw corrupt(`未知压缩方式 ${entry.method} / unknown compression ${entry.method}`);
  try {
    // The limit is on what inflation actually produces, whatever sizes the directory claims.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) throw bomb();
    throw corrupt(`部件 ${entry.name} 无法解压 / part ${entry.name} does not inflate`);
  }
}

const bomb = () =>
  fileError('file_too_complex', '文件解压后过大（可能是压缩炸弹或含有大量空白格式），已拒绝', 'The file inflates to too much data (a zip bomb, or masses of formatted blank cells); refused');

/**
 * Refuses anything that is not a plain .xlsx workbook of a reasonable size. Inflates every part
 * once under a total budget, and counts each sheet's row elements before exceljs builds them.
 */
export function assertReadableXlsx(buf: Buffer): void {
  if (buf.length > LEDGER_MAX_FILE_BYTES) throw tooLarge();
  if (buf.length === 0) throw fileError('empty_file', '文件为空', 'The file is empty');
  if (buf.length >= 8 && buf.subarray(0, 8).equals(OLE2_MAGIC)) {
    throw fileError(
      'legacy_xls',
      '这是旧版 Excel 97-2003（.xls）文件或已加密的工作簿，请在 Excel 中“另存为” .xlsx（不设密码）后再导入',
      'This is an old Excel 97-2003 (.xls) file or an encrypted workbook; in Excel, "Save as" .xlsx (without a password) and import that',
    );
  }
  if (buf.length < 4 || buf.readUInt32LE(0) !== ZIP_LOCAL) {
    throw fileError('not_xlsx', '文件不是 Excel 工作簿（.xlsx），请使用下载的模板填写', 'The file is not an Excel workbook (.xlsx); fill in the downloadable template');
  }
  const entries = centralDirectory(buf);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    throw fileError('not_xlsx', '该压缩文件不是 Excel 工作簿（缺少 xl/workbook.xml），请上传 .xlsx 文件', 'This zip file is not an Excel workbook (no xl/workbook.xml); upload an .xlsx file');
  }
  let budget = MAX_INFLATED_BYTES;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    if (entry.uncompressedSize > budget) throw bomb();
    const data = inflate(buf, entry, budget);
    budget -= data.length;
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name) && countRowElements(data) > MAX_ROW_ELEMENTS) throw tooManyRows();
  }
}

function countRowElements(xml: Buffer): number {
  // '<row ' or '<row>' (not '<rowBreaks'); byte search, no XML parse.
  let count = 0;
  for (let i = xml.indexOf('<row'); i >= 0; i = xml.indexOf('<row', i + 4)) {
    const next = xml[i + 4];
    if (next === 0x20 || next === 0x3e) count++;
  }
  return count;
}

