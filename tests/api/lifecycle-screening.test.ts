import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appFor, loggedIn, type Client } from '../support/api';
import { describeEachEngine } from '../support/db';
import { auditCount, demoIds, makeUscc, type DemoIds } from './lifecycle-support';

type Entry = { id: string; industryCodePrefix: string; restriction: string; editable: boolean; version: number; regionId: string | null };

describeEachEngine('negative list and entry screening', 'seeded', (get) => {
  let app: FastifyInstance;
  let ids: DemoIds;
  let admin: Client;
  let bureau: Client;
  let town: Client;
  let enterprise: Client;

  beforeAll(async () => {
    app = await appFor(get());
    ids = await demoIds(get().db);
    admin = await loggedIn(app, 'admin', '10.33.0.1');
    bureau = await loggedIn(app, 'bureau', '10.33.0.2');
    town = await loggedIn(app, 'town', '10.33.0.3');
    enterprise = await loggedIn(app, 'enterprise', '10.33.0.4');
  });
  afterAll(() => app.close());

  it('everyone reads the seeded platform-wide demo entries; only the administrator edits them', async () => {
    const list = (await enterprise.get('/api/negative-list')).json();
    expect(list.canCreate).toBe(false);
    const prefixes = list.items.map((e: Entry) => e.industryCodePrefix);
    expect(prefixes).toEqual(expect.arrayContaining(['2511', '26', '3360']));
    expect(list.items.every((e: Entry & { reason: string }) => e.regionId === null && !e.editable && e.reason.includes('示例'))).toBe(true);
    const refinery = list.items.find((e: Entry) => e.industryCodePrefix === '2511');
    expect((await bureau.get('/api/negative-list')).json().items.find((e: Entry) => e.id === refinery.id).editable).toBe(false);
    expect((await bureau.patch(`/api/negative-list/${refinery.id}`, { version: 1, scopeNote: '改' })).statusCode).toBe(404);
    const edited = await admin.patch(`/api/negative-list/${refinery.id}`, { version: 1, scopeNote: '适用于全区居住集中区' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, scopeNote: '适用于全区居住集中区', editable: true });
  });

  it('the bureau keeps entries of its district: create, edit with version (409 when stale), delete', async () => {
    const before = await auditCount(get().db);
    const created = await bureau.post('/api/negative-list', {
      regionId: ids.townId, industryCodePrefix: '3130', name: '钢压延加工', restriction: 'restricted',
      reason: '示例：浦江镇居住区周边不再新建热轧项目', scopeNote: '仅冷轧精整可个案研判',
    });
    expect(created.statusCode).toBe(201);
    const entry = created.json();
    expect(entry).toMatchObject({ regionId: ids.townId, industryName: '钢压延加工', restriction: 'restricted', active: true, version: 1, editable: true });
    expect((await enterprise.get('/api/negative-list')).json().items.map((e: Entry) => e.id)).toContain(entry.id);
    const xinzhuang = await loggedIn(app, 'town_xinzhuang', '10.33.0.5');
    expect((await xinzhuang.get('/api/negative-list')).json().items.map((e: Entry) => e.id)).not.toContain(entry.id);

    const edited = await bureau.patch(`/api/negative-list/${entry.id}`, { version: 1, restriction: 'forbidden' });
    expect(edited.json()).toMatchObject({ restriction: 'forbidden', version: 2 });
    const stale = await bureau.patch(`/api/negative-list/${entry.id}`, { version: 1, active: false });
    expect(stale.statusCode).toBe(409);
    expect((await town.patch(`/api/negative-list/${entry.id}`, { version: 2, active: false })).statusCode).toBe(404);
    expect((await bureau.request('DELETE', `/api/negative-list/${entry.id}?version=1`)).statusCode).toBe(409);
    expect((await bureau.request('DELETE', `/api/negative-list/${entry.id}?version=2`)).statusCode).toBe(204);
    expect(await get().db.selectFrom('negative_list_entries').select('id').where('id', '=', entry.id).executeTakeFirst()).toBeUndefined();
    // Login, create, edit, delete: one audit row each.
    expect(await auditCount(get().db)).toBe(before + 4);
  });

  it('refuses bad entries with the field: unknown code, grid region, platform-wide by a bureau, a town editor', async () => {
    const base = { regionId: ids.townId, industryCodePrefix: '3130', name: '钢压延加工', restriction: 'restricted', reason: '示例' };
    expect((await bureau.post('/api/negative-list', { ...base, industryCodePrefix: '99' })).json()).toMatchObject({ code: 'invalid_field', field: 'industryCodePrefix' });
    expect((await bureau.post('/api/negative-list', { ...base, industryCodePrefix: '3a' })).json()).toMatchObject({ field: 'industryCodePrefix' });
    expect((await bureau.post('/api/negative-list', { ...base, regionId: ids.gridId })).json()).toMatchObject({ code: 'invalid_field', field: 'regionId' });
    expect((await bureau.post('/api/negative-list', { ...base, regionId: null })).json()).toMatchObject({ code: 'forbidden', field: 'regionId' });
    expect((await bureau.post('/api/negative-list', { ...base, restriction: 'maybe' })).json()).toMatchObject({ field: 'restriction' });
    expect((await town.post('/api/negative-list', base)).statusCode).toBe(403);
    expect((await admin.post('/api/negative-list', { ...base, regionId: null })).statusCode).toBe(201);
  });

  it('screening: forbidden, restricted and allowed verdicts with hits, the permit suggestion and notes', async () => {
    const refinery = (await town.post('/api/screening', { name: '某炼化项目', industryCode: '2511', townId: ids.townId })).json();
    expect(refinery.verdict).toBe('forbidden');
    expect(refinery.hits.map((h: Entry) => h.industryCodePrefix)).toEqual(['2511']);
    expect(refinery.permitSuggestion).toMatchObject({ suggestedClass: 'key', citedRow: { no: 42 } });
    expect(refinery.notes[0].zh).toContain('禁止准入');

    const chemical = (await town.post('/api/screening', { name: '某化工新材料项目', industryCode: '2614', townId: ids.townId })).json();
    expect(chemical).toMatchObject({ verdict: 'restricted', verdictLabel: { zh: '限制准入' } });
    expect(chemical.hits.map((h: Entry) => h.industryCodePrefix)).toEqual(['26']);

    const sugar = await town.post('/api/screening', { name: '某食品厂', industryCode: '1340', townId: ids.townId, uscc: makeUscc() });
    expect(sugar.statusCode).toBe(200);
    expect(sugar.json()).toMatchObject({ verdict: 'allowed', hits: [], permitSuggestion: { citedRow: { no: 12 } } });

    // A town-level entry applies inside that town only.
    await bureau.post('/api/negative-list', { regionId: ids.townId, industryCodePrefix: '1340', name: '制糖业', restriction: 'restricted', reason: '示例：浦江镇限制' });
    expect((await town.post('/api/screening', { name: '某食品厂', industryCode: '1340', townId: ids.townId })).json().verdict).toBe('restricted');
    expect((await bureau.post('/api/screening', { name: '某食品厂', industryCode: '1340', townId: ids.xinzhuangTownId })).json().verdict).toBe('allowed');
  });

  it('screening refuses bad input and answers 404 for places outside the jurisdiction', async () => {
    expect((await town.post('/api/screening', { name: '某厂', industryCode: '1340' })).json()).toMatchObject({ code: 'invalid_field', field: 'townId' });
    expect((await town.post('/api/screening', { name: '某厂', industryCode: '1320', townId: ids.townId })).json()).toMatchObject({ field: 'industryCode' });
    expect((await town.post('/api/screening', { name: '某厂', industryCode: '1340', townId: ids.townId, uscc: '91310112MA1G000000' })).json()).toMatchObject({ field: 'uscc' });
    expect((await town.post('/api/screening', { name: '某厂', industryCode: '1340', townId: ids.gridId })).json()).toMatchObject({ field: 'townId' });
    expect((await town.post('/api/screening', { name: '某厂', industryCode: '1340', townId: ids.xinzhuangTownId })).statusCode).toBe(404);
    const inspector = await loggedIn(app, 'inspector', '10.33.0.6');
    expect((await inspector.post('/api/screening', { name: '某厂', industryCode: '1340', townId: ids.townId })).statusCode).toBe(404);
  });

  it('registering: forbidden refused, restricted needs acknowledgement, then the source starts in 准入评估', async () => {
    const base = { name: '上海测试化工新材料有限公司', sourceType: 'industrial', townId: ids.townId, gridId: ids.gridId, address: '上海市闵行区浦江镇测试路1号', ...ids.point };
    const before = await auditCount(get().db);
    const forbidden = await town.post('/api/screening/register', { ...base, industryCode: '2511', uscc: makeUscc() });
    expect(forbidden.json()).toMatchObject({ code: 'screening_forbidden', field: 'industryCode' });
    const unacknowledged = await town.post('/api/screening/register', { ...base, industryCode: '2614', uscc: makeUscc() });
    expect(unacknowledged.json()).toMatchObject({ code: 'invalid_field', field: 'acknowledgeRestrictions' });
    const wrongTown = await bureau.post('/api/screening/register', { ...base, townId: ids.xinzhuangTownId, industryCode: '3670', uscc: makeUscc() });
    expect(wrongTown.json()).toMatchObject({ code: 'invalid_field', field: 'gridId' });
    expect(await auditCount(get().db)).toBe(before);

    const uscc = makeUscc();
    const registered = await town.post('/api/screening/register', { ...base, industryCode: '2614', uscc, acknowledgeRestrictions: true });
    expect(registered.statusCode).toBe(201);
    const { sourceId, status, screening } = registered.json();
    expect(status).toBe('screening');
    expect(screening.verdict).toBe('restricted');
    const row = await get().db.selectFrom('sources').selectAll().where('id', '=', sourceId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ uscc, lifecycle_status: 'screening', permit_class: 'key', town_id: ids.townId, grid_id: ids.gridId, version: 1 });
    const lifecycle = (await town.get(`/api/sources/${sourceId}/lifecycle`)).json();
    expect(lifecycle.history).toMatchObject([{ kind: 'registration', from: null, to: 'screening' }]);
    expect(lifecycle.allowedTransitions.map((t: { to: string }) => t.to).sort()).toEqual(['closed', 'construction']);
    const actions = await get().db.selectFrom('audit_log').select('action').where('entity_id', '=', sourceId).orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['source.create', 'source.lifecycle.register']);

    const again = await town.post('/api/screening/register', { ...base, industryCode: '2614', uscc, acknowledgeRestrictions: true });
    expect(again.statusCode).toBe(409);
    const start = await town.post(`/api/sources/${sourceId}/transitions`, { to: 'construction', reason: '准入通过', version: 1 });
    expect(start.json()).toMatchObject({ status: 'construction', version: 2 });
  });
});
