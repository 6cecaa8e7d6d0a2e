import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appFor, loggedIn, type Client } from '../support/api';
import { describeEachEngine } from '../support/db';

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

  /** Every endpoint that takes an id, with a target inside 浦江镇 (the 'town' user's jurisdiction). */
  const endpoints = () => {
    return [
      { method: 'GET', url: `/api/sources/${ids.enterpriseSourceId}`, path: '/api/sources/{id}' },
      { method: 'GET', url: `/api/users/${ids.gridUserId}`, path: '/api/users/{id}' },
      { method: 'PATCH', url: `/api/users/${ids.gridUserId}`, path: '/api/users/{id}', body: async () => ({ version: await version('users', ids.gridUserId), displayName: '改名' }) },
      { method: 'POST', url: `/api/users/${ids.gridUserId}/reset-password`, path: '/api/users/{id}/reset-password', body: async () => ({ version: await version('users', ids.gridUserId), password: 'N3wPassw0rd!' }) },
      { method: 'PATCH', url: `/api/regions/${ids.gridRegionId}`, path: '/api/regions/{id}', body: async () => ({ version: await version('regions', ids.gridRegionId), name: '改名村' }) },
      { method: 'POST', url: '/api/regions', path: '/api/regions', body: async () => ({ parentId: ids.townId, level: 'grid', name: `新网格${Math.random()}` }) },
    ];
  };
  async function version(table: 'users' | 'regions', id: string): Promise<number> {
    const row = await sql<{ version: number }>`select version from ${sql.table(table)} where id = ${id}`.execute(get().db);
    return row.rows[0].version;
  }

  it('the matrix covers every API path that takes an id', async () => {
    const doc = (await admin.get('/api/docs/json')).json();
    const withId = Object.keys(doc.paths).filter((p) => p.includes('{'));
    const covered = new Set(endpoints().map((e) => e.path));
    expect(withId.filter((p) => !covered.has(p))).toEqual([]);
  });

  for (const who of ['another town', 'another provider', 'another enterprise']) {
    it(`a user of ${who} gets 404 on every endpoint that takes an id, and nothing changes`, async () => {
      const client = outsiders[who];
      const auditBefore = await get().db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow();
      for (const endpoint of endpoints()) {
        const body = endpoint.body ? await endpoint.body() : undefined;
        const response = await client.request(endpoint.method, endpoint.url, body);
        expect({ endpoint: `${endpoint.method} ${endpoint.url}`, status: response.statusCode }).toEqual({ endpoint: `${endpoint.method} ${endpoint.url}`, status: 404 });
        expect(response.json().code).toBe('not_found');
      }
      const auditAfter = await get().db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow();
      expect(auditAfter.seq).toBe(auditBefore.seq);
    });
  }

  it('the same endpoints succeed for the user whose jurisdiction holds the target', async () => {
    const town = await loggedIn(app, 'town');
    for (const endpoint of endpoints()) {
      const body = endpoint.body ? await endpoint.body() : undefined;
      const response = await town.request(endpoint.method, endpoint.url, body);
      expect({ endpoint: `${endpoint.method} ${endpoint.url}`, status: response.statusCode }).toEqual({
        endpoint: `${endpoint.method} ${endpoint.url}`,
        status: endpoint.method === 'POST' && endpoint.url === '/api/regions' ? 201 : 200,
      });
    }
  });
});
