import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appFor, loggedIn, type Client } from '../support/api';
import { describeEachEngine } from '../support/db';
import { auditCount, demoIds, insertSource, type DemoIds } from './lifecycle-support';

type Row = { no: number; suggestedClass: string; matchedBy: string; cells: Record<string, { text: string | null; applies: boolean }> };

describeEachEngine('permit class suggestion and decision', 'seeded', (get) => {
  let app: FastifyInstance;
  let ids: DemoIds;
  let town: Client;

  beforeAll(async () => {
    app = await appFor(get());
    ids = await demoIds(get().db);
    town = await loggedIn(app, 'town', '10.32.0.1');
  });
  afterAll(() => app.close());

  const suggest = async (code: string) => {
    const response = await town.get(`/api/permit-catalogue/suggest?industryCode=${code}`);
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  // Expected rows read from data/permit/pwxk_catalog_2019.json.
  it('2614 有机化学原料制造 → row 45 (基础化学原料制造261), 重点管理 unless 单纯混合或者分装', async () => {
    const s = await suggest('2614');
    expect(s).toMatchObject({ industryCode: '2614', industryName: '有机化学原料制造', suggestedClass: 'key', citedRow: { no: 45, industry: '基础化学原料制造261' } });
    expect(s.rows.map((r: Row) => r.no)).toEqual([45]);
    const row = s.rows[0] as Row;
    expect(row.cells.key).toMatchObject({ applies: true, text: expect.stringContaining('有机化学原料制造2614') });
    expect(row.cells.simplified).toMatchObject({ applies: true, text: expect.stringContaining('单纯混合或者分装的') });
    // The registration cell names only 2619: it does not apply to 2614.
    expect(row.cells.registration).toMatchObject({ applies: false, text: expect.stringContaining('2619') });
    expect(s.basis.zh).toContain('第45行');
    expect(s.alsoCheck.map((r: { no: number; section: string }) => r.no)).toEqual([109, 110, 111, 112]);
    expect(s.alsoCheck.map((r: { industry: string }) => r.industry)).toEqual(['锅炉', '工业炉窑', '表面处理', '水处理']);
  });

  it('3360 金属表面处理及热处理加工 → row 81; 1340 制糖业 → row 12 with 简化管理 as the fallback', async () => {
    const plating = await suggest('3360');
    expect(plating).toMatchObject({ suggestedClass: 'key', citedRow: { no: 81, industry: '金属表面处理及热处理加工336' } });
    expect(plating.rows[0].cells.key.text).toContain('专业电镀企业');
    expect(plating.rows[0].cells.registration).toEqual({ text: '其他', applies: true });
    const sugar = await suggest('1340');
    expect(sugar).toMatchObject({ suggestedClass: 'key', citedRow: { no: 12, industry: '制糖业134' } });
    expect(sugar.rows[0].cells.key.text).toBe('日加工糖料能力1000吨及以上的原糖、成品糖或者精制糖生产');
    expect(sugar.rows[0].cells.registration).toEqual({ text: null, applies: false });
    expect(sugar.basis.zh).toContain('简化管理');
  });

  it('other codes: an exclusion, a class named outright, a group row, and industries the 名录 does not list', async () => {
    // Row 80 lists 339 but excludes 3391/3392, which row 82 covers.
    expect(await suggest('3391')).toMatchObject({ suggestedClass: 'key', citedRow: { no: 82 } });
    expect((await suggest('3391')).rows.map((r: Row) => r.no)).toEqual([82]);
    expect(await suggest('3399')).toMatchObject({ suggestedClass: 'registration', citedRow: { no: 80 } });
    expect(await suggest('2682')).toMatchObject({ suggestedClass: 'registration', citedRow: { no: 52 } });
    expect(await suggest('8111')).toMatchObject({ suggestedClass: 'simplified', citedRow: { no: 106 } });
    const catering = await suggest('6210');
    expect(catering).toMatchObject({ suggestedClass: 'none', citedRow: { no: 108 } });
    expect(catering.rows[0].matchedBy).toBe('other_industries');
    const unknown = await town.get('/api/permit-catalogue/suggest?industryCode=1320');
    expect(unknown.json()).toMatchObject({ code: 'invalid_field', field: 'industryCode' });
    expect((await town.get('/api/permit-catalogue/suggest?industryCode=26')).statusCode).toBe(400);
  });

  it('confirming takes the cited row’s class; overriding needs a reason; each decision is recorded and audited', async () => {
    const db = get().db;
    const { id } = await insertSource(db, { townId: ids.townId, gridId: ids.gridId }, { industryCode: '2614', permitClass: 'registration' });
    const before = await auditCount(db);

    const wrongClass = await town.post(`/api/sources/${id}/permit-class`, { permitClass: 'simplified', catalogueRowNo: 45, decision: 'confirm', version: 1 });
    expect(wrongClass.json()).toMatchObject({ code: 'invalid_field', field: 'permitClass' });
    const wrongRow = await town.post(`/api/sources/${id}/permit-class`, { permitClass: 'key', catalogueRowNo: 12, decision: 'confirm', version: 1 });
    expect(wrongRow.json()).toMatchObject({ code: 'invalid_field', field: 'catalogueRowNo' });
    const noReason = await town.post(`/api/sources/${id}/permit-class`, { permitClass: 'simplified', catalogueRowNo: 45, decision: 'override', version: 1 });
    expect(noReason.json()).toMatchObject({ code: 'invalid_field', field: 'reason' });
    expect(await auditCount(db)).toBe(before);

    const confirmed = await town.post(`/api/sources/${id}/permit-class`, { permitClass: 'key', catalogueRowNo: 45, decision: 'confirm', version: 1 });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ permitClass: 'key', version: 2, decision: { suggestedClass: 'key', previousClass: 'registration', chosenClass: 'key', decision: 'confirm', catalogueRowNo: 45, reason: null } });

    const stale = await town.post(`/api/sources/${id}/permit-class`, { permitClass: 'simplified', catalogueRowNo: 45, decision: 'override', reason: '仅单纯分装', version: 1 });
    expect(stale.statusCode).toBe(409);
    const override = await town.post(`/api/sources/${id}/permit-class`, {
      permitClass: 'simplified', catalogueRowNo: 45, decision: 'override', reason: '经现场核实仅为单纯混合、分装，无化学反应工序', version: 2,
    });
    expect(override.statusCode).toBe(200);
    expect(override.json().decision).toMatchObject({ suggestedClass: 'key', previousClass: 'key', chosenClass: 'simplified', decision: 'override' });
    expect((await db.selectFrom('sources').select(['permit_class', 'version']).where('id', '=', id).executeTakeFirstOrThrow())).toEqual({ permit_class: 'simplified', version: 3 });
    expect(await auditCount(db)).toBe(before + 2);
    const audits = await db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'source.permit_class.decide').where('entity_id', '=', id).execute();
    expect(audits).toHaveLength(2);

    const lifecycle = (await town.get(`/api/sources/${id}/lifecycle`)).json();
    expect(lifecycle.permitDecisions.map((d: { decision: string }) => d.decision)).toEqual(['override', 'confirm']);
  });

  it('a general-process row may be cited by an override; read-only roles get 403', async () => {
    const db = get().db;
    const { id } = await insertSource(db, { townId: ids.townId, gridId: ids.gridId, providerId: ids.providerId }, { industryCode: '3311', permitClass: 'registration' });
    const boiler = await town.post(`/api/sources/${id}/permit-class`, { permitClass: 'simplified', catalogueRowNo: 109, decision: 'override', reason: '设有一台25吨/小时燃气锅炉', version: 1 });
    expect(boiler.statusCode).toBe(200);
    expect(boiler.json().decision).toMatchObject({ catalogueRowNo: 109, suggestedClass: 'simplified', chosenClass: 'simplified' });
    const inspector = await loggedIn(app, 'inspector', '10.32.0.2');
    expect((await inspector.post(`/api/sources/${id}/permit-class`, { permitClass: 'registration', catalogueRowNo: 80, decision: 'confirm', version: 2 })).statusCode).toBe(200);
    await db.updateTable('users').set({ source_id: id }).where('username', '=', 'enterprise').execute();
    const enterprise = await loggedIn(app, 'enterprise', '10.32.0.3');
    expect((await enterprise.post(`/api/sources/${id}/permit-class`, { permitClass: 'key', catalogueRowNo: 80, decision: 'override', reason: 'x', version: 3 })).statusCode).toBe(403);
    const grid = await loggedIn(app, 'grid', '10.32.0.4');
    expect((await grid.post(`/api/sources/${id}/permit-class`, { permitClass: 'key', catalogueRowNo: 80, decision: 'override', reason: 'x', version: 3 })).statusCode).toBe(403);
  });
});
