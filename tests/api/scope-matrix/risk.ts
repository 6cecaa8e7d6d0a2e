import type { ScopeEndpoint, ScopeFixtures } from '../../support/scope-matrix';

// The demo enterprise's source is in the demo town: the town grades it; others must get 404.
async function insertOverride(f: ScopeFixtures): Promise<string> {
  const admin = await f.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
  const row = await f.db
    .insertInto('risk_overrides')
    .values({ source_id: f.enterpriseSourceId, output: 'composite', value: 'larger', reason: '矩阵样本调整', expires_on: '2099-12-31', created_by: admin.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function attributesVersion(f: ScopeFixtures): Promise<number> {
  const row = await f.db.selectFrom('source_risk_attributes').select('version').where('source_id', '=', f.enterpriseSourceId).executeTakeFirst();
  return row?.version ?? 0;
}

const tomorrowPlus = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

export const endpoints: ScopeEndpoint[] = [
  { method: 'GET', path: '/api/sources/{id}/risk', request: async (f) => ({ url: `/api/sources/${f.enterpriseSourceId}/risk` }) },
  {
    method: 'PUT',
    path: '/api/sources/{id}/risk/attributes',
    request: async (f) => ({ url: `/api/sources/${f.enterpriseSourceId}/risk/attributes`, body: { sensitiveNearby: true, version: await attributesVersion(f) } }),
  },
  {
    method: 'POST',
    path: '/api/sources/{id}/risk/overrides',
    request: async (f) => ({ url: `/api/sources/${f.enterpriseSourceId}/risk/overrides`, body: { output: 'mgmt_grade', value: 'B', reason: '矩阵样本调整', expiresOn: tomorrowPlus(30) } }),
  },
  { method: 'POST', path: '/api/sources/{id}/risk/recompute', request: async (f) => ({ url: `/api/sources/${f.enterpriseSourceId}/risk/recompute` }) },
  { method: 'POST', path: '/api/risk/overrides/{id}/revoke', request: async (f) => ({ url: `/api/risk/overrides/${await insertOverride(f)}/revoke` }) },
];
