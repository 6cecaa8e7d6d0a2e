/**
 * The import template (导入模板): the data sheet with the headers, drop-down lists and one example
 * row, and an instructions sheet with every field and the allowed values of the actor's jurisdiction.
 */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { LEDGER_EXAMPLE_MARK, LEDGER_FIELDS, LEDGER_MAX_ROWS, type LedgerField } from '../../../../common/contracts/ledgers';
import { SCALE } from '../../../../common/dossier-enums';
import { PERMIT_CLASS, SOURCE_TYPE } from '../../../../common/enums';
import { usccCheckChar } from '../../../../common/uscc';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../db/scope';
import { loadPlaces } from './context';
import { assertMayImport } from './org';
import { INSTRUCTIONS_SHEET } from './parse';
import type { Place } from './places';
import { DATA_SHEET, addListValidation, columnLetter, ledgerColumns, setUpDataSheet, toBuffer } from './workbook';

/** Towns, parks and grids a new source of this actor may name; a park office also gets its district's towns. */
async function templatePlaces(db: Kysely<DB>, actor: Actor) {
  const { places, visible } = await loadPlaces(db, actor);
  const byName = (a: Place, b: Place) => a.path.localeCompare(b.path);
  let towns = places.filter((p) => p.level === 'town' && visible.has(p.id));
  const parks = places.filter((p) => p.level === 'park' && visible.has(p.id));
  const townsGiven = towns.length > 0;
  if (!townsGiven) towns = places.filter((p) => p.level === 'town');
  // A source's grid is a village of its town (a park's plots are not), so only towns' grids are listed.
  const townIds = new Set(towns.map((t) => t.id));
  const grids = places.filter((p) => p.level === 'grid' && townIds.has(p.parentId ?? '') && (!townsGiven || visible.has(p.id)));
  return { towns: towns.sort(byName), parks: parks.sort(byName), grids: grids.sort(byName), byId: new Map(places.map((p) => [p.id, p])) };
}

function exampleUscc(): string {
  const first17 = '91310112MA1G00000';
  return first17 + usccCheckChar(first17);
}

export async function ledgerTemplate(db: Kysely<DB>, actor: Actor): Promise<Buffer> {
  assertMayImport(actor);
  const { towns, parks, grids, byId } = await templatePlaces(db, actor);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'EcoSteward 环保管家平台';
  const data = workbook.addWorksheet(DATA_SHEET);
  const help = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  const columns = ledgerColumns();
  setUpDataSheet(data, columns);
  const col = (field: LedgerField) => columnLetter(columns.findIndex((c) => c.field === field));
  const rangeOf = (field: LedgerField) => `${col(field)}2:${col(field)}${LEDGER_MAX_ROWS + 1}`;

  // The instructions sheet: how to fill in, each field, then the allowed values in columns F onwards.
  help.columns = [{ width: 20 }, { width: 8 }, { width: 60 }, { width: 4 }, { width: 4 }, { width: 14 }, { width: 16 }, { width: 8 }, { width: 4 }, { width: 18 }, { width: 12 }, { width: 4 }, { width: 24 }, { width: 14 }, { width: 4 }, { width: 24 }, { width: 16 }, { width: 18 }];
  const notes = [
    '污染源台账导入说明 / How to fill in the ledger',
    `1. 在“${DATA_SHEET}”表第 2 行起每行填写一个污染源，第 1 行表头不要修改；红色表头为新建时必填。`,
    `2. 以“${LEDGER_EXAMPLE_MARK}”开头的示例行不会导入，可直接删除。单次最多 ${LEDGER_MAX_ROWS} 行。`,
    '3. 统一社会信用代码已在系统中的，按导入时的选择“合并”（更新有变化的字段，空白单元格不清空原值）或“跳过”；所属区域不会被导入修改。',
    '4. 街镇、园区、村居/网格可填名称或代码（见右侧列表）；村居须属于所填街镇，园区企业另填所属园区。坐标为 WGS-84 十进制度。',
    '5. 导入分两步：上传后先查看校验报告（逐行列出错误的列和原因），再选择“全部导入或全不导入”或“仅导入合格行”。',
  ];
  notes.forEach((text, i) => {
    const cell = help.getCell(`A${i + 1}`);
    cell.value = text;
    if (i === 0) cell.font = { bold: true, size: 13 };
  });
  const fieldStart = notes.length + 2;
  help.getRow(fieldStart).values = ['列名 / Column', '必填', '说明 / How to fill in'];
  help.getRow(fieldStart).font = { bold: true };
  LEDGER_FIELDS.forEach((f, i) => {
    help.getRow(fieldStart + 1 + i).values = [f.zh, f.required ? '是' : '', [f.hint.zh, f.hint.en].filter(Boolean).join(' / ') || f.en];
  });

  const lists: Array<{ column: string; title: string[]; rows: string[][] }> = [
    { column: 'F', title: ['污染源类型'], rows: SOURCE_TYPE.values.map((v) => [SOURCE_TYPE.labels[v].zh]) },
    { column: 'G', title: ['排污许可管理类别'], rows: PERMIT_CLASS.values.map((v) => [PERMIT_CLASS.labels[v].zh]) },
    { column: 'H', title: ['规模'], rows: SCALE.values.map((v) => [SCALE.labels[v].zh]) },
    { column: 'J', title: ['街镇', '代码'], rows: towns.map((t) => [t.name, t.id]) },
    { column: 'M', title: ['园区', '代码'], rows: parks.map((p) => [p.name, p.id]) },
    { column: 'P', title: ['村居/网格', '代码', '所属街镇/园区'], rows: grids.map((g) => [g.name, g.id, byId.get(g.parentId ?? '')?.name ?? '']) },
  ];
  const ranges: Record<string, string> = {};
  for (const list of lists) {
    const start = list.column.charCodeAt(0) - 64;
    list.title.forEach((t, k) => {
      const cell = help.getCell(1, start + k);
      cell.value = t;
      cell.font = { bold: true };
    });
    list.rows.forEach((values, r) => values.forEach((v, k) => (help.getCell(r + 2, start + k).value = v)));
    ranges[list.title[0]] = `'${INSTRUCTIONS_SHEET}'!$${list.column}$2:$${list.column}$${Math.max(2, list.rows.length + 1)}`;
  }

  addListValidation(data, rangeOf('sourceType'), ranges['污染源类型'], true, '污染源类型');
  addListValidation(data, rangeOf('permitClass'), ranges['排污许可管理类别'], true, '排污许可管理类别');
  addListValidation(data, rangeOf('scale'), ranges['规模'], true, '规模');
  addListValidation(data, rangeOf('town'), ranges['街镇'], false, '街镇');
  if (parks.length) addListValidation(data, rangeOf('park'), ranges['园区'], false, '园区');
  addListValidation(data, rangeOf('grid'), ranges['村居/网格'], false, '村居/网格');

  const town = towns[0];
  const grid = grids.find((g) => g.parentId === town?.id) ?? grids[0];
  const example: Record<LedgerField, string | number> = {
    name: `${LEDGER_EXAMPLE_MARK}上海某某精密机械有限公司`, uscc: exampleUscc(), sourceType: SOURCE_TYPE.labels.industrial.zh, industryCode: '3484',
    permitClass: PERMIT_CLASS.labels.registration.zh, town: town?.name ?? '', park: '', grid: grid?.name ?? '', address: `${town?.name ?? ''}某某路 100 号`,
    longitude: 121.4521, latitude: 31.0573, legalRepresentative: '张三', scale: SCALE.labels.small.zh, employees: 45, contactName: '李四', contactPhone: '13800000000',
  };
  const exampleRow = data.getRow(2);
  columns.forEach((c, i) => (exampleRow.getCell(i + 1).value = c.field ? example[c.field] : null));
  exampleRow.font = { italic: true, color: { argb: 'FF7F7F7F' } };
  return toBuffer(workbook);
}
