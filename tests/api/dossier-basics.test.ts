import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appFor, loggedIn, type Client } from '../support/api';
import { describeEachEngine } from '../support/db';
import { makeUscc } from './dossier-support';

/** Basic data of a source: registration by hand, validation naming the field, versioned edits, change history, roles. */
describeEachEngine('dossier basics', 'seeded', (get) => {
  let app: FastifyInstance;
  let town: Client;
  let enterpriseSourceId: string;
  let gridId: string;
  let parkGridId: string;
  let otherTownGridId: string;
  beforeAll(async () => {
    app = await appFor(get());
    const db = get().db;
    const user = (name: string) => db.selectFrom('users').selectAll().where('username', '=', name).executeTakeFirstOrThrow();
    enterpriseSourceId = (await user('enterprise')).source_id!;
    gridId = (await user('grid')).region_id!;
    parkGridId = (await db.selectFrom('regions').select('id').where('kind', '=', 'plot').orderBy('id').executeTakeFirstOrThrow()).id;
    const otherTown = (await user('town_xinzhuang')).region_id!;
    otherTownGridId = (await db.selectFrom('regions').select('id').where('parent_id', '=', otherTown).orderBy('id').executeTakeFirstOrThrow()).id;
    town = await loggedIn(app, 'town');
  });
  afterAll(() => app.close());

  const body = (extra: object = {}) => ({
    name: `上海浦江测试精密机械有限公司${Math.random()}`,
    uscc: makeUscc(),
    sourceType: 'industrial',
    industryCode: '3484',
    permitClass: 'registration',
    address: '上海市闵行区浦江镇联航路1588号',
    gridId,
    longitude: 121.5049,
    latitude: 31.07295,
    legalRepresentative: '王建国',
    scale: 'small',
    employees: 80,
    ...extra,
  });
  const sourceCount = async () => Number((await get().db.selectFrom('sources').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('a town registers a source in its town: the dossier comes back, with one audit row', async () => {
    const input = body({ envDirectorName: '李环保', envDirectorPhone: '13900001111', registeredCapitalWan: 500, establishedOn: '2015-03-20' });
    const response = await town.post('/api/sources', input);
    expect(response.statusCode).toBe(201);
    const dossier = response.json();
    expect(dossier.source).toMatchObject({ name: input.name, uscc: input.uscc, industryName: expect.any(String), townName: '浦江镇', gridId, version: 1, envDirectorName: '李环保', registeredCapitalWan: 500, establishedOn: '2015-03-20' });
    expect(dossier.canEdit).toBe(true);
    expect(Object.keys(dossier.sections)).toHaveLength(12);
    expect(dossier.completeness.missing.map((m: { key: string }) => m.key)).toEqual(expect.arrayContaining(['contacts', 'eia', 'permit', 'facilities']));
    const audit = await get().db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'source').where('entity_id', '=', dossier.source.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['source.create']);
    expect((audit[0].after as Record<string, unknown>).uscc).toBe(input.uscc);
  });

  it('bad input is refused naming the field and the reason, and nothing is stored', async () => {
    const before = await sourceCount();
    const cases: Array<[object, string, RegExp]> = [
      [{ uscc: '91310112MA1G00000X' }, 'uscc', /第17位|校验码/],
      [{ uscc: '91310112ma1g000003' }, 'uscc', /须大写/],
      [{ uscc: '9131011' }, 'uscc', /18位/],
      [{ industryCode: '9999' }, 'industryCode', /不在 GB\/T 4754-2017/],
      [{ industryCode: '34' }, 'industryCode', /不是小类/],
      [{ longitude: 121.0, latitude: 31.0 }, 'longitude', /不在闵行区范围内/],
      [{ longitude: 121.5, latitude: null }, 'latitude', /同时填写/],
      [{ sourceType: 'factory' }, 'sourceType', /取值无效/],
      [{ contactPhone: 'call me' }, 'contactPhone', /格式/],
    ];
    for (const [extra, field, reason] of cases) {
      const response = await town.post('/api/sources', body(extra));
      expect({ extra, status: response.statusCode }).toEqual({ extra, status: 400 });
      expect(response.json().field).toBe(field);
      expect(response.json().message.zh).toMatch(reason);
      expect(response.json().message.en.length).toBeGreaterThan(0);
    }
    // A park's plot is outside a town's jurisdiction; the bureau sees it, and is told to give the park separately.
    const bureau = await loggedIn(app, 'bureau');
    const plot = await bureau.post('/api/sources', body({ gridId: parkGridId }));
    expect(plot.statusCode).toBe(400);
    expect(plot.json()).toMatchObject({ field: 'gridId', message: { zh: expect.stringMatching(/街镇下的村居网格/) } });
    expect(await sourceCount()).toBe(before);
  });

  it('a USCC already used answers 409 uscc_taken; a grid of another town answers 404', async () => {
    const existing = await get().db.selectFrom('sources').select('uscc').where('town_id', '<>', '310112114').executeTakeFirstOrThrow();
    const taken = await town.post('/api/sources', body({ uscc: existing.uscc }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'uscc_taken', field: 'uscc' });
    const elsewhere = await town.post('/api/sources', body({ gridId: otherTownGridId }));
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().code).toBe('not_found');
  });

  it('only admin, bureau and town register sources; grid and expert get 403 in their own region', async () => {
    for (const name of ['grid', 'expert']) {
      const client = await loggedIn(app, name, `10.3.0.${name.length}`);
      const response = await client.post('/api/sources', body());
      expect({ name, status: response.statusCode }).toEqual({ name, status: 403 });
    }
    const bureau = await loggedIn(app, 'bureau');
    expect((await bureau.post('/api/sources', body())).statusCode).toBe(201);
  });

  it('two editors at once: the second, stale edit gets 409 and overwrites nothing', async () => {
    const inspector = await loggedIn(app, 'inspector');
    const version = (await town.get(`/api/sources/${enterpriseSourceId}/dossier`)).json().version;
    const first = await town.patch(`/api/sources/${enterpriseSourceId}`, { version, mainProducts: '汽车座椅骨架 50 万套/年', employees: 120 });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(version + 1);
    const second = await inspector.patch(`/api/sources/${enterpriseSourceId}`, { version, mainProducts: '被覆盖的内容' });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'stale_version', field: 'version' });
    const stored = await get().db.selectFrom('sources').select(['main_products', 'employees', 'version']).where('id', '=', enterpriseSourceId).executeTakeFirstOrThrow();
    expect(stored).toEqual({ main_products: '汽车座椅骨架 50 万套/年', employees: 120, version: version + 1 });
  });

  it('an invalid edit changes nothing and names the field', async () => {
    const dossier = (await town.get(`/api/sources/${enterpriseSourceId}/dossier`)).json();
    const bad = await town.patch(`/api/sources/${enterpriseSourceId}`, { version: dossier.version, uscc: '91310112MA1G00000X', name: '不应保存' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('uscc');
    const after = (await town.get(`/api/sources/${enterpriseSourceId}/dossier`)).json();
    expect(after.source.name).toBe(dossier.source.name);
    expect(after.version).toBe(dossier.version);
  });

  it('the history shows who changed which field, old → new', async () => {
    const dossier = (await town.get(`/api/sources/${enterpriseSourceId}/dossier`)).json();
    const oldName = dossier.source.legalRepresentative;
    const oldDirector = dossier.source.envDirectorName;
    expect((await town.patch(`/api/sources/${enterpriseSourceId}`, { version: dossier.version, legalRepresentative: '赵新法人', envDirectorName: '钱总监' })).statusCode).toBe(200);
    const history = (await town.get(`/api/sources/${enterpriseSourceId}/history`)).json();
    const entry = history.items[0];
    expect(entry).toMatchObject({ action: 'source.update', section: 'basics', actor: { username: 'town', displayName: expect.any(String) } });
    expect(entry.changes).toEqual(
      expect.arrayContaining([
        { field: 'legalRepresentative', label: { zh: '法定代表人', en: 'Legal representative' }, old: oldName, new: '赵新法人' },
        { field: 'envDirectorName', label: expect.objectContaining({ zh: '环保总监' }), old: oldDirector, new: '钱总监' },
      ]),
    );
    expect(entry.changes.map((c: { field: string }) => c.field)).not.toContain('sourceId');
    expect(history.total).toBeGreaterThanOrEqual(2);
  });

  it('enterprise, grid and expert read their own source but get 403 on edits of it', async () => {
    for (const name of ['enterprise', 'grid', 'expert']) {
      const client = await loggedIn(app, name, `10.4.0.${name.length}`);
      const dossier = await client.get(`/api/sources/${enterpriseSourceId}/dossier`);
      expect({ name, status: dossier.statusCode }).toEqual({ name, status: 200 });
      expect(dossier.json().canEdit).toBe(false);
      const edit = await client.patch(`/api/sources/${enterpriseSourceId}`, { version: dossier.json().version, mainProducts: 'x' });
      expect({ name, status: edit.statusCode }).toEqual({ name, status: 403 });
      const row = await client.post(`/api/sources/${enterpriseSourceId}/sections/contacts`, { name: '某人', role: 'other' });
      expect({ name, status: row.statusCode }).toEqual({ name, status: 403 });
    }
  });
});
