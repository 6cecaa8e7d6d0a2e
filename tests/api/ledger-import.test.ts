import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImportIssue, ImportRow } from '../../src/common/contracts/ledgers';
import { verifyAuditChain } from '../../src/server/db/audit';
import { appFor, loggedIn, type Client } from '../support/api';
import { describeEachEngine } from '../support/db';
import { HEADERS, readWorkbook, row, workbook } from '../fixtures/ledgers/xlsx';
import { IMPORTS, auditSince, breakCheck, counts, lastSeq, newUscc, pujiang, upload, uploadForm } from '../fixtures/ledgers/support';

/** The usual mistakes of a hand-made ledger, each named by row, column and reason; then the two commit modes. */
describeEachEngine('ledger import', 'seeded', (get) => {
  let app: FastifyInstance;
  let town: Client;
  let place: Awaited<ReturnType<typeof pujiang>>;
  beforeAll(async () => {
    app = await appFor(get());
    town = await loggedIn(app, 'town');
    place = await pujiang(get().db);
  });
  afterAll(() => app.close());

  const report = async (id: string, query = '') => {
    const response = await town.get(`${IMPORTS}/${id}?pageSize=1000${query}`);
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  const byRow = (rows: ImportRow[], n: number) => rows.find((r) => r.row === n)!;
  const reasons = (r: ImportRow) => r.errors.map((e: ImportIssue) => `${e.column}|${e.field}|${e.zh}`);

  it('reports every bad row with its Excel row, column and reason; all-or-nothing then imports nothing; valid rows imports exactly the valid ones', async () => {
    const db = get().db;
    const xinhong = await db.selectFrom('regions').select(['id', 'name']).where('name', '=', '新虹街道').executeTakeFirstOrThrow();
    const xinhongGrid = await db.selectFrom('regions').select('name').where('parent_id', '=', xinhong.id).orderBy('id').executeTakeFirstOrThrow();
    const [existing, nearby] = place.sources;
    const grid = place.grids[0].name;
    const ok = { sourceType: '工业企业', industryCode: '3484', permitClass: '登记管理', town: place.town.name, grid, address: '浦江镇测试路 1 号', longitude: existing.longitude, latitude: existing.latitude };
    const good = newUscc();
    const near = newUscc();
    const file = await workbook([
      HEADERS,
      row({ ...ok, name: '上海台账测试精密机械有限公司', uscc: good }), // 2: new
      row({ ...ok, name: '上海校验码错误有限公司', uscc: breakCheck(newUscc()) }), // 3
      row({ ...ok, name: '上海未知行业有限公司', uscc: newUscc(), industryCode: '9999' }), // 4
      row({ ...ok, name: '上海越界企业有限公司', uscc: newUscc(), town: xinhong.name, grid: xinhongGrid.name }), // 5
      row({ ...ok, name: '上海坐标错误有限公司', uscc: newUscc(), longitude: 121.4737, latitude: 31.2304 }), // 6: 黄浦, not 闵行
      row({ ...ok, name: '上海重复代码有限公司', uscc: good }), // 7: same USCC as row 2
      row({ ...ok, name: nearby.name.replace(/^上海/, '').replace('有限公司', '（上海）有限公司'), uscc: near }), // 8: new, near-duplicate name
      row({ name: existing.name, uscc: existing.uscc, contactPhone: '13900001111' }), // 9: duplicate, one change
      row({ ...ok, name: '上海缺项企业有限公司', uscc: newUscc(), permitClass: null, longitude: 'abc' }), // 10
    ]);
    const uploaded = await uploadForm(town, file, '浦江镇台账.xlsx');
    expect(uploaded.statusCode).toBe(201);
    const batch = uploaded.json();
    expect(batch).toMatchObject({ fileName: '浦江镇台账.xlsx', status: 'staged', headerRow: 1, headers: HEADERS, mappingSource: 'auto', missingRequiredFields: [], unmappedHeaders: [] });
    expect(batch.mapping).toMatchObject({ name: 0, uscc: 1, town: 5, grid: 7 });
    expect(batch.preview[0]).toMatchObject({ row: 2, cells: expect.arrayContaining(['上海台账测试精密机械有限公司', good]) });
    expect(batch.summary).toMatchObject({ rows: 9, new: 2, duplicate: 1, duplicateChanged: 1, invalid: 6, changes: 1 });

    const { rows } = await report(batch.importId);
    expect(byRow(rows, 2)).toMatchObject({ status: 'new', errors: [] });
    expect(reasons(byRow(rows, 3))).toEqual([expect.stringMatching(/^统一社会信用代码\|uscc\|第18位（校验码）应为/)]);
    expect(reasons(byRow(rows, 4))).toEqual(['行业代码|industryCode|未知的行业代码“9999”（须为 GB/T 4754-2017 的小类）']);
    expect(reasons(byRow(rows, 5))).toEqual([`所属街镇|town|“${xinhong.name}”不在您的管辖范围内`]);
    expect(reasons(byRow(rows, 6))).toEqual(['经度|longitude|坐标（121.4737, 31.2304）不在闵行区范围内']);
    expect(reasons(byRow(rows, 7))).toEqual(['统一社会信用代码|uscc|与第 2 行的统一社会信用代码重复']);
    const nearRow = byRow(rows, 8);
    expect(nearRow.status).toBe('new');
    expect(nearRow.warnings.map((w) => w.zh)).toEqual([`名称与已登记的“${nearby.name}”（${nearby.uscc}）相近，请确认是否为同一企业`]);
    expect(byRow(rows, 9)).toMatchObject({ status: 'duplicate', sourceId: existing.id, changes: [{ field: 'contactPhone', column: '联系电话', old: existing.contact_phone, new: '13900001111' }] });
    expect(reasons(byRow(rows, 10)).sort()).toEqual(['排污许可管理类别|permitClass|缺少必填项“排污许可管理类别”', '经度|longitude|经度“abc”不是数字（请填写十进制度，如 121.4737）'].sort());
    expect((await report(batch.importId, '&status=invalid')).rowsTotal).toBe(6);

    const before = await counts(db);
    const refused = await town.post(`${IMPORTS}/${batch.importId}/commit`, { version: batch.version, mode: 'all_or_nothing', duplicates: 'merge' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'import_has_invalid_rows', field: 'mode' });
    expect(refused.json().message.zh).toContain('第 3、4、5、6、7、10 行');
    expect(await counts(db)).toEqual(before);
    expect((await report(batch.importId)).status).toBe('staged');

    const seq = await lastSeq(db);
    const committed = await town.post(`${IMPORTS}/${batch.importId}/commit`, { version: batch.version, mode: 'valid_rows', duplicates: 'merge' });
    expect(committed.statusCode).toBe(200);
    expect(committed.json()).toMatchObject({ replayed: false, created: 2, merged: 1, unchanged: 0, skipped: 0, invalid: 6, mode: 'valid_rows', duplicates: 'merge' });
    expect((await counts(db)).sources).toBe(before.sources + 2);
    const created = await db.selectFrom('sources').selectAll().where('uscc', 'in', [good, near]).execute();
    expect(created).toHaveLength(2);
    expect(created.find((s) => s.uscc === good)).toMatchObject({ name: '上海台账测试精密机械有限公司', town_id: place.town.id, grid_id: place.grids[0].id, source_type: 'industrial', permit_class: 'registration' });
    const merged = await db.selectFrom('sources').selectAll().where('id', '=', existing.id).executeTakeFirstOrThrow();
    expect(merged).toEqual({ ...existing, contact_phone: '13900001111', version: existing.version + 1, updated_at: merged.updated_at });
    const audit = await auditSince(db, seq);
    expect(audit.map((a) => a.action).sort()).toEqual(['ledger_import.commit', 'source.create', 'source.create', 'source.update']);
    expect(audit.find((a) => a.action === 'source.update')).toMatchObject({ entity_id: existing.id, before: { contact_phone: existing.contact_phone }, after: { contact_phone: '13900001111' } });

    // The same file again: the same batch, already committed; a second commit answers the first result.
    const again = await upload(town, file, '再次上传.xlsx');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ importId: batch.importId, status: 'committed', result: { created: 2, merged: 1 } });
    const afterFirst = await counts(db);
    const replay = await town.post(`${IMPORTS}/${batch.importId}/commit`, { version: batch.version, mode: 'valid_rows', duplicates: 'merge' });
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ replayed: true, created: 2, merged: 1, invalid: 6 });
    expect(await counts(db)).toEqual(afterFirst);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('merges only the fields that differ; an identical row writes nothing; skip leaves duplicates alone', async () => {
    const db = get().db;
    const [, , a, b, c] = place.sources;
    const asStored = (s: typeof a) => row({ name: s.name, uscc: s.uscc, address: s.address, contactName: s.contact_name, employees: s.employees });
    const changedAddress = `${a.address}（东门）`;
    const file = await workbook([HEADERS, row({ name: a.name, uscc: a.uscc, address: changedAddress, contactName: a.contact_name, employees: 7 }), asStored(b)]);
    const batch = (await upload(town, file)).json();
    expect(batch.summary).toMatchObject({ rows: 2, new: 0, duplicate: 2, duplicateChanged: 1, invalid: 0 });
    const { rows } = await report(batch.importId);
    expect(byRow(rows, 2).changes.map((ch: { field: string }) => ch.field).sort()).toEqual(a.employees === 7 ? ['address'] : ['address', 'employees']);
    expect(byRow(rows, 3).changes).toEqual([]);

    const seq = await lastSeq(db);
    const result = (await town.post(`${IMPORTS}/${batch.importId}/commit`, { version: batch.version, mode: 'all_or_nothing', duplicates: 'merge' })).json();
    expect(result).toMatchObject({ created: 0, merged: 1, unchanged: 1, skipped: 0 });
    const audit = await auditSince(db, seq);
    expect(audit.map((x) => [x.action, x.entity_id])).toEqual([['source.update', a.id], ['ledger_import.commit', batch.importId]]);
    expect(Object.keys(audit[0].after as object).sort()).toEqual(a.employees === 7 ? ['address', 'source_id'] : ['address', 'employees', 'source_id']);
    // The dossier's change history shows the imported change like an edit by hand.
    const history = (await town.get(`/api/sources/${a.id}/history`)).json();
    expect(history.items[0]).toMatchObject({ action: 'source.update', changes: expect.arrayContaining([expect.objectContaining({ field: 'address', old: a.address, new: changedAddress })]) });
    const storedB = await db.selectFrom('sources').select(['version', 'updated_at']).where('id', '=', b.id).executeTakeFirstOrThrow();
    expect(storedB).toEqual({ version: b.version, updated_at: b.updated_at });

    const skipFile = await workbook([HEADERS, row({ name: c.name, uscc: c.uscc, address: `${c.address}（西门）` })]);
    const skipBatch = (await upload(town, skipFile)).json();
    const skipped = (await town.post(`${IMPORTS}/${skipBatch.importId}/commit`, { version: skipBatch.version, mode: 'valid_rows', duplicates: 'skip' })).json();
    expect(skipped).toMatchObject({ merged: 0, skipped: 1, unchanged: 0 });
    expect((await db.selectFrom('sources').select('address').where('id', '=', c.id).executeTakeFirstOrThrow()).address).toBe(c.address);
  });

  it('remembers a mapping of odd headers for the organisation and applies it to the next file with the same headers', async () => {
    const odd = ['单位', '代码18位', '类别', '国标行业', '许可', '镇', '园', '村', '位置', 'X坐标', 'Y坐标'];
    const values = (name: string, uscc: string) => [name, uscc, '餐饮', '6210', '不纳入', place.town.name, null, place.grids[1].name, '浦江镇某路 8 号', null, null];
    const first = (await upload(town, await workbook([odd, values('浦江测试面馆（一店）', newUscc())], { title: '浦江镇餐饮台账' }))).json();
    expect(first.headerRow).toBe(2);
    expect(first.mappingSource).toBe('auto');
    expect(first.missingRequiredFields.length).toBeGreaterThan(3);
    const mapping = { name: 0, uscc: 1, sourceType: 2, industryCode: 3, permitClass: 4, town: 5, park: 6, grid: 7, address: 8, longitude: 9, latitude: 10 };

    const clash = await town.post(`${IMPORTS}/${first.importId}/mapping`, { version: first.version, mapping: { ...mapping, address: 0 }, remember: true });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().field).toBe('mapping.address');
    const mapped = await town.post(`${IMPORTS}/${first.importId}/mapping`, { version: first.version, mapping, remember: true });
    expect(mapped.statusCode).toBe(200);
    expect(mapped.json()).toMatchObject({ mappingSource: 'user', missingRequiredFields: [], summary: { rows: 1, new: 1, invalid: 0 }, version: first.version + 1 });
    const stale = await town.post(`${IMPORTS}/${first.importId}/mapping`, { version: first.version, mapping, remember: false });
    expect(stale.statusCode).toBe(409);

    const second = (await upload(town, await workbook([odd, values('浦江测试面馆（二店）', newUscc()), values('浦江测试面馆（三店）', newUscc())], { title: '浦江镇餐饮台账' }))).json();
    expect(second).toMatchObject({ mappingSource: 'remembered', mapping, missingRequiredFields: [], summary: { rows: 2, new: 2, invalid: 0 } });
    const staleCommit = await town.post(`${IMPORTS}/${first.importId}/commit`, { version: first.version, mode: 'valid_rows', duplicates: 'merge' });
    expect(staleCommit.statusCode).toBe(409);
    expect(staleCommit.json().code).toBe('stale_version');
    // Another town's office has its own mappings.
    const xinzhuang = await loggedIn(app, 'town_xinzhuang');
    const theirs = (await upload(xinzhuang, await workbook([odd, values('莘庄测试面馆', newUscc())]))).json();
    expect(theirs.mappingSource).toBe('auto');
    expect((await xinzhuang.get(`${IMPORTS}/${second.importId}`)).statusCode).toBe(404);
  });

  it('a park office creates sources inside its park, not in a town outside it', async () => {
    const db = get().db;
    const park = await db.selectFrom('users').innerJoin('regions', 'regions.id', 'users.region_id').select(['regions.id', 'regions.name']).where('username', '=', 'park_mkf').executeTakeFirstOrThrow();
    const client = await loggedIn(app, 'park_mkf');
    const template = await readWorkbook((await client.get('/api/ledgers/sources/template.xlsx')).rawPayload);
    const lists = template.worksheets[1].getSheetValues().flat().map(String).join('|');
    expect(lists).toContain(park.name);
    expect(lists).toContain(place.town.name);
    const base = { sourceType: '工业企业', industryCode: '3484', permitClass: '简化管理', town: place.town.name, grid: place.grids[2].name, address: '园区路 9 号' };
    const inPark = newUscc();
    const batch = (await upload(client, await workbook([HEADERS, row({ ...base, name: '上海园区测试新材料有限公司', uscc: inPark, park: park.name }), row({ ...base, name: '上海园外测试新材料有限公司', uscc: newUscc() })]))).json();
    const { rows } = (await client.get(`${IMPORTS}/${batch.importId}`)).json();
    expect(byRow(rows, 2)).toMatchObject({ status: 'new', errors: [] });
    expect(reasons(byRow(rows, 3))).toEqual([`所属街镇|town|“${place.town.name}”不在您的管辖范围内`]);
    const result = (await client.post(`${IMPORTS}/${batch.importId}/commit`, { version: batch.version, mode: 'valid_rows', duplicates: 'merge' })).json();
    expect(result).toMatchObject({ created: 1, invalid: 1 });
    expect(await db.selectFrom('sources').select(['park_id', 'town_id', 'grid_id']).where('uscc', '=', inPark).executeTakeFirstOrThrow()).toEqual({ park_id: park.id, town_id: place.town.id, grid_id: place.grids[2].id });
  });

  it('a provider manager merges into its contracted sources only; enterprise users may not import', async () => {
    const db = get().db;
    const provider = await loggedIn(app, 'provider');
    const providerId = (await db.selectFrom('users').select('provider_id').where('username', '=', 'provider').executeTakeFirstOrThrow()).provider_id!;
    const contracted = await db
      .selectFrom('sources')
      .selectAll()
      .where('id', 'in', db.selectFrom('provider_sources').select('source_id').where('provider_id', '=', providerId))
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const outside = await db
      .selectFrom('sources')
      .select(['name', 'uscc'])
      .where('id', 'not in', db.selectFrom('provider_sources').select('source_id').where('provider_id', '=', providerId))
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const file = await workbook([
      HEADERS,
      row({ name: contracted.name, uscc: contracted.uscc, contactName: '王管家' }),
      row({ name: '上海管家新建企业有限公司', uscc: newUscc(), sourceType: '工业企业', industryCode: '3484', permitClass: '登记管理', town: place.town.name, grid: place.grids[0].name, address: '某路 1 号' }),
      row({ name: outside.name, uscc: outside.uscc, contactName: '越权' }),
    ]);
    const batch = (await upload(provider, file)).json();
    expect(batch.summary).toMatchObject({ rows: 3, duplicate: 1, invalid: 2 });
    const { rows } = (await provider.get(`${IMPORTS}/${batch.importId}`)).json();
    expect(byRow(rows, 3).errors[0].zh).toContain('不能新建');
    expect(byRow(rows, 4).errors[0].zh).toContain('不在您的管辖范围内');
    const result = (await provider.post(`${IMPORTS}/${batch.importId}/commit`, { version: batch.version, mode: 'valid_rows', duplicates: 'merge' })).json();
    expect(result).toMatchObject({ created: 0, merged: 1, invalid: 2 });
    expect((await db.selectFrom('sources').select('contact_name').where('id', '=', contracted.id).executeTakeFirstOrThrow()).contact_name).toBe('王管家');

    const enterprise = await loggedIn(app, 'enterprise');
    expect((await upload(enterprise, file)).statusCode).toBe(403);
    expect((await enterprise.get('/api/ledgers/sources/template.xlsx')).statusCode).toBe(403);
    expect((await enterprise.get(`${IMPORTS}/${batch.importId}`)).statusCode).toBe(404);
  });
});
