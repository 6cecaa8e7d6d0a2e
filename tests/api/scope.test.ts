import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appFor, loggedIn, type Client } from '../support/api';
import { describeEachEngine } from '../support/db';
import type { ScopeEndpoint, ScopeFixtures } from '../support/scope-matrix';

/**
 * Jurisdiction: every demo role sees exactly its scope, and every endpoint that takes an id
 * answers 404 to a user of another town, another provider or another enterprise.
 */
describeEachEngine('scope', 'seeded', (get) => {
  let app: FastifyInstance;
  let admin: Client;
  const ids = { townId: '', gridRegionId: '', enterpriseSourceId: '', gridUserId: '', otherTownId: '', otherProviderId: '', otherSourceId: '' };
  const outsiders: Record<string, Client> = {};

  beforeAll(async () => {
    app = await appFor(get());
    const db = get().db;
    const user = (name: string) => db.selectFrom('users').selectAll().where('username', '=', name).executeTakeFirstOrThrow();
    const town = await user('town');
    const grid = await user('grid');
    const enterprise = await user('enterprise');
    const provider = await user('provider');
    const otherTown = await user('town_xinzhuang');
    Object.assign(ids, {
      townId: town.region_id!,
      gridRegionId: grid.region_id!,
      enterpriseSourceId: enterprise.source_id!,
      gridUserId: grid.id,
      otherTownId: otherTown.region_id!,
    });
    const otherProvider = await db.selectFrom('providers').select('id').where('id', '<>', provider.provider_id!).orderBy('name').executeTakeFirstOrThrow();
    ids.otherProviderId = otherProvider.id;
    const otherSource = await db
      .selectFrom('sources')
      .select('id')
      .where('town_id', '=', otherTown.region_id!)
      .where('id', 'in', db.selectFrom('provider_sources').select('source_id').where('provider_id', '=', otherProvider.id))
      .orderBy('name')
      .executeTakeFirst();
    const fallbackSource = await db.selectFrom('sources').select('id').where('town_id', '=', otherTown.region_id!).orderBy('name').executeTakeFirstOrThrow();
    ids.otherSourceId = (otherSource ?? fallbackSource).id;

    admin = await loggedIn(app, 'admin');
    const create = async (body: object) => {
      const response = await admin.post('/api/users', body);
      if (response.statusCode !== 201) throw new Error(response.body);
    };
    await create({ username: 'other_provider_mgr', displayName: '他方机构', password: 'Passw0rd!x', role: 'provider_manager', providerId: ids.otherProviderId });
    await create({ username: 'other_enterprise', displayName: '他方企业', password: 'Passw0rd!x', role: 'enterprise', sourceId: ids.otherSourceId });
    outsiders['another town'] = await loggedIn(app, 'town_xinzhuang');
    outsiders['another provider'] = await loggedIn(app, 'other_provider_mgr', undefined, 'Passw0rd!x');
    outsiders['another enterprise'] = await loggedIn(app, 'other_enterprise', undefined, 'Passw0rd!x');
  });
  afterAll(() => app.close());

  it('the town user counts only its own town', async () => {
    const town = await loggedIn(app, 'town');
    const overview = (await town.get('/api/overview')).json();
    const expected = await get().db.selectFrom('sources').select((eb) => eb.fn.countAll<number>().as('n')).where('town_id', '=', ids.townId).executeTakeFirstOrThrow();
    expect(overview.totalSources).toBe(Number(expected.n));
    expect(overview.totalSources).toBeGreaterThan(0);
    expect(overview.byTown.map((t: { regionId: string }) => t.regionId)).toEqual([ids.townId]);
    const list = (await town.get('/api/sources?pageSize=200')).json();
    expect(list.total).toBe(overview.totalSources);
  });

  it('the enterprise user sees exactly its own source', async () => {
    const enterprise = await loggedIn(app, 'enterprise');
    const list = (await enterprise.get('/api/sources')).json();
    expect(list.total).toBe(1);
    expect(list.items[0].id).toBe(ids.enterpriseSourceId);
    expect((await enterprise.get('/api/overview')).json().totalSources).toBe(1);
  });

  it('the provider user sees exactly its contracted sources, the grid user its grid', async () => {
    const provider = await loggedIn(app, 'provider');
    const providerId = (await get().db.selectFrom('users').select('provider_id').where('username', '=', 'provider').executeTakeFirstOrThrow()).provider_id!;
    const contracted = await get().db.selectFrom('provider_sources').select((eb) => eb.fn.countAll<number>().as('n')).where('provider_id', '=', providerId).executeTakeFirstOrThrow();
    expect((await provider.get('/api/overview')).json().totalSources).toBe(Number(contracted.n));

    const grid = await loggedIn(app, 'grid');
    const inGrid = await get().db.selectFrom('sources').select((eb) => eb.fn.countAll<number>().as('n')).where('grid_id', '=', ids.gridRegionId).executeTakeFirstOrThrow();
    expect((await grid.get('/api/overview')).json().totalSources).toBe(Number(inGrid.n));
    const tree = (await grid.get('/api/regions/tree')).json();
    expect(tree.roots.map((r: { id: string }) => r.id)).toEqual([ids.gridRegionId]);
  });

  it('bureau and admin see the whole district', async () => {
    const all = await get().db.selectFrom('sources').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    for (const name of ['bureau', 'admin', 'expert']) {
      const client = await loggedIn(app, name);
      expect((await client.get('/api/overview')).json().totalSources).toBe(Number(all.n));
    }
  });

  // Every module lists its id-taking endpoints in tests/api/scope-matrix/<module>.ts.
  const modules = import.meta.glob<{ endpoints: ScopeEndpoint[] }>('./scope-matrix/*.ts', { eager: true });
  const endpoints = Object.values(modules).flatMap((m) => m.endpoints);
  const fixtures = (): ScopeFixtures => ({
    db: get().db, app, admin, townId: ids.townId, gridRegionId: ids.gridRegionId, enterpriseSourceId: ids.enterpriseSourceId, gridUserId: ids.gridUserId,
  });

  it('the matrix covers every API path that takes an id', async () => {
    const doc = (await admin.get('/api/docs/json')).json();
    const withId = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      path.includes('{') || path === '/api/regions' ? Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`) : [],
    );
    const covered = new Set(endpoints.map((e) => `${e.method} ${e.path}`));
    expect(withId.filter((p) => !covered.has(p))).toEqual([]);
  });

  for (const who of ['another town', 'another provider', 'another enterprise']) {
    it(`a user of ${who} gets 404 on every endpoint that takes an id, and nothing changes`, async () => {
      const client = outsiders[who];
      const auditBefore = await get().db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow();
      for (const endpoint of endpoints) {
        const { url, body } = await endpoint.request(fixtures());
        const response = await client.request(endpoint.method, url, body);
        expect({ endpoint: `${endpoint.method} ${url}`, status: response.statusCode }).toEqual({ endpoint: `${endpoint.method} ${url}`, status: 404 });
        expect(response.json().code).toBe('not_found');
      }
      const auditAfter = await get().db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow();
      expect(auditAfter.seq).toBe(auditBefore.seq);
    });
  }

  it('the same endpoints succeed for the user whose jurisdiction holds the target', async () => {
    const insiders = new Map<string, Client>();
    for (const endpoint of endpoints) {
      const as = endpoint.okAs ?? 'town';
      if (!insiders.has(as)) insiders.set(as, await loggedIn(app, as, '10.7.0.1'));
      const { url, body } = await endpoint.request(fixtures());
      const response = await insiders.get(as)!.request(endpoint.method, url, body);
      expect({ endpoint: `${endpoint.method} ${url}`, status: response.statusCode }).toEqual({ endpoint: `${endpoint.method} ${url}`, status: endpoint.okStatus ?? 200 });
    }
  });
});
