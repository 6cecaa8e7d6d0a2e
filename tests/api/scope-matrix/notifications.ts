import type { ScopeEndpoint, ScopeFixtures } from '../../support/scope-matrix';

/** A fresh unread notification of the demo 'town' user (the insider): only its owner may read it. */
async function townNotification(f: ScopeFixtures): Promise<string> {
  const town = await f.db.selectFrom('users').select('id').where('username', '=', 'town').executeTakeFirstOrThrow();
  const row = await f.db
    .insertInto('notifications')
    .values({ user_id: town.id, kind: 'scope_matrix', title: JSON.stringify({ zh: '测试', en: 'Test' }), body: JSON.stringify({ zh: '测试', en: 'Test' }), source_id: f.enterpriseSourceId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const endpoints: ScopeEndpoint[] = [
  { method: 'GET', path: '/api/sources/{id}/compliance', request: async (f) => ({ url: `/api/sources/${f.enterpriseSourceId}/compliance` }) },
  { method: 'GET', path: '/api/compliance/calendar', request: async (f) => ({ url: `/api/compliance/calendar?sourceId=${f.enterpriseSourceId}` }) },
  { method: 'POST', path: '/api/inbox/{id}/read', request: async (f) => ({ url: `/api/inbox/${await townNotification(f)}/read`, body: {} }) },
];
