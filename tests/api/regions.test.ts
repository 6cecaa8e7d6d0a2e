import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appFor, loggedIn } from '../support/api';
import { describeEachEngine } from '../support/db';

describeEachEngine('region tree', 'seeded', (get) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appFor(get());
  });
  afterAll(() => app.close());

  it('the bureau sees district → towns/parks → grids with source counts that add up', async () => {
    const bureau = await loggedIn(app, 'bureau');
    const { roots } = (await bureau.get('/api/regions/tree')).json();
    expect(roots).toHaveLength(1);
    const district = roots[0];
    expect(district).toMatchObject({ id: '310112', level: 'district', name: '闵行区' });
    const total = await get().db.selectFrom('sources').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(district.sourceCount).toBe(Number(total.n));
    const towns = district.children.filter((c: { level: string }) => c.level === 'town');
    const parks = district.children.filter((c: { level: string }) => c.level === 'park');
    expect(towns.length).toBeGreaterThanOrEqual(10);
    expect(parks.length).toBeGreaterThanOrEqual(2);
    // Every source sits in exactly one town, so town counts add up to the district.
    expect(towns.reduce((s: number, t: { sourceCount: number }) => s + t.sourceCount, 0)).toBe(district.sourceCount);
    for (const town of towns) {
      const gridSum = town.children.reduce((s: number, g: { sourceCount: number }) => s + g.sourceCount, 0);
      expect(gridSum).toBe(town.sourceCount);
    }
  });

  it('a town adds a grid under itself and renames it; the audit records both', async () => {
    const town = await loggedIn(app, 'town');
    const me = (await town.get('/api/me')).json();
    const created = await town.post('/api/regions', { parentId: me.scope.id, level: 'grid', name: '滨江地块' });
    expect(created.statusCode).toBe(201);
    const grid = created.json();
    expect(grid).toMatchObject({ parentId: me.scope.id, level: 'grid', name: '滨江地块', sourceCount: 0, editable: true });
    expect(grid.id.startsWith(me.scope.id)).toBe(true);
    const renamed = await town.patch(`/api/regions/${grid.id}`, { version: grid.version, name: '滨江一号地块' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe('滨江一号地块');
    const stale = await town.patch(`/api/regions/${grid.id}`, { version: grid.version, name: '覆盖' });
    expect(stale.statusCode).toBe(409);
    const actions = (await get().db.selectFrom('audit_log').select('action').where('entity_id', '=', grid.id).orderBy('seq').execute()).map((r) => r.action);
    expect(actions).toEqual(['region.create', 'region.rename']);
  });

  it('only district users add parks, only under the district; duplicates among siblings are refused', async () => {
    const town = await loggedIn(app, 'town');
    const me = (await town.get('/api/me')).json();
    const byTown = await town.post('/api/regions', { parentId: me.scope.id, level: 'park', name: '镇级园区' });
    expect(byTown.statusCode).toBe(400);
    expect(byTown.json().field).toBe('parentId');
    const bureau = await loggedIn(app, 'bureau');
    const park = await bureau.post('/api/regions', { parentId: '310112', level: 'park', name: '新建产业园' });
    expect(park.statusCode).toBe(201);
    expect(park.json().id).toMatch(/^310112P\d\d$/);
    const dup = await bureau.post('/api/regions', { parentId: '310112', level: 'park', name: '新建产业园' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'name_taken', field: 'name' });
    const blank = await bureau.post('/api/regions', { parentId: '310112', level: 'park', name: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().field).toBe('name');
  });
});
