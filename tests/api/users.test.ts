import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appFor, Client, loggedIn } from '../support/api';
import { describeEachEngine } from '../support/db';

describeEachEngine('users administration', 'seeded', (get) => {
  let app: FastifyInstance;
  let townRegion: string;
  let gridRegion: string;
  let otherTownRegion: string;
  beforeAll(async () => {
    app = await appFor(get());
    const users = await get().db.selectFrom('users').select(['username', 'region_id']).where('username', 'in', ['town', 'grid', 'town_xinzhuang']).execute();
    const by = Object.fromEntries(users.map((u) => [u.username, u.region_id!]));
    townRegion = by.town;
    gridRegion = by.grid;
    otherTownRegion = by.town_xinzhuang;
  });
  afterAll(() => app.close());

  it('a town creates a grid cadre in its town, who can then log in and sees that grid', async () => {
    const town = await loggedIn(app, 'town');
    const created = await town.post('/api/users', { username: 'cadre_li', displayName: '李网格员', password: 'Cadre@2026', role: 'grid', regionId: gridRegion, phone: '13800001234' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'cadre_li', role: 'grid', regionId: gridRegion, disabled: false, locked: false, version: 1 });
    const audit = await get().db.selectFrom('audit_log').selectAll().where('action', '=', 'user.create').where('entity_id', '=', created.json().id).executeTakeFirstOrThrow();
    expect(audit.actor_username).toBe('town');
    expect(JSON.stringify(audit.after)).not.toContain('Cadre@2026');
    const cadre = await loggedIn(app, 'cadre_li', '10.1.0.1', 'Cadre@2026');
    expect((await cadre.get('/api/me')).json().scope.id).toBe(gridRegion);
  });

  it('a town cannot grant roles above it nor anchor users outside its town', async () => {
    const town = await loggedIn(app, 'town');
    const bureau = await town.post('/api/users', { username: 'wannabe', displayName: 'X', password: 'Passw0rd!1', role: 'bureau', regionId: townRegion });
    expect(bureau.statusCode).toBe(403);
    expect(bureau.json()).toMatchObject({ code: 'role_not_grantable', field: 'role' });
    const elsewhere = await town.post('/api/users', { username: 'wannabe', displayName: 'X', password: 'Passw0rd!1', role: 'town', regionId: otherTownRegion });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json()).toMatchObject({ code: 'invalid_field', field: 'regionId' });
    const wrongLevel = await town.post('/api/users', { username: 'wannabe', displayName: 'X', password: 'Passw0rd!1', role: 'grid', regionId: townRegion });
    expect(wrongLevel.json()).toMatchObject({ code: 'invalid_field', field: 'regionId' });
    expect(await get().db.selectFrom('users').select('id').where('username', '=', 'wannabe').executeTakeFirst()).toBeUndefined();
  });

  it('roles without user administration get 403 on the list and create', async () => {
    for (const name of ['inspector', 'enterprise', 'grid']) {
      const client = await loggedIn(app, name, `10.2.0.${name.length}`);
      expect((await client.get('/api/users')).statusCode).toBe(403);
      expect((await client.post('/api/users', { username: 'zz', displayName: 'Z', password: 'Passw0rd!1', role: 'grid', regionId: gridRegion })).statusCode).toBe(403);
    }
  });

  it('the list is scoped, searchable and filterable by role', async () => {
    const town = await loggedIn(app, 'town');
    const list = (await town.get('/api/users?pageSize=200')).json();
    const names = list.items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['town', 'grid', 'enterprise']));
    expect(names).not.toContain('admin');
    expect(names).not.toContain('bureau');
    expect(names).not.toContain('town_xinzhuang');
    const grids = (await town.get('/api/users?role=grid')).json();
    expect(grids.items.every((u: { role: string }) => u.role === 'grid')).toBe(true);
    const search = (await town.get('/api/users?q=enterp')).json();
    expect(search.items.map((u: { username: string }) => u.username)).toEqual(['enterprise']);
  });

  it('edits carry a version: a stale edit gets 409 and does not overwrite', async () => {
    const bureau = await loggedIn(app, 'bureau');
    const expert = await get().db.selectFrom('users').selectAll().where('username', '=', 'expert').executeTakeFirstOrThrow();
    const first = await bureau.patch(`/api/users/${expert.id}`, { version: expert.version, displayName: '专家 甲' });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(expert.version + 1);
    const stale = await bureau.patch(`/api/users/${expert.id}`, { version: expert.version, displayName: '专家 乙' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_version', field: 'version' });
    const row = await get().db.selectFrom('users').select('display_name').where('id', '=', expert.id).executeTakeFirstOrThrow();
    expect(row.display_name).toBe('专家 甲');
  });

  it('changes role and scope together, and records before and after in the audit', async () => {
    const admin = await loggedIn(app, 'admin');
    const created = (await admin.post('/api/users', { username: 'mover', displayName: '调岗', password: 'Passw0rd!1', role: 'grid', regionId: gridRegion })).json();
    const moved = await admin.patch(`/api/users/${created.id}`, { version: created.version, role: 'town', regionId: otherTownRegion });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ role: 'town', regionId: otherTownRegion });
    const audit = await get().db.selectFrom('audit_log').selectAll().where('action', '=', 'user.update').where('entity_id', '=', created.id).executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ role: 'grid', region_id: gridRegion });
    expect(audit.after).toMatchObject({ role: 'town', region_id: otherTownRegion });
  });

  it('nobody disables themselves or changes their own role', async () => {
    const town = await loggedIn(app, 'town');
    const me = (await town.get('/api/me')).json();
    const row = await get().db.selectFrom('users').select('version').where('id', '=', me.id).executeTakeFirstOrThrow();
    const response = await town.patch(`/api/users/${me.id}`, { version: row.version, disabled: true });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('self_change');
  });

  it('a duplicate username is refused with 409 naming the field', async () => {
    const admin = await loggedIn(app, 'admin');
    const dup = await admin.post('/api/users', { username: 'bureau', displayName: 'B', password: 'Passw0rd!1', role: 'expert', regionId: townRegion });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'username_taken', field: 'username' });
  });

  it('a password reset ends the user’s sessions; the new password works', async () => {
    const grid = await loggedIn(app, 'grid', '10.3.0.1');
    const town = await loggedIn(app, 'town');
    const row = await get().db.selectFrom('users').select(['id', 'version']).where('username', '=', 'grid').executeTakeFirstOrThrow();
    const reset = await town.post(`/api/users/${row.id}/reset-password`, { version: row.version, password: 'Fresh@Pass1' });
    expect(reset.statusCode).toBe(200);
    expect((await grid.get('/api/me')).statusCode).toBe(401);
    expect((await new Client(app, '10.3.0.2').login('grid', 'Fresh@Pass1')).statusCode).toBe(200);
  });
});
