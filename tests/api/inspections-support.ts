/** Helpers of the inspection tests: a plan over one source, uploads, submit bodies, row counts. */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema';
import type { Client } from '../support/api';

export type Detail = {
  id: string; version: number; status: string; sourceId: string; inspectorId: string | null; issueIds: string[]; score: number | null;
  template: { items: Array<{ itemId: string; code: string; area: string; text: string }> };
  answers: Array<{ clientId: string; itemId: string; verdict: string; photoIds: string[] }>;
  photos: Array<{ id: string; thumbUrl: string }>;
  source: { latitude: number | null; longitude: number | null };
};

export async function planFor(client: Client, sourceIds: string[], extra: object = {}): Promise<{ planId: string; inspections: Array<{ id: string; version: number; sourceId: string }> }> {
  const created = await client.post('/api/inspection-plans', {
    name: `测试计划 ${randomUUID().slice(0, 8)}`, kind: 'special', year: 2026, startsOn: '2026-03-02', endsOn: '2026-03-31', sourceIds, ...extra,
  });
  if (created.statusCode !== 201) throw new Error(`plan: ${created.statusCode} ${created.body}`);
  const planId = created.json().plan.id;
  const detail = (await client.get(`/api/inspection-plans/${planId}`)).json();
  return { planId, inspections: detail.inspections };
}

export async function putPhoto(client: Client, inspectionId: string, bytes: Buffer, query = '', photoId: string = randomUUID(), contentType = 'image/jpeg') {
  return client.request('PUT', `/api/inspections/${inspectionId}/photos/${photoId}${query}`, bytes as unknown as string, { 'content-type': contentType });
}

export async function count(db: Kysely<DB>, table: 'inspection_answers' | 'issues' | 'evidence_photos' | 'idempotency_keys' | 'issue_events', column: string, value: string): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where(column as never, '=', value as never).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * These suites plan the same demo source many times; the yearly cap of routine visits (无事不扰, in the
 * active risk rules) would otherwise leave it out. The cap itself is tested in risk.test.ts.
 */
export async function allowManyVisits(db: Kysely<DB>): Promise<void> {
  await sql`update risk_rule_sets set rules = jsonb_set(rules, '{frequencies,cap}', '52') where status = 'active'`.execute(db);
}
