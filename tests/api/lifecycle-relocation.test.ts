import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appFor, loggedIn, type Client } from '../support/api';
import { describeEachEngine } from '../support/db';
import { auditCount, demoIds, forceStatus, insertSource, sourceVersion, type DemoIds } from './lifecycle-support';

describeEachEngine('lifecycle relocation', 'seeded', (get) => {
  let app: FastifyInstance;
  let ids: DemoIds;
  let town: Client;
  let xinzhuang: Client;
  let bureau: Client;

  beforeAll(async () => {
    app = await appFor(get());
    ids = await demoIds(get().db);
    town = await loggedIn(app, 'town', '10.31.0.1');
    xinzhuang = await loggedIn(app, 'town_xinzhuang', '10.31.0.2');
    bureau = await loggedIn(app, 'bureau', '10.31.0.3');
  });
  afterAll(() => app.close());

  const move = (client: Client, id: string, body: Record<string, unknown>) =>
    client.post(`/api/sources/${id}/relocate`, { address: '上海市闵行区新址路88号', reason: '整体搬迁至新址', ...ids.point, ...body });

  it('a source moved to another town keeps its id and records; the old town loses it (404), the new town sees it', async () => {
    const db = get().db;
    const { id } = await insertSource(db, { townId: ids.townId, gridId: ids.gridId });
    // Records attached to the source before the move: a contact row and a status change.
    await db.insertInto('source_contacts').values({ source_id: id, name: '王环保', role: 'env_director', phone: '13800001111' }).execute();
    const start = await town.post(`/api/sources/${id}/transitions`, { to: 'relocating', reason: '原址土地收储，启动搬迁', version: 1 });
    expect(start.statusCode).toBe(200);
    expect(start.json().relocation).toEqual({ allowed: true, outcomes: ['operating', 'construction'] });
    expect((await xinzhuang.get(`/api/sources/${id}/lifecycle`)).statusCode).toBe(404);

    // The town cannot move it out of its jurisdiction: the new grid does not exist for it.
    const before = await auditCount(db);
    const outside = await move(town, id, { gridId: ids.xinzhuangGridId, version: 2 });
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toMatchObject({ code: 'not_found', field: 'gridId' });
    expect(await auditCount(db)).toBe(before);

    const moved = await move(bureau, id, { townId: ids.xinzhuangTownId, gridId: ids.xinzhuangGridId, version: 2, effectiveDate: undefined });
    expect(moved.statusCode).toBe(200);
    const view = moved.json();
    expect(view).toMatchObject({ sourceId: id, status: 'operating', version: 3 });
    expect(view.history.map((h: { kind: string; from: string; to: string }) => `${h.kind}:${h.from}→${h.to}`)).toEqual([
      'relocation:relocating→operating',
      'transition:operating→relocating',
    ]);
    expect(view.relocations).toHaveLength(1);
    expect(view.relocations[0]).toMatchObject({
      from: { townId: ids.townId, gridId: ids.gridId, parkId: null, address: expect.stringContaining('测试路') },
      to: { townId: ids.xinzhuangTownId, gridId: ids.xinzhuangGridId, address: '上海市闵行区新址路88号', ...ids.point },
      reason: '整体搬迁至新址',
      actor: { name: expect.any(String) },
    });
    expect(await auditCount(db)).toBe(before + 1);

    const row = await db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const grid = await db.selectFrom('regions').select('path').where('id', '=', ids.xinzhuangGridId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ town_id: ids.xinzhuangTownId, grid_id: ids.xinzhuangGridId, region_path: grid.path, park_id: null, park_path: null });

    expect((await town.get(`/api/sources/${id}/lifecycle`)).statusCode).toBe(404);
    expect((await town.get(`/api/sources/${id}`)).statusCode).toBe(404);
    const seen = await xinzhuang.get(`/api/sources/${id}/lifecycle`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().history).toHaveLength(2);
    expect((await xinzhuang.get(`/api/sources/${id}`)).statusCode).toBe(200);
    const contacts = await db.selectFrom('source_contacts').select('name').where('source_id', '=', id).execute();
    expect(contacts.map((c) => c.name)).toEqual(['王环保']);
  });

  it('a project in construction changes site within the town into a park and keeps its status', async () => {
    const db = get().db;
    const { id } = await insertSource(db, { townId: ids.townId, gridId: ids.gridId }, { status: 'construction' });
    const park = await db.selectFrom('regions').select(['id', 'path']).where('level', '=', 'park').orderBy('id').executeTakeFirstOrThrow();
    const moved = await move(bureau, id, { gridId: ids.otherGridId, parkId: park.id, version: 1, nextStatus: 'construction' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'construction', history: [{ kind: 'relocation', from: 'construction', to: 'construction' }] });
    const row = await db.selectFrom('sources').select(['park_id', 'park_path', 'grid_id']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ park_id: park.id, park_path: park.path, grid_id: ids.otherGridId });
  });

  it('refuses bad moves with the field and reason, and changes nothing', async () => {
    const db = get().db;
    const { id } = await insertSource(db, { townId: ids.townId, gridId: ids.gridId, providerId: ids.providerId }, { status: 'operating' });
    const inspector = await loggedIn(app, 'inspector', '10.31.0.9');
    const before = await auditCount(db);

    const notRelocating = await move(town, id, { gridId: ids.otherGridId, version: 1 });
    expect(notRelocating.json()).toMatchObject({ code: 'invalid_transition' });
    expect(notRelocating.json().message.zh).toContain('搬迁');

    await forceStatus(db, id, 'relocating');
    const wrongTown = await move(bureau, id, { townId: ids.xinzhuangTownId, gridId: ids.otherGridId, version: 1 });
    expect(wrongTown.json()).toMatchObject({ code: 'invalid_field', field: 'townId' });
    const notGrid = await move(bureau, id, { gridId: ids.townId, version: 1 });
    expect(notGrid.json()).toMatchObject({ code: 'invalid_field', field: 'gridId' });
    const farAway = await move(bureau, id, { gridId: ids.otherGridId, longitude: 116.39, latitude: 39.91, version: 1 });
    expect(farAway.json()).toMatchObject({ code: 'invalid_field', field: 'longitude' });
    const badOutcome = await move(bureau, id, { gridId: ids.otherGridId, version: 1, nextStatus: 'closed' });
    expect(badOutcome.json()).toMatchObject({ code: 'invalid_field', field: 'nextStatus' });
    const unknownGrid = await move(bureau, id, { gridId: '310112999999', version: 1 });
    expect(unknownGrid.statusCode).toBe(404);
    const stale = await move(bureau, id, { gridId: ids.otherGridId, version: 7 });
    expect(stale.statusCode).toBe(409);
    const noAddress = await move(bureau, id, { gridId: ids.otherGridId, version: 1, address: '' });
    expect(noAddress.json().field).toBe('address');
    const denied = await move(inspector, id, { gridId: ids.otherGridId, version: 1 });
    expect(denied.statusCode).toBe(403);

    expect(await auditCount(db)).toBe(before);
    expect(await sourceVersion(db, id)).toBe(1);
    expect(await db.selectFrom('source_relocations').select('id').where('source_id', '=', id).execute()).toEqual([]);
  });
});
