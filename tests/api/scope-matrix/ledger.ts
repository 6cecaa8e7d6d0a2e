import { randomBytes } from 'node:crypto';
import { LEDGER_FIELDS } from '../../../src/common/contracts/ledgers';
import type { ScopeEndpoint, ScopeFixtures } from '../../support/scope-matrix';

// A staged batch of the 'town' user's organisation (浦江镇), inserted straight into the database: a
// fixture must not write audit rows. Its one row names the demo enterprise's source with no change.
async function stagedBatch(f: ScopeFixtures): Promise<{ id: string; version: number }> {
  const town = await f.db.selectFrom('users').select(['id', 'region_id']).where('username', '=', 'town').executeTakeFirstOrThrow();
  const source = await f.db.selectFrom('sources').select(['name', 'uscc']).where('id', '=', f.enterpriseSourceId).executeTakeFirstOrThrow();
  const headers = LEDGER_FIELDS.map((x) => x.zh);
  const summary = { rows: 1, new: 0, duplicate: 1, duplicateChanged: 0, invalid: 0, warned: 0, changes: 0 };
  const row = await f.db
    .insertInto('ledger_imports')
    .values({
      org_key: `region:${town.region_id}`,
      file_name: '矩阵样本.xlsx',
      file_sha256: randomBytes(32).toString('hex'),
      file_size: 1,
      sheet_name: '台账',
      header_row: 1,
      headers: JSON.stringify(headers),
      header_hash: randomBytes(32).toString('hex'),
      mapping: JSON.stringify({ name: 0, uscc: 1 }),
      mapping_source: 'auto',
      cells: JSON.stringify([{ r: 2, c: [source.name, source.uscc] }]),
      row_count: 1,
      report: JSON.stringify({ summary, rows: [] }),
      created_by: town.id,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  return row;
}

export const endpoints: ScopeEndpoint[] = [
  {
    method: 'GET',
    path: '/api/ledgers/sources/imports/{id}',
    request: async (f) => ({ url: `/api/ledgers/sources/imports/${(await stagedBatch(f)).id}` }),
  },
  {
    method: 'POST',
    path: '/api/ledgers/sources/imports/{id}/mapping',
    request: async (f) => {
      const batch = await stagedBatch(f);
      return { url: `/api/ledgers/sources/imports/${batch.id}/mapping`, body: { version: batch.version, mapping: { name: 0, uscc: 1 }, remember: true } };
    },
  },
  {
    method: 'POST',
    path: '/api/ledgers/sources/imports/{id}/commit',
    request: async (f) => {
      const batch = await stagedBatch(f);
      return { url: `/api/ledgers/sources/imports/${batch.id}/commit`, body: { version: batch.version, mode: 'all_or_nothing', duplicates: 'merge' } };
    },
  },
];
