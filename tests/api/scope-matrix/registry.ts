import { sql } from 'kysely';
import { SECTION_KEYS, type SectionKey } from '../../../src/common/contracts/dossier';
import type { ScopeEndpoint, ScopeFixtures } from '../../support/scope-matrix';
import { insertRow, makeUscc, next, sampleChange, sampleRow } from '../dossier-support';

async function sourceVersion(f: ScopeFixtures): Promise<number> {
  const row = await sql<{ version: number }>`select version from sources where id = ${f.enterpriseSourceId}`.execute(f.db);
  return row.rows[0].version;
}

/** The three row endpoints of one section, each against a row inserted (without audit) in the enterprise's source. */
function sectionEndpoints(key: SectionKey): ScopeEndpoint[] {
  return [
    {
      method: 'POST',
      path: `/api/sources/{id}/sections/${key}`,
      okStatus: 201,
      request: async (f) => {
        const deps: { outletId?: string } = {};
        if (key === 'outlet-limits') deps.outletId = (await insertRow(f.db, f.enterpriseSourceId, 'outlets')).id;
        return { url: `/api/sources/${f.enterpriseSourceId}/sections/${key}`, body: sampleRow(key, deps) };
      },
    },
    {
      method: 'PATCH',
      path: `/api/sections/${key}/{rowId}`,
      request: async (f) => {
        const row = await insertRow(f.db, f.enterpriseSourceId, key);
        return { url: `/api/sections/${key}/${row.id}`, body: { version: row.version, ...sampleChange(key) } };
      },
    },
    {
      method: 'DELETE',
      path: `/api/sections/${key}/{rowId}`,
      okStatus: 204,
      request: async (f) => {
        const row = await insertRow(f.db, f.enterpriseSourceId, key);
        return { url: `/api/sections/${key}/${row.id}?version=${row.version}` };
      },
    },
  ];
}

export const endpoints: ScopeEndpoint[] = [
  { method: 'GET', path: '/api/sources/{id}/dossier', request: async (f) => ({ url: `/api/sources/${f.enterpriseSourceId}/dossier` }) },
  { method: 'GET', path: '/api/sources/{id}/history', request: async (f) => ({ url: `/api/sources/${f.enterpriseSourceId}/history` }) },
  {
    method: 'PATCH',
    path: '/api/sources/{id}',
    request: async (f) => ({ url: `/api/sources/${f.enterpriseSourceId}`, body: { version: await sourceVersion(f), mainProducts: `汽车零部件 ${next()} 万件/年` } }),
  },
  {
    // Not an id path, but it takes a region id in its body: the grid must be in the actor's jurisdiction.
    method: 'POST',
    path: '/api/sources',
    okStatus: 201,
    request: async (f) => ({
      url: '/api/sources',
      body: { name: `矩阵测试企业${next()}有限公司`, uscc: makeUscc(), sourceType: 'industrial', industryCode: '3670', permitClass: 'registration', address: '上海市闵行区浦江镇联航路1号', gridId: f.gridRegionId },
    }),
  },
  ...SECTION_KEYS.flatMap(sectionEndpoints),
];
