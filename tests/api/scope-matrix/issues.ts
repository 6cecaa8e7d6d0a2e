import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { ScopeEndpoint, ScopeFixtures } from '../../support/scope-matrix';

// Targets are inserted straight into the database (a fixture must not write audit rows): an issue of
// the demo enterprise's source (inside 浦江镇, the demo grid and the demo provider's contract), a notice
// of that source, and a photo row pointing at FIXTURE_JPEG, which the PUT entry (first) stores.
let fixtureJpeg: Buffer | null = null;
async function photoBytes(): Promise<Buffer> {
  fixtureJpeg ??= await sharp({ create: { width: 40, height: 30, channels: 3, background: '#777777' } }).jpeg({ quality: 70 }).toBuffer();
  return fixtureJpeg;
}

async function adminId(f: ScopeFixtures): Promise<string> {
  return (await f.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id;
}

async function insertIssue(f: ScopeFixtures, status: 'found' | 'rectifying' = 'found'): Promise<string> {
  const id = randomUUID();
  await f.db
    .insertInto('issues')
    .values({
      id,
      source_id: f.enterpriseSourceId,
      town_id: f.townId,
      origin: 'finding',
      area: 'noise',
      description: `矩阵样本问题 ${id.slice(0, 8)}`,
      class: 'deadline',
      status,
      deadline: status === 'rectifying' ? '2099-12-31' : null,
      found_by: await adminId(f),
      found_at: new Date(),
    })
    .execute();
  return id;
}

async function insertNotice(f: ScopeFixtures): Promise<string> {
  const row = await f.db
    .insertInto('rectification_notices')
    .values({ source_id: f.enterpriseSourceId, number: `矩阵样本〔${randomUUID().slice(0, 8)}〕`, year: 2099, seq: 1, issued_by: await adminId(f) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await f.db.updateTable('issues').set({ notice_id: row.id }).where('id', '=', await insertIssue(f, 'rectifying')).execute();
  return row.id;
}

async function insertPhoto(f: ScopeFixtures): Promise<{ issueId: string; photoId: string }> {
  const bytes = await photoBytes();
  const issueId = await insertIssue(f, 'rectifying');
  const photoId = randomUUID();
  await f.db
    .insertInto('evidence_photos')
    .values({
      id: photoId, source_id: f.enterpriseSourceId, issue_id: issueId, purpose: 'evidence', sha256: createHash('sha256').update(bytes).digest('hex'),
      thumb_sha256: null, mime: 'image/jpeg', size_bytes: bytes.length, width: 40, height: 30, uploaded_by: await adminId(f),
    })
    .execute();
  return { issueId, photoId };
}

async function photoForm(): Promise<FormData> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await photoBytes())], { type: 'image/jpeg' }), '整改照片.jpg');
  return form;
}

export const endpoints: ScopeEndpoint[] = [
  {
    method: 'PUT',
    path: '/api/issues/{id}/photos/{photoId}',
    okStatus: 201,
    request: async (f) => ({ url: `/api/issues/${await insertIssue(f, 'rectifying')}/photos/${randomUUID()}?purpose=evidence`, body: await photoForm() }),
  },
  {
    method: 'GET',
    path: '/api/issues/{id}/photos/{photoId}',
    request: async (f) => {
      const { issueId, photoId } = await insertPhoto(f);
      return { url: `/api/issues/${issueId}/photos/${photoId}` };
    },
  },
  { method: 'GET', path: '/api/issues/{id}', request: async (f) => ({ url: `/api/issues/${await insertIssue(f)}` }) },
  {
    method: 'PATCH',
    path: '/api/issues/{id}',
    request: async (f) => ({ url: `/api/issues/${await insertIssue(f)}`, body: { version: 1, measure: '矩阵样本措施' } }),
  },
  {
    method: 'POST',
    path: '/api/issues/{id}/actions/{action}',
    request: async (f) => ({ url: `/api/issues/${await insertIssue(f)}/actions/confirm`, body: { version: 1 } }),
  },
  {
    method: 'POST',
    path: '/api/issues/{id}/follow-ups',
    okAs: 'grid',
    okStatus: 201,
    request: async (f) => ({ url: `/api/issues/${await insertIssue(f)}/follow-ups`, body: { note: '矩阵样本跟进' } }),
  },
  { method: 'GET', path: '/api/notices/{id}', request: async (f) => ({ url: `/api/notices/${await insertNotice(f)}` }) },
  { method: 'GET', path: '/api/notices/{id}/pdf', request: async (f) => ({ url: `/api/notices/${await insertNotice(f)}/pdf` }) },
  {
    method: 'POST',
    path: '/api/notices/{id}/acknowledge',
    okAs: 'enterprise',
    request: async (f) => ({ url: `/api/notices/${await insertNotice(f)}/acknowledge`, body: { version: 1 } }),
  },
];
