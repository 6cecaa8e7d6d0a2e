import { INSPECTION_AREA_CODES } from '../../../src/common/inspection-areas';
import type { ScopeEndpoint, ScopeFixtures } from '../../support/scope-matrix';

// The handbook (合规宝典) has no jurisdiction: only the administrator edits it, and for every other
// role an edit target does not exist (404). Targets are fresh draft editions, one entry per area,
// inserted straight into the database (a fixture must not write audit rows). Laws take no path id.

let year = 2100;

async function draftEdition(f: ScopeFixtures): Promise<{ editionId: string; entryId: string }> {
  const edition = await f.db
    .insertInto('handbook_editions')
    .values({ year: year--, title: '矩阵样本版本', status: 'draft' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const entries = await f.db
    .insertInto('handbook_entries')
    .values(
      INSPECTION_AREA_CODES.map((area, i) => ({
        edition_id: edition.id,
        area,
        sort: 10 * (i + 1),
        title: `矩阵样本条目 ${area}`,
        requirements: '样本要求',
        common_problems: '',
        legal_basis: '《环境保护法》第四十二条',
        examples: '',
      })),
    )
    .returning('id')
    .execute();
  return { editionId: edition.id, entryId: entries[0].id };
}

export const endpoints: ScopeEndpoint[] = [
  {
    method: 'POST',
    path: '/api/handbook/editions/{id}/publish',
    okAs: 'admin',
    request: async (f) => ({ url: `/api/handbook/editions/${(await draftEdition(f)).editionId}/publish`, body: { version: 1 } }),
  },
  {
    method: 'POST',
    path: '/api/handbook/editions/{id}/entries',
    okAs: 'admin',
    okStatus: 201,
    request: async (f) => ({
      url: `/api/handbook/editions/${(await draftEdition(f)).editionId}/entries`,
      body: { area: 'noise', title: '矩阵新增条目', requirements: '按 GB 12348-2008 达标排放', legalBasis: '《噪声污染防治法》第二十二条' },
    }),
  },
  {
    method: 'PATCH',
    path: '/api/handbook/entries/{id}',
    okAs: 'admin',
    request: async (f) => ({ url: `/api/handbook/entries/${(await draftEdition(f)).entryId}`, body: { version: 1, title: '矩阵改名' } }),
  },
  {
    method: 'DELETE',
    path: '/api/handbook/entries/{id}',
    okAs: 'admin',
    okStatus: 204,
    request: async (f) => ({ url: `/api/handbook/entries/${(await draftEdition(f)).entryId}?version=1` }),
  },
];
