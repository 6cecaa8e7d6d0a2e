import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appFor, Client, loggedIn } from '../support/api';
import { describeEachEngine } from '../support/db';
import { makeUscc, sampleRow } from './dossier-support';

/** The sources list and its filters, completeness (一企一表) per source and per town, and the reference pickers. */
describeEachEngine('dossier list and completeness', 'seeded', (get) => {
  let app: FastifyInstance;
  let bureau: Client;
  let town: Client;
  beforeAll(async () => {
    app = await appFor(get());
    bureau = await loggedIn(app, 'bureau');
    town = await loggedIn(app, 'town');
  });
  afterAll(() => app.close());

  const count = async (where: ReturnType<typeof sql>) =>
    Number((await sql<{ n: number }>`select count(*)::int as n from sources where ${where}`.execute(get().db)).rows[0].n);

  it('each filter narrows the list to exactly the rows the database holds for it', async () => {
    const db = get().db;
    const all = (await bureau.get('/api/sources?pageSize=1')).json().total;
    expect(all).toBe(await count(sql`true`));
    const park = await db.selectFrom('sources').select(['park_id', 'grid_id', 'town_id']).where('park_id', 'is not', null).orderBy('id').executeTakeFirstOrThrow();
    const named = await db.selectFrom('sources').select('name').where('source_type', '=', 'catering').orderBy('id').executeTakeFirstOrThrow();
    const word = named.name.slice(2, 4);
    const filters: Array<[string, ReturnType<typeof sql>]> = [
      [`townId=${park.town_id}`, sql`town_id = ${park.town_id} or park_id = ${park.town_id}`],
      [`townId=${park.park_id}`, sql`town_id = ${park.park_id} or park_id = ${park.park_id}`],
      [`parkId=${park.park_id}`, sql`park_id = ${park.park_id}`],
      [`gridId=${park.grid_id}`, sql`grid_id = ${park.grid_id}`],
      ['sourceType=catering', sql`source_type = 'catering'`],
      ['industryCode=34', sql`industry_code like '34%'`],
      ['industryCode=3670', sql`industry_code = '3670'`],
      ['industryCode=C', sql`substr(industry_code, 1, 2) between '13' and '43'`],
      ['permitClass=key', sql`permit_class = 'key'`],
      ['status=suspended', sql`lifecycle_status = 'suspended'`],
      [`q=${encodeURIComponent(word)}`, sql`name like ${`%${word}%`} or address like ${`%${word}%`}`],
      ['sourceType=industrial&permitClass=simplified&industryCode=39', sql`source_type = 'industrial' and permit_class = 'simplified' and industry_code like '39%'`],
    ];
    for (const [query, where] of filters) {
      const list = (await bureau.get(`/api/sources?${query}&pageSize=200`)).json();
      const expected = await count(where);
      expect({ query, total: list.total }).toEqual({ query, total: expected });
      expect(list.total).toBeGreaterThan(0);
      expect(list.total).toBeLessThan(all);
      expect(list.items.length).toBe(Math.min(200, expected));
    }
    const scoped = (await town.get('/api/sources?sourceType=industrial&pageSize=1')).json().total;
    expect(scoped).toBe(await count(sql`source_type = 'industrial' and (region_path like '/310112/310112114/%' or park_path like '/310112/310112114/%')`));
  });

  it('items carry the list fields old and new, and sort as asked', async () => {
    const list = (await bureau.get('/api/sources?sort=-name&pageSize=20')).json();
    const expected = await get().db.selectFrom('sources').select('id').orderBy('name', 'desc').orderBy('id').limit(20).execute();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual(expected.map((r) => r.id));
    expect(list.items[0]).toMatchObject({
      id: expect.any(String), name: expect.any(String), uscc: expect.any(String), townName: expect.any(String), gridName: expect.any(String), address: expect.any(String),
      lifecycleStatus: expect.any(String), completenessPercent: expect.any(Number), updatedAt: expect.any(String),
    });
    const byEmployees = (await bureau.get('/api/sources?sort=-employees&pageSize=5')).json().items.map((i: { employees: number }) => i.employees);
    expect(byEmployees).toEqual([...byEmployees].sort((a, b) => b - a));
    const bad = await bureau.get('/api/sources?industryCode=2x');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('industryCode');
  });

  it('completeness follows what is on file: each required item added raises it, all of them make the dossier complete', async () => {
    const grid = (await get().db.selectFrom('users').select('region_id').where('username', '=', 'grid').executeTakeFirstOrThrow()).region_id!;
    const byTown = async () => (await town.get('/api/completeness/by-town')).json();
    const before = await byTown();
    const created = await town.post('/api/sources', {
      name: `上海浦江完整度测试化工有限公司${Math.random()}`, uscc: makeUscc(), sourceType: 'industrial', industryCode: '2641', permitClass: 'key',
      address: '上海市闵行区浦江镇江月路1号', gridId: grid, longitude: 121.5049, latitude: 31.07295, legalRepresentative: '孙法人', scale: 'medium', employees: 320,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().source.id;
    const missing = (d: { completeness: { missing: Array<{ key: string }> } }) => d.completeness.missing.map((m) => m.key);
    let dossier = created.json();
    expect(missing(dossier)).toEqual(['contacts', 'env_director', 'eia', 'acceptance', 'permit', 'outlets', 'outlet_limits', 'facilities', 'hazardous_waste', 'emergency_plan']);
    expect(dossier.completeness.percent).toBe(9);

    const add = async (key: string, body: object) => {
      const r = await town.post(`/api/sources/${id}/sections/${key}`, body);
      expect(r.statusCode).toBe(201);
      return r.json();
    };
    let percent = dossier.completeness.percent;
    const step = async (gone: string) => {
      dossier = (await town.get(`/api/sources/${id}/dossier`)).json();
      expect(missing(dossier)).not.toContain(gone);
      expect(dossier.completeness.percent).toBeGreaterThan(percent);
      percent = dossier.completeness.percent;
    };
    await add('emergency-plans', sampleRow('emergency-plans'));
    await step('emergency_plan');
    await add('contacts', { name: '周总监', role: 'env_director', phone: '13700000000' });
    await step('env_director');
    expect(missing(dossier)).not.toContain('contacts');
    await add('eia-approvals', sampleRow('eia-approvals'));
    await step('eia');
    await add('acceptances', sampleRow('acceptances'));
    await step('acceptance');
    await add('permits', { ...sampleRow('permits'), permitClass: 'key', reportFrequency: 'quarterly' });
    await step('permit');
    const outlet = await add('outlets', sampleRow('outlets'));
    await step('outlets');
    expect(missing(dossier)).toContain('outlet_limits');
    await add('outlet-limits', sampleRow('outlet-limits', { outletId: outlet.id }));
    await step('outlet_limits');
    await add('facilities', sampleRow('facilities'));
    await step('facilities');
    await add('hazardous-wastes', sampleRow('hazardous-wastes'));
    await step('hazardous_waste');
    expect(dossier.completeness).toMatchObject({ percent: 100, missing: [] });

    const list = (await town.get(`/api/sources?q=${encodeURIComponent(dossier.source.uscc)}`)).json();
    expect(list.items[0]).toMatchObject({ id, completenessPercent: 100 });
    const after = await byTown();
    type Row = { regionId: string; sources: number; complete: number; rate: number };
    const row = (r: { rows: Row[] }) => r.rows.find((x) => x.regionId === '310112114')!;
    expect(row(after).sources).toBe(row(before).sources + 1);
    expect(row(after).complete).toBe(row(before).complete + 1);
    expect(row(after).rate).toBe(Math.round((row(after).complete * 1000) / row(after).sources) / 10);
    expect(after.rows.map((r: { regionId: string }) => r.regionId)).toEqual(['310112114']);
  });

  it('completeness by town covers the jurisdiction: every town (and park) with its rate and most common gaps', async () => {
    const report = (await bureau.get('/api/completeness/by-town')).json();
    const towns = report.rows.filter((r: { level: string }) => r.level === 'town');
    expect(towns.reduce((n: number, r: { sources: number }) => n + r.sources, 0)).toBe(report.total.sources);
    expect(report.total.sources).toBe(await count(sql`true`));
    expect(report.rows.some((r: { level: string }) => r.level === 'park')).toBe(true);
    expect(towns[0].topMissing[0]).toMatchObject({ key: expect.any(String), zh: expect.any(String), en: expect.any(String), count: expect.any(Number) });
  });

  it('reference pickers: 1,380 industry classes, the 2021 hazardous-waste list, the emission standards', async () => {
    expect((await bureau.get('/api/industries?limit=1')).json().total).toBe(1380);
    const paint = (await bureau.get(`/api/industries?q=${encodeURIComponent('涂料')}`)).json();
    expect(paint.items[0]).toMatchObject({ code: '2641', name: '涂料制造', path: [{ code: 'C' }, { code: '26' }, { code: '264' }] });
    expect((await bureau.get('/api/industries?q=26&level=2')).json().items).toEqual([expect.objectContaining({ code: '26' })]);
    expect((await bureau.get('/api/hazardous-waste-codes?limit=1')).json().total).toBe(467);
    const oils = (await bureau.get('/api/hazardous-waste-codes?category=HW08&limit=500')).json();
    expect(oils.items.every((w: { category: string }) => w.category === 'HW08')).toBe(true);
    expect((await bureau.get('/api/hazardous-waste-codes?q=900-041')).json().items[0]).toMatchObject({ code: '900-041-49', category: 'HW49' });
    const all = (await bureau.get('/api/standards')).json().items;
    expect(all.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['gb13271-2014', 'gb16297-1996', 'gb8978-1996', 'gb18918-2002', 'gb12348-2008']));
    const boiler = (await bureau.get('/api/standards?id=gb13271-2014')).json().items;
    expect(boiler).toHaveLength(1);
    expect(boiler[0].tables[1].rows).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'NOx.gas', limitValue: 200, unit: 'mg/m³', referenceO2Percent: 3.5 })]));
    expect((await bureau.get('/api/standards?medium=noise')).json().items.map((s: { id: string }) => s.id)).toEqual(['gb12348-2008']);
    expect((await new Client(app).get('/api/industries')).statusCode).toBe(401);
  });
});
