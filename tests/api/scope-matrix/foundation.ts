import { sql } from 'kysely';
import type { ScopeEndpoint, ScopeFixtures } from '../../support/scope-matrix';

async function version(f: ScopeFixtures, table: 'users' | 'regions', id: string): Promise<number> {
  const row = await sql<{ version: number }>`select version from ${sql.table(table)} where id = ${id}`.execute(f.db);
  return row.rows[0].version;
}

/**
 * A second cadre of the demo grid, made for each request: renaming or resetting the password of the
 * demo grid user itself would log it out of the later entries that run as 'grid'.
 */
async function spareGridUser(f: ScopeFixtures): Promise<string> {
  const row = await sql<{ id: string }>`
    insert into users (username, display_name, password_hash, role, region_id)
    select 'spare_' || substr(md5(random()::text), 1, 10), '备用网格员', password_hash, role, region_id from users where id = ${f.gridUserId}
    returning id`.execute(f.db);
  return row.rows[0].id;
}

export const endpoints: ScopeEndpoint[] = [
  { method: 'GET', path: '/api/sources/{id}', request: async (f) => ({ url: `/api/sources/${f.enterpriseSourceId}` }) },
  { method: 'GET', path: '/api/users/{id}', request: async (f) => ({ url: `/api/users/${f.gridUserId}` }) },
  {
    method: 'PATCH',
    path: '/api/users/{id}',
    request: async (f) => {
      const id = await spareGridUser(f);
      return { url: `/api/users/${id}`, body: { version: await version(f, 'users', id), displayName: '改名' } };
    },
  },
  {
    method: 'POST',
    path: '/api/users/{id}/reset-password',
    request: async (f) => {
      const id = await spareGridUser(f);
      return { url: `/api/users/${id}/reset-password`, body: { version: await version(f, 'users', id), password: 'N3wPassw0rd!' } };
    },
  },
  {
    method: 'PATCH',
    path: '/api/regions/{id}',
    request: async (f) => ({ url: `/api/regions/${f.gridRegionId}`, body: { version: await version(f, 'regions', f.gridRegionId), name: `改名村${Math.random()}` } }),
  },
  {
    method: 'POST',
    path: '/api/regions',
    okStatus: 201,
    request: async (f) => ({ url: '/api/regions', body: { parentId: f.townId, level: 'grid', name: `新网格${Math.random()}` } }),
  },
];
