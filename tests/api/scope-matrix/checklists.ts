import type { ScopeEndpoint, ScopeFixtures } from '../../support/scope-matrix';
import { next } from '../lifecycle-support';

// Targets are inserted straight into the database (a fixture must not write audit rows): a draft
// template of the district that holds 浦江镇 (the demo bureau's), with one item.

async function districtTemplate(f: ScopeFixtures): Promise<string> {
  const town = await f.db.selectFrom('regions').select('parent_id').where('id', '=', f.townId).executeTakeFirstOrThrow();
  const row = await f.db
    .insertInto('checklist_templates')
    .values({
      region_id: town.parent_id,
      name: `矩阵样本模板 ${next()}`,
      source_types: '[]',
      industry_prefixes: '[]',
      bands: JSON.stringify([{ min: 60, label: { zh: '合格', en: 'Pass' } }, { min: 0, label: { zh: '不合格', en: 'Fail' } }]),
      status: 'draft',
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const item = await f.db.selectFrom('checklist_items').select('id').where('code', '=', 'HW-02').executeTakeFirstOrThrow();
  await f.db.insertInto('checklist_template_items').values({ template_id: row.id, item_id: item.id, weight: 1, max_score: 10, sort: 1 }).execute();
  return row.id;
}

async function item(f: ScopeFixtures): Promise<{ id: string; version: number }> {
  return f.db.selectFrom('checklist_items').select(['id', 'version']).where('code', '=', 'NOI-05').executeTakeFirstOrThrow();
}

export const endpoints: ScopeEndpoint[] = [
  {
    // Only the administrator edits the bank; for every other role an item does not exist for editing.
    method: 'PATCH',
    path: '/api/checklist-items/{id}',
    okAs: 'admin',
    request: async (f) => {
      const { id, version } = await item(f);
      return { url: `/api/checklist-items/${id}`, body: { version, note: `矩阵样本说明 ${next()}` } };
    },
  },
  {
    method: 'PATCH',
    path: '/api/checklist-templates/{id}',
    okAs: 'bureau',
    request: async (f) => ({ url: `/api/checklist-templates/${await districtTemplate(f)}`, body: { version: 1, name: `改名 ${next()}` } }),
  },
  {
    method: 'POST',
    path: '/api/checklist-templates/{id}/copy',
    okAs: 'bureau',
    okStatus: 201,
    request: async (f) => ({ url: `/api/checklist-templates/${await districtTemplate(f)}/copy`, body: {} }),
  },
  {
    // Not an id path, but it takes a source id: the source must be in the caller's jurisdiction.
    method: 'GET',
    path: '/api/checklist-templates/applicable',
    request: async (f) => ({ url: `/api/checklist-templates/applicable?sourceId=${f.enterpriseSourceId}` }),
  },
];
