import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { LOCKOUT, LOGIN_RATE_LIMIT } from '../../src/server/modules/identity/auth.service';
import { appFor, Client, loggedIn } from '../support/api';
import { describeEachEngine } from '../support/db';

describeEachEngine('auth', 'seeded', (get, engine) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appFor(get());
  });
  afterAll(() => app.close());

  it('health reports the version and the engine', async () => {
    const response = await new Client(app).get('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', version: 'test', engine });
  });

  it('the client configuration names the map tile layer only when the server has one', async () => {
    expect((await new Client(app).get('/api/client-config')).json()).toEqual({ mapTileUrl: null, mapTileAttribution: '' });
    const env = { MAP_TILE_URL: 'https://tiles.example.gov.cn/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '© 区测绘院' };
    const tiled = await appFor(get(), { mapTileUrl: loadConfig(env).mapTileUrl, mapTileAttribution: loadConfig(env).mapTileAttribution });
    expect((await new Client(tiled).get('/api/client-config')).json()).toEqual({ mapTileUrl: env.MAP_TILE_URL, mapTileAttribution: '© 区测绘院' });
    await tiled.close();
    expect(() => loadConfig({ MAP_TILE_URL: 'https://tiles.example.gov.cn/tiles.png' })).toThrow(/MAP_TILE_URL.*\{z\}/);
    expect(() => loadConfig({ MAP_TILE_URL: 'ftp://tiles/{z}/{x}/{y}.png' })).toThrow(/http\(s\)/);
  });

  it('serves the OpenAPI document and the browsable docs page', async () => {
    const json = await new Client(app).get('/api/docs/json');
    expect(json.statusCode).toBe(200);
    const doc = json.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users', '/api/regions/tree', '/api/sources/{id}']));
    const page = await new Client(app).get('/api/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });

  it('logs in with a session cookie that is httpOnly and SameSite, and /api/me names the user', async () => {
    const client = new Client(app);
    await client.get('/api/auth/csrf');
    const response = await client.post('/api/auth/login', { username: 'town', password: inject('demoPassword') });
    expect(response.statusCode).toBe(200);
    const setCookie = ([] as string[]).concat(response.headers['set-cookie'] as string[]);
    const session = setCookie.find((c) => c.startsWith('es_session='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    const me = (await client.get('/api/me')).json();
    expect(me.username).toBe('town');
    expect(me.role).toBe('town');
    expect(me.scope.kind).toBe('region');
    expect(me.scope.name).toBe('浦江镇');
  });

  it('stores only a hash of the session token', async () => {
    const client = await loggedIn(app, 'bureau');
    const token = client.cookies.get('es_session')!;
    const rows = await get().db.selectFrom('sessions').select('id').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.id === token)).toBe(false);
  });

  it('wrong password and unknown user get the same clear 401', async () => {
    const client = new Client(app, '10.9.0.1');
    await client.get('/api/auth/csrf');
    const wrong = await client.post('/api/auth/login', { username: 'expert', password: 'not-the-password' });
    const unknown = await client.post('/api/auth/login', { username: 'nobody-here', password: 'whatever1' });
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ code: 'invalid_credentials', message: { zh: '用户名或密码错误', en: 'Wrong username or password' } });
    }
  });

  it(`locks an account after ${LOCKOUT.maxFailures} wrong passwords, even against the right one`, async () => {
    const client = new Client(app, '10.9.0.2');
    await client.get('/api/auth/csrf');
    for (let i = 0; i < LOCKOUT.maxFailures; i++) {
      expect((await client.post('/api/auth/login', { username: 'grid', password: `wrong-${i}` })).statusCode).toBe(401);
    }
    const right = await client.login('grid');
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('account_locked');
    const audit = await get().db.selectFrom('audit_log').select('action').where('action', '=', 'auth.lockout').execute();
    expect(audit.length).toBe(1);
    // An administrator's password reset lifts the lock.
    const admin = await loggedIn(app, 'admin');
    const grid = await get().db.selectFrom('users').select(['id', 'version']).where('username', '=', 'grid').executeTakeFirstOrThrow();
    const reset = await admin.post(`/api/users/${grid.id}/reset-password`, { version: grid.version, password: inject('demoPassword') });
    expect(reset.statusCode).toBe(200);
    expect((await client.login('grid')).statusCode).toBe(200);
  });

  it(`rate-limits an IP after ${LOGIN_RATE_LIMIT.maxFailures} failed logins`, async () => {
    const client = new Client(app, '10.9.0.3');
    await client.get('/api/auth/csrf');
    for (let i = 0; i < LOGIN_RATE_LIMIT.maxFailures; i++) {
      await client.post('/api/auth/login', { username: `ghost${i}`, password: 'whatever1' });
    }
    const limited = await client.login('inspector');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBe(String(LOGIN_RATE_LIMIT.windowMinutes * 60));
    // Another IP is not affected.
    expect((await new Client(app, '10.9.0.4').login('inspector')).statusCode).toBe(200);
  });

  it('an expired session gets 401 session_expired', async () => {
    const client = await loggedIn(app, 'expert');
    await get().db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).execute();
    const response = await client.get('/api/me');
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('session_expired');
    expect((await new Client(app).get('/api/me')).json().code).toBe('unauthenticated');
  });

  it('a mutation without the CSRF token is refused and changes nothing', async () => {
    const admin = await loggedIn(app, 'admin');
    const target = await get().db.selectFrom('users').selectAll().where('username', '=', 'expert').executeTakeFirstOrThrow();
    for (const token of [undefined, 'forged-token-value-123456']) {
      const response = await admin.patch(`/api/users/${target.id}`, { version: target.version, displayName: '篡改' }, token ? { 'x-csrf-token': token } : { 'x-csrf-token': '' });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('csrf');
    }
    const after = await get().db.selectFrom('users').selectAll().where('id', '=', target.id).executeTakeFirstOrThrow();
    expect(after.display_name).toBe(target.display_name);
    expect(after.version).toBe(target.version);
    // Login itself needs the double-submit token too.
    const fresh = new Client(app);
    const noToken = await fresh.post('/api/auth/login', { username: 'admin', password: 'x' });
    expect(noToken.statusCode).toBe(403);
  });

  it('malformed JSON, unknown fields, missing fields and oversized bodies get the error shape and change nothing', async () => {
    const admin = await loggedIn(app, 'admin');
    const before = await get().db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const malformed = await admin.request('POST', '/api/users', '{"username": "x",', { 'content-type': 'application/json' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('malformed_json');

    const unknownField = await admin.post('/api/users', { username: 'newbie', displayName: 'N', password: 'Passw0rd!', role: 'admin', isRoot: true });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json()).toMatchObject({ code: 'validation', field: 'isRoot' });
    expect(unknownField.json().message.zh).toContain('isRoot');

    const missing = await admin.post('/api/users', { username: 'newbie', displayName: 'N', role: 'admin' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'validation', field: 'password' });
    expect(missing.json().message.en).toBe('password is required');

    const short = await admin.post('/api/users', { username: 'newbie', displayName: 'N', role: 'admin', password: 'short' });
    expect(short.json()).toMatchObject({ code: 'validation', field: 'password' });

    const huge = await admin.post('/api/users', { username: 'newbie', displayName: 'x'.repeat(2 * 1024 * 1024), password: 'Passw0rd!', role: 'admin' });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('body_too_large');

    const after = await get().db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('logout ends the session', async () => {
    const client = await loggedIn(app, 'enterprise');
    const out = await client.post('/api/auth/logout');
    expect(out.statusCode).toBe(204);
    expect((await client.get('/api/me')).statusCode).toBe(401);
  });

  it('a disabled account cannot log in, and disabling ends its open sessions', async () => {
    const victim = await loggedIn(app, 'inspector', '10.9.0.5');
    const admin = await loggedIn(app, 'admin');
    const row = await get().db.selectFrom('users').select(['id', 'version']).where('username', '=', 'inspector').executeTakeFirstOrThrow();
    expect((await admin.patch(`/api/users/${row.id}`, { version: row.version, disabled: true })).statusCode).toBe(200);
    expect((await victim.get('/api/me')).statusCode).toBe(401);
    const again = await new Client(app, '10.9.0.6').login('inspector');
    expect(again.statusCode).toBe(403);
    expect(again.json().code).toBe('account_disabled');
  });
});
