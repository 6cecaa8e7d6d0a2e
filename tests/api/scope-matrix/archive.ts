import { createHash } from 'node:crypto';
import type { ScopeEndpoint, ScopeFixtures } from '../../support/scope-matrix';

// The upload entry (first below) stores FIXTURE_PDF when the insider runs it; the documents the other
// entries insert point at the same bytes, so their downloads and the ZIP find the file. Targets are
// inserted straight into the database: a fixture must not write audit rows (the matrix checks none appear).
const FIXTURE_PDF = Buffer.from('%PDF-1.4\n% EcoSteward scope-matrix fixture\n%%EOF\n');
const FIXTURE_SHA = createHash('sha256').update(FIXTURE_PDF).digest('hex');

function pdfForm(fields: Record<string, string>, content = FIXTURE_PDF, name = '扫描件.pdf'): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('files', new Blob([new Uint8Array(content)], { type: 'application/pdf' }), name);
  return form;
}

async function insertDocument(f: ScopeFixtures): Promise<string> {
  const admin = await f.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
  const { id } = await f.db
    .insertInto('documents')
    .values({ source_id: f.enterpriseSourceId, category: 'other', title: `矩阵样本 ${Math.random()}`, confidentiality: 'internal', created_by: admin.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await f.db
    .insertInto('document_versions')
    .values({
      document_id: id,
      version_no: 1,
      sha256: FIXTURE_SHA,
      size_bytes: FIXTURE_PDF.length,
      mime_type: 'application/pdf',
      file_kind: 'pdf',
      original_name: '矩阵样本.pdf',
      uploaded_by: admin.id,
      uploader_role: 'admin',
    })
    .execute();
  return id;
}

export const endpoints: ScopeEndpoint[] = [
  {
    method: 'POST',
    path: '/api/sources/{id}/documents',
    okStatus: 201,
    request: async (f) => ({ url: `/api/sources/${f.enterpriseSourceId}/documents`, body: pdfForm({ category: 'other' }) }),
  },
  {
    method: 'POST',
    path: '/api/documents/{id}/versions',
    okStatus: 201,
    request: async (f) => ({
      url: `/api/documents/${await insertDocument(f)}/versions`,
      body: pdfForm({ version: '1' }, Buffer.from(`%PDF-1.4\n% version two ${Math.random()}\n%%EOF\n`), '扫描件-v2.pdf'),
    }),
  },
  { method: 'GET', path: '/api/sources/{id}/documents', request: async (f) => ({ url: `/api/sources/${f.enterpriseSourceId}/documents` }) },
  { method: 'GET', path: '/api/documents/{id}', request: async (f) => ({ url: `/api/documents/${await insertDocument(f)}` }) },
  {
    method: 'GET',
    path: '/api/documents/{id}/versions/{versionNo}/download',
    request: async (f) => ({ url: `/api/documents/${await insertDocument(f)}/versions/1/download` }),
  },
  {
    method: 'PATCH',
    path: '/api/documents/{id}',
    request: async (f) => ({ url: `/api/documents/${await insertDocument(f)}`, body: { version: 1, title: '改名' } }),
  },
  {
    method: 'DELETE',
    path: '/api/documents/{id}',
    okStatus: 204,
    request: async (f) => ({ url: `/api/documents/${await insertDocument(f)}?version=1` }),
  },
  { method: 'GET', path: '/api/sources/{id}/archive.zip', request: async (f) => ({ url: `/api/sources/${f.enterpriseSourceId}/archive.zip` }) },
  { method: 'GET', path: '/api/sources/{id}/qr.svg', request: async (f) => ({ url: `/api/sources/${f.enterpriseSourceId}/qr.svg` }) },
  { method: 'GET', path: '/api/sources/{id}/qr.png', request: async (f) => ({ url: `/api/sources/${f.enterpriseSourceId}/qr.png` }) },
  { method: 'GET', path: '/api/sources/{id}/qr-card', request: async (f) => ({ url: `/api/sources/${f.enterpriseSourceId}/qr-card` }) },
  { method: 'GET', path: '/api/sources/{id}/qr-card.json', request: async (f) => ({ url: `/api/sources/${f.enterpriseSourceId}/qr-card.json` }) },
];
