import { sql } from 'kysely';
import type { ScopeEndpoint, ScopeFixtures } from '../../support/scope-matrix';

async function version(f: ScopeFixtures, table: 'users' | 'regions', id: string): Promise<number> {
  const row = await sql<{ version: number }>`select version from ${sql.table(table)} where id = ${id}`.execute(f.db);
  return row.rows[0].version;
}

export const endpoints: ScopeEndpoint[] = [
  { method: 'GET', path: '/api/sources/{id}', request: async (f) => ({ url: `/api/sources/${f.enterpriseSourceId}` }) },
  { method: 'GET', path: '/api/users/{id}', request: async (f) => ({ url: `/api/users/${f.gridUserId}` }) },
  {
    method: 'PATCH',
    path: '/api/users/{id}',
    request: async (f) => ({ url: `/api/users/${f.gridUserId}`, body: { version: await version(f, 'users', f.gridUserId), displayName: '改名' } }),
  },
  {
    method: 'POST',
    path: '/api/users/{id}/reset-password',
    request: async (f) => ({ url: `/api/users/${f.gridUserId}/reset-password`, body: { version: await version(f, 'users', f.gridUserId), password: 'N3wPassw0rd!' } }),
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
