import { createHash, randomUUID } from 'node:crypto';
import type { ScopeEndpoint, ScopeFixtures } from '../../support/scope-matrix';
import { jpeg, signaturePng } from '../../fixtures/images';

// Targets are inserted straight into the database (a fixture must not write audit rows): a plan of
// 浦江镇 (the demo town's) with one planned inspection of the demo enterprise's source. The photo
// upload entry stores FIXTURE_JPEG when the insider runs it; the photo rows the GET entries insert
// point at the same bytes (thumbnail left empty: the original is served), so their files exist.

let fixtureJpeg: Buffer | null = null;
async function fixturePhoto(): Promise<{ bytes: Buffer; sha256: string }> {
  fixtureJpeg ??= await jpeg(40, 30, { r: 10, g: 20, b: 30 });
  return { bytes: fixtureJpeg, sha256: createHash('sha256').update(fixtureJpeg).digest('hex') };
}

async function template(f: ScopeFixtures): Promise<string> {
  const row = await f.db.selectFrom('checklist_templates').select('id').where('status', '=', 'active').where('region_id', 'is', null).orderBy('created_at').executeTakeFirstOrThrow();
  return row.id;
}

async function insertPlan(f: ScopeFixtures): Promise<string> {
  const town = await f.db.selectFrom('regions').select(['id', 'path']).where('id', '=', f.townId).executeTakeFirstOrThrow();
  const row = await f.db
    .insertInto('inspection_plans')
    .values({ region_id: town.id, region_path: town.path, name: `矩阵样本计划 ${randomUUID().slice(0, 6)}`, kind: 'special', year: 2026, starts_on: '2026-03-02', ends_on: '2026-03-31' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertInspection(f: ScopeFixtures, planId?: string, submitted = false): Promise<string> {
  const done = submitted ? { status: 'submitted' as const, submitted_at: new Date(), score: 90, result_band: '较好' } : {};
  const row = await f.db
    .insertInto('inspections')
    .values({ plan_id: planId ?? (await insertPlan(f)), source_id: f.enterpriseSourceId, template_id: await template(f), scheduled_on: '2026-03-05', ...done })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A plan whose inspection found an issue (so a second round has a source). */
async function planWithIssue(f: ScopeFixtures): Promise<string> {
  const planId = await insertPlan(f);
  const inspectionId = await insertInspection(f, planId);
  const admin = await f.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
  await f.db
    .insertInto('issues')
    .values({ id: randomUUID(), source_id: f.enterpriseSourceId, town_id: f.townId, inspection_id: inspectionId, origin: 'inspection', area: 'air', description: '矩阵样本问题', class: 'deadline', found_by: admin.id, found_at: new Date().toISOString() })
    .execute();
  return planId;
}

async function insertPhoto(f: ScopeFixtures): Promise<string> {
  const { bytes, sha256 } = await fixturePhoto();
  const admin = await f.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
  const id = randomUUID();
  await f.db
    .insertInto('evidence_photos')
    .values({ id, source_id: f.enterpriseSourceId, inspection_id: await insertInspection(f), purpose: 'item', sha256, thumb_sha256: null, mime: 'image/jpeg', size_bytes: bytes.length, uploaded_by: admin.id })
    .execute();
  return id;
}

export const endpoints: ScopeEndpoint[] = [
  { method: 'GET', path: '/api/inspection-plans/{id}', request: async (f) => ({ url: `/api/inspection-plans/${await insertPlan(f)}` }) },
  {
    method: 'POST',
    path: '/api/inspection-plans/{id}/second-round',
    okStatus: 201,
    request: async (f) => ({ url: `/api/inspection-plans/${await planWithIssue(f)}/second-round`, body: { startsOn: '2026-07-01', endsOn: '2026-07-31' } }),
  },
  { method: 'GET', path: '/api/inspections/{id}', request: async (f) => ({ url: `/api/inspections/${await insertInspection(f)}` }) },
  {
    method: 'PATCH',
    path: '/api/inspections/{id}',
    request: async (f) => ({ url: `/api/inspections/${await insertInspection(f)}`, body: { version: 1, scheduledOn: '2026-03-06' } }),
  },
  {
    method: 'POST',
    path: '/api/inspections/{id}/check-in',
    request: async (f) => ({ url: `/api/inspections/${await insertInspection(f)}/check-in`, body: { latitude: 31.05, longitude: 121.5, at: new Date().toISOString(), version: 1 } }),
  },
  {
    // First of the photo entries: the insider's upload stores the fixture's bytes for the GETs below.
    method: 'PUT',
    path: '/api/inspections/{id}/photos/{photoId}',
    okStatus: 201,
    request: async (f) => ({ url: `/api/inspections/${await insertInspection(f)}/photos/${randomUUID()}`, body: (await fixturePhoto()).bytes }),
  },
  {
    method: 'POST',
    path: '/api/inspections/{id}/submit',
    request: async (f) => ({ url: `/api/inspections/${await insertInspection(f)}/submit`, body: { version: 1, answers: [], findings: [], signature: await signaturePng(), signerName: '矩阵代表' } }),
  },
  { method: 'GET', path: '/api/inspections/{id}/report.pdf', request: async (f) => ({ url: `/api/inspections/${await insertInspection(f, undefined, true)}/report.pdf` }) },
  { method: 'GET', path: '/api/photos/{id}', request: async (f) => ({ url: `/api/photos/${await insertPhoto(f)}` }) },
  { method: 'GET', path: '/api/photos/{id}/thumb', request: async (f) => ({ url: `/api/photos/${await insertPhoto(f)}/thumb` }) },
];
