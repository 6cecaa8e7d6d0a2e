import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SECTION_KEYS } from '../../src/common/contracts/dossier';
import { appFor, loggedIn, type Client } from '../support/api';
import { describeEachEngine } from '../support/db';
import { createRow, sampleChange, sampleRow } from './dossier-support';

/** The dossier's sections: one generic create / edit / delete for all twelve, their checks, and their history. */
describeEachEngine('dossier sections', 'seeded', (get) => {
  let app: FastifyInstance;
  let inspector: Client;
  let sourceId: string;
  let otherSourceId: string;
  beforeAll(async () => {
    app = await appFor(get());
    const db = get().db;
    sourceId = (await db.selectFrom('users').select('source_id').where('username', '=', 'enterprise').executeTakeFirstOrThrow()).source_id!;
    otherSourceId = (await db.selectFrom('sources').select('id').where('town_id', '=', '310112114').where('id', '<>', sourceId).orderBy('name').executeTakeFirstOrThrow()).id;
    inspector = await loggedIn(app, 'inspector');
  });
  afterAll(() => app.close());

  const url = (key: string) => `/api/sources/${sourceId}/sections/${key}`;
  const audits = (entityId: string) => get().db.selectFrom('audit_log').selectAll().where('entity_id', '=', entityId).orderBy('seq').execute();

  for (const key of SECTION_KEYS) {
    it(`${key}: create, edit, stale edit (409, nothing overwritten), delete — each with one audit row`, async () => {
      const row = await createRow(inspector, sourceId, key);
      expect(row).toMatchObject({ sourceId, version: 1 });
      const dossier = (await inspector.get(`/api/sources/${sourceId}/dossier`)).json();
      expect(dossier.sections[key].map((r: { id: string }) => r.id)).toContain(row.id);

      const change = sampleChange(key);
      const edited = await inspector.patch(`/api/sections/${key}/${row.id}`, { version: 1, ...change });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toMatchObject({ ...change, version: 2 });

      const stale = await inspector.patch(`/api/sections/${key}/${row.id}`, { version: 1, ...sampleChange(key) });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('stale_version');
      const after = (await inspector.get(`/api/sources/${sourceId}/dossier`)).json().sections[key].find((r: { id: string }) => r.id === row.id);
      expect(after).toMatchObject({ ...change, version: 2 });

      expect((await inspector.request('DELETE', `/api/sections/${key}/${row.id}?version=1`)).statusCode).toBe(409);
      expect((await inspector.request('DELETE', `/api/sections/${key}/${row.id}?version=2`)).statusCode).toBe(204);
      expect((await inspector.patch(`/api/sections/${key}/${row.id}`, { version: 2, ...change })).statusCode).toBe(404);

      const trail = await audits(row.id);
      expect(trail.map((a) => a.action.split('.').pop())).toEqual(['create', 'update', 'delete']);
      for (const a of trail) {
        expect(a.actor_username).toBe('inspector');
        expect((a.after ?? a.before) as Record<string, unknown>).toMatchObject({ source_id: sourceId });
      }
    });
  }

  it('the history shows section rows: created fields, and per field old → new', async () => {
    const row = await createRow(inspector, sourceId, 'permits');
    await inspector.patch(`/api/sections/permits/${row.id}`, { version: 1, validUntil: '2029-05-31', status: 'valid' });
    const items = (await inspector.get(`/api/sources/${sourceId}/history?pageSize=5`)).json().items;
    expect(items[0]).toMatchObject({ action: 'source.permit.update', section: 'permits', sectionLabel: { zh: '排污许可', en: 'Discharge permits' }, entityId: row.id, actor: { username: 'inspector' } });
    expect(items[0].changes).toEqual([{ field: 'validUntil', label: { zh: '有效期至', en: 'Valid until' }, old: '2028-05-31', new: '2029-05-31' }]);
    expect(items[1]).toMatchObject({ action: 'source.permit.create', entityId: row.id });
    expect(items[1].changes).toEqual(expect.arrayContaining([{ field: 'permitNumber', label: expect.any(Object), old: null, new: row.permitNumber }]));
  });

  it('rows are checked against reference data and the rules, naming the field, and nothing is stored', async () => {
    const outlet = await createRow(inspector, sourceId, 'outlets');
    const limit = (extra: object) => ({ ...sampleRow('outlet-limits', { outletId: outlet.id }), ...extra });
    const { unit: _unit, ...noUnit } = limit({});
    const cases: Array<[string, object, number, string, RegExp]> = [
      ['devices', { ...sampleRow('devices'), mn: 'LD13013300001' }, 400, 'mn', /14–24位/],
      ['devices', { ...sampleRow('devices'), mn: 'LD1301330000#15' }, 400, 'mn', /不能包含“#”/],
      ['hazardous-wastes', { ...sampleRow('hazardous-wastes'), hwCode: '900-000-49' }, 400, 'hwCode', /不在《国家危险废物名录（2021年版）》中/],
      ['hazardous-wastes', { ...sampleRow('hazardous-wastes'), hwCode: 'HW49' }, 400, 'hwCode', /3位-3位-2位/],
      ['outlet-limits', noUnit, 400, 'unit', /必填/],
      ['outlet-limits', limit({ limitValue: 100 }), 400, 'limitValue', /与标准 GB 13271-2014/],
      ['outlet-limits', limit({ standardRow: 'NOx.wood' }), 400, 'standardRow', /不存在/],
      ['outlet-limits', limit({ basis: 'permit', standardId: null, standardTable: null, standardRow: null }), 400, 'permitId', /须选择许可证/],
      ['outlets', { ...sampleRow('outlets'), code: 'DW001' }, 400, 'code', /DA/],
      ['outlets', { ...sampleRow('outlets'), kind: 'water', code: 'DW001' }, 400, 'heightM', /只有废气排放口/],
      ['outlets', { ...sampleRow('outlets'), longitude: 121.2, latitude: 31.3 }, 400, 'longitude', /不在闵行区范围内/],
      ['permits', { ...sampleRow('permits'), validUntil: '2020-01-01' }, 400, 'validUntil', /晚于有效期起/],
      ['permits', { ...sampleRow('permits'), permitClass: 'registration' }, 400, 'reportFrequency', /登记管理/],
      ['permits', { ...sampleRow('permits'), annualReportDueMonth: 2, annualReportDueDay: 30 }, 400, 'annualReportDueDay', /2月没有30日/],
      ['eia-approvals', { ...sampleRow('eia-approvals'), documentNumber: null }, 400, 'documentNumber', /报告书\/报告表/],
      ['emergency-plans', { ...sampleRow('emergency-plans'), nextRevisionOn: '2020-01-01' }, 400, 'nextRevisionOn', /晚于备案日期/],
      ['contacts', { ...sampleRow('contacts'), email: 'not-an-email' }, 400, 'email', /格式/],
    ];
    const before = (await inspector.get(`/api/sources/${sourceId}/dossier`)).json().sections;
    for (const [key, body, status, field, reason] of cases) {
      const response = await inspector.post(url(key), body);
      expect({ key, field, status: response.statusCode }).toEqual({ key, field, status });
      expect(response.json().field).toBe(field);
      expect(response.json().message.zh).toMatch(reason);
    }
    expect((await inspector.get(`/api/sources/${sourceId}/dossier`)).json().sections).toEqual(before);
  });

  it('links point at rows of the same source; duplicates and rows still referred to answer 409', async () => {
    const foreignOutlet = await createRow(inspector, otherSourceId, 'outlets');
    const wrongOutlet = await inspector.post(url('outlet-limits'), sampleRow('outlet-limits', { outletId: foreignOutlet.id }));
    expect(wrongOutlet.statusCode).toBe(400);
    expect(wrongOutlet.json().field).toBe('outletId');

    const device = await createRow(inspector, sourceId, 'devices');
    const again = await inspector.post(`/api/sources/${otherSourceId}/sections/devices`, { ...sampleRow('devices'), mn: device.mn });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'mn_taken', field: 'mn' });

    const limit = await createRow(inspector, sourceId, 'outlet-limits');
    const inUse = await inspector.request('DELETE', `/api/sections/outlets/${limit.outletId}?version=1`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().code).toBe('row_in_use');
    const duplicate = await inspector.post(url('outlet-limits'), sampleRow('outlet-limits', { outletId: limit.outletId }));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().field).toBe('pollutantCode');
  });

  it('derived values: the waste category from its code, the reference O2 from the standard row', async () => {
    const waste = await createRow(inspector, sourceId, 'hazardous-wastes');
    expect(waste).toMatchObject({ hwCode: '900-041-49', category: 'HW49', categoryName: '其他废物' });
    const limit = await createRow(inspector, sourceId, 'outlet-limits');
    expect(limit).toMatchObject({ basis: 'standard', standardId: 'gb13271-2014', referenceO2Percent: 3.5 });
    const permit = await createRow(inspector, sourceId, 'permits');
    const own = await inspector.post(url('outlet-limits'), { outletId: limit.outletId, pollutantCode: 'a34013', pollutantName: '颗粒物', limitValue: 10, unit: 'mg/m³', basis: 'permit', permitId: permit.id });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ permitId: permit.id, referenceO2Percent: null });
    expect((await inspector.request('DELETE', `/api/sections/permits/${permit.id}?version=1`)).json().code).toBe('row_in_use');
  });
});
