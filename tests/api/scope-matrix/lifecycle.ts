import type { ScopeEndpoint, ScopeFixtures } from '../../support/scope-matrix';
import { insertSource, makeUscc, next } from '../lifecycle-support';

// Targets are fresh sources in the enterprise's grid of 浦江镇 (contracted to the demo provider),
// inserted straight into the database: a fixture must not write audit rows.

async function place(f: ScopeFixtures) {
  const provider = await f.db.selectFrom('users').select('provider_id').where('username', '=', 'provider').executeTakeFirstOrThrow();
  return { townId: f.townId, gridId: f.gridRegionId, providerId: provider.provider_id! };
}

async function otherGridOfTown(f: ScopeFixtures): Promise<string> {
  const grid = await f.db.selectFrom('regions').select('id').where('parent_id', '=', f.townId).where('level', '=', 'grid').where('id', '<>', f.gridRegionId).orderBy('id').executeTakeFirstOrThrow();
  return grid.id;
}

async function pointInDistrict(f: ScopeFixtures) {
  const s = await f.db.selectFrom('sources').select(['longitude', 'latitude']).where('id', '=', f.enterpriseSourceId).executeTakeFirstOrThrow();
  return { longitude: s.longitude!, latitude: s.latitude! };
}

async function pendingProposal(f: ScopeFixtures): Promise<string> {
  const source = await f.db.selectFrom('sources').select(['version', 'employees']).where('id', '=', f.enterpriseSourceId).executeTakeFirstOrThrow();
  const proposer = await f.db.selectFrom('users').select(['id', 'display_name']).where('username', '=', 'enterprise').executeTakeFirstOrThrow();
  const row = await f.db
    .insertInto('source_change_proposals')
    .values({
      source_id: f.enterpriseSourceId,
      changes: JSON.stringify({ employees: { old: source.employees, new: (source.employees ?? 0) + 1 } }),
      base_version: source.version,
      proposed_by: proposer.id,
      proposed_by_name: proposer.display_name,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function districtEntry(f: ScopeFixtures): Promise<string> {
  const row = await f.db
    .insertInto('negative_list_entries')
    .values({ region_id: f.townId, industry_code_prefix: '3130', name: '钢压延加工', restriction: 'restricted', reason: `矩阵样本 ${next()}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const endpoints: ScopeEndpoint[] = [
  { method: 'GET', path: '/api/sources/{id}/lifecycle', request: async (f) => ({ url: `/api/sources/${f.enterpriseSourceId}/lifecycle` }) },
  {
    method: 'POST',
    path: '/api/sources/{id}/transitions',
    request: async (f) => {
      const { id } = await insertSource(f.db, await place(f));
      return { url: `/api/sources/${id}/transitions`, body: { to: 'suspended', reason: '停产检修', version: 1 } };
    },
  },
  {
    method: 'POST',
    path: '/api/sources/{id}/relocate',
    request: async (f) => {
      const { id } = await insertSource(f.db, await place(f), { status: 'relocating' });
      return { url: `/api/sources/${id}/relocate`, body: { gridId: await otherGridOfTown(f), address: '上海市闵行区浦江镇新址路1号', ...(await pointInDistrict(f)), reason: '搬迁', version: 1 } };
    },
  },
  {
    method: 'POST',
    path: '/api/sources/{id}/permit-class',
    request: async (f) => {
      const { id } = await insertSource(f.db, await place(f), { industryCode: '2614' });
      return { url: `/api/sources/${id}/permit-class`, body: { permitClass: 'key', catalogueRowNo: 45, decision: 'confirm', version: 1 } };
    },
  },
  {
    method: 'PATCH',
    path: '/api/negative-list/{id}',
    okAs: 'bureau',
    request: async (f) => ({ url: `/api/negative-list/${await districtEntry(f)}`, body: { version: 1, active: false } }),
  },
  {
    method: 'DELETE',
    path: '/api/negative-list/{id}',
    okAs: 'bureau',
    okStatus: 204,
    request: async (f) => ({ url: `/api/negative-list/${await districtEntry(f)}?version=1` }),
  },
  {
    // Not an id path, but it takes a region id in its body.
    method: 'POST',
    path: '/api/screening',
    request: async (f) => ({ url: '/api/screening', body: { name: '某食品厂', industryCode: '1340', townId: f.townId } }),
  },
  {
    method: 'POST',
    path: '/api/screening/register',
    okStatus: 201,
    request: async (f) => ({
      url: '/api/screening/register',
      body: {
        name: `矩阵准入企业${next()}-${Math.floor(Math.random() * 1e6)}有限公司`, uscc: makeUscc(), sourceType: 'industrial', industryCode: '3670',
        townId: f.townId, gridId: f.gridRegionId, address: '上海市闵行区浦江镇联航路2号',
      },
    }),
  },
  {
    method: 'POST',
    path: '/api/sources/{id}/proposals',
    okAs: 'enterprise',
    okStatus: 201,
    request: async (f) => ({ url: `/api/sources/${f.enterpriseSourceId}/proposals`, body: { changes: { mainMaterials: `钢材 ${next()} 吨/年` } } }),
  },
  { method: 'GET', path: '/api/sources/{id}/proposals', request: async (f) => ({ url: `/api/sources/${f.enterpriseSourceId}/proposals` }) },
  {
    method: 'POST',
    path: '/api/proposals/{id}/decision',
    request: async (f) => ({ url: `/api/proposals/${await pendingProposal(f)}/decision`, body: { decision: 'reject', reason: '请补充证明材料', version: 1 } }),
  },
];
