import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LEDGER_FIELDS } from '../../src/common/contracts/ledgers';
import { appFor, loggedIn, type Client } from '../support/api';
import { describeEachEngine } from '../support/db';
import { HEADERS, legacyXls, readWorkbook, row, workbook, zip } from '../fixtures/ledgers/xlsx';
import { IMPORTS, XLSX_MIME, auditSince, counts, lastSeq, upload, uploadForm } from '../fixtures/ledgers/support';

/** The template, the export and its round trip, and every kind of file the importer must refuse clearly. */
describeEachEngine('ledger files', 'seeded', (get) => {
  let app: FastifyInstance;
  let town: Client;
  beforeAll(async () => {
    app = await appFor(get());
    town = await loggedIn(app, 'town');
  });
  afterAll(() => app.close());

  it('the template has the headers, the instructions with the jurisdiction\'s towns and grids, drop-down lists and an example row', async () => {
    const response = await town.get('/api/ledgers/sources/template.xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX_MIME);
    expect(response.headers['content-disposition']).toContain("filename*=UTF-8''");
    const wb = await readWorkbook(response.rawPayload);
    const [data, help] = wb.worksheets;
    expect(data.name).toBe('污染源台账');
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(HEADERS.slice(0, 9)).toEqual(['企业名称', '统一社会信用代码', '污染源类型', '行业代码', '排污许可管理类别', '所属街镇', '所属园区', '所属村居/网格', '地址']);
    expect(String(data.getCell('A2').value)).toMatch(/^【示例】/);
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(data.getCell('C2').dataValidation).toMatchObject({ type: 'list' });
    expect(data.getCell('E500').dataValidation).toMatchObject({ type: 'list' });
    expect(help.name).toBe('填写说明');
    const helpText = help.getSheetValues().flat().map(String).join('|');
    const pujiang = await get().db.selectFrom('regions').select(['id', 'name']).where('id', '=', '310112114').executeTakeFirstOrThrow();
    const grid = await get().db.selectFrom('regions').select(['id', 'name']).where('parent_id', '=', pujiang.id).orderBy('id').executeTakeFirstOrThrow();
    for (const text of ['工业企业', '重点管理', '简化管理', '登记管理', '不纳入', pujiang.name, pujiang.id, grid.name, grid.id]) expect(helpText).toContain(text);
    expect(helpText).not.toContain('新虹街道');

    // The template imports as nothing: its one row is the example.
    const batch = (await upload(town, response.rawPayload, '模板.xlsx')).json();
    expect(batch).toMatchObject({ missingRequiredFields: [], summary: { rows: 0 } });
  });

  it('refuses a corrupt file, an .xls renamed .xlsx, a zip that is no workbook, a zip bomb, too many rows or columns, and a file over 20 MB — each with a clear message', async () => {
    const before = await counts(get().db);
    const expectRefusal = async (data: Buffer, status: number, code: string, zh: RegExp) => {
      const response = await upload(town, data, 'bad.xlsx');
      expect({ status: response.statusCode, code: response.json().code }).toEqual({ status, code });
      expect(response.json().message.zh).toMatch(zh);
      expect(response.json().field).toBe('file');
    };
    const good = await workbook([HEADERS, row({ name: '上海某公司' })]);
    await expectRefusal(good.subarray(0, Math.floor(good.length * 0.6)), 400, 'corrupt_file', /已损坏或不完整/);
    await expectRefusal(Buffer.from('企业名称,统一社会信用代码\n上海某公司,91310112MA1G000000\n'), 400, 'not_xlsx', /不是 Excel 工作簿/);
    await expectRefusal(legacyXls(), 400, 'legacy_xls', /Excel 97-2003（\.xls）/);
    await expectRefusal(zip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]), 400, 'not_xlsx', /不是 Excel 工作簿/);
    const bomb = zip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(120 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expectRefusal(bomb, 400, 'file_too_complex', /解压后过大/);
    const tall = await workbook([HEADERS, ...Array.from({ length: 20_001 }, (_, i) => [`企业${i}`])]);
    await expectRefusal(tall, 400, 'too_many_rows', /超过 20000 行/);
    const wide = await workbook([Array.from({ length: 205 }, (_, i) => `列${i}`)]);
    await expectRefusal(wide, 400, 'too_many_columns', /超过 200 列/);
    const huge = Buffer.concat([good, Buffer.alloc(20 * 1024 * 1024)]);
    await expectRefusal(huge, 413, 'file_too_large', /超过 20 MB/);
    const hugeForm = await uploadForm(town, huge);
    expect({ status: hugeForm.statusCode, code: hugeForm.json().code }).toEqual({ status: 413, code: 'file_too_large' });
    const empty = await town.post(IMPORTS, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'no_file', field: 'file' });
    expect(await counts(get().db)).toEqual(before);
  });

  it('exports the filtered list in the actor\'s scope, formatted, and the export imports back with no changes', async () => {
    const db = get().db;
    const response = await town.get('/api/ledgers/sources/export.xlsx?sourceType=industrial&sort=name&page=2&pageSize=5');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX_MIME);
    const expected = await db.selectFrom('sources').selectAll().where('town_id', '=', '310112114').where('source_type', '=', 'industrial').orderBy('name').orderBy('id').execute();
    const wb = await readWorkbook(response.rawPayload);
    const sheet = wb.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([...HEADERS.slice(0, 4), '行业名称', ...HEADERS.slice(4)]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBeGreaterThan(20);
    expect(sheet.actualRowCount).toBe(expected.length + 1);
    const first = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(first.slice(0, 3)).toEqual([expected[0].name, expected[0].uscc, '工业企业']);
    expect(first[4]).toBeTypeOf('string');
    expect(first[5]).toMatch(/^(重点管理|简化管理|登记管理|不纳入)$/);
    expect(first[6]).toBe('浦江镇');

    const seq = await lastSeq(db);
    const batch = (await upload(town, response.rawPayload, '导出.xlsx')).json();
    expect(batch.unmappedHeaders).toEqual(['行业名称']);
    expect(batch.summary).toMatchObject({ rows: expected.length, new: 0, duplicate: expected.length, duplicateChanged: 0, invalid: 0, changes: 0 });
    const result = (await town.post(`${IMPORTS}/${batch.importId}/commit`, { version: batch.version, mode: 'all_or_nothing', duplicates: 'merge' })).json();
    expect(result).toMatchObject({ created: 0, merged: 0, unchanged: expected.length, skipped: 0, invalid: 0 });
    expect((await auditSince(db, seq)).map((a) => a.action)).toEqual(['ledger_import.upload', 'ledger_import.commit']);

    const enterprise = await loggedIn(app, 'enterprise');
    const own = await readWorkbook((await enterprise.get('/api/ledgers/sources/export.xlsx')).rawPayload);
    expect(own.worksheets[0].actualRowCount).toBe(2);
    const bad = await town.get('/api/ledgers/sources/export.xlsx?sourceType=spaceship');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('sourceType');
  });

  it('the field list and the template agree', () => {
    expect(new Set(LEDGER_FIELDS.map((f) => f.zh)).size).toBe(LEDGER_FIELDS.length);
  });
});
