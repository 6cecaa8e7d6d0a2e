import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { IssueClass } from '../../src/common/issue-workflow';
import type { DB } from '../../src/server/db/schema';
import type { Actor } from '../../src/server/db/scope';
import { createFoundIssues, type FoundIssueDraft } from '../../src/server/modules/issues';
import type { Client } from '../support/api';

/** The actor of a demo user, as the session would build it. */
export async function actorOf(db: Kysely<DB>, username: string): Promise<Actor> {
  const u = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  const region = u.region_id ? await db.selectFrom('regions').select(['path', 'level']).where('id', '=', u.region_id).executeTakeFirst() : undefined;
  return {
    userId: u.id, username: u.username, displayName: u.display_name, role: u.role, regionId: u.region_id, regionPath: region?.path ?? null,
    regionLevel: region?.level ?? null, providerId: u.provider_id, sourceId: u.source_id, ip: '127.0.0.1',
  };
}

export async function enterpriseSource(db: Kysely<DB>): Promise<{ id: string; town_id: string; name: string }> {
  const u = await db.selectFrom('users').select('source_id').where('username', '=', 'enterprise').executeTakeFirstOrThrow();
  return db.selectFrom('sources').select(['id', 'town_id', 'name']).where('id', '=', u.source_id!).executeTakeFirstOrThrow();
}

export async function itemId(db: Kysely<DB>, code: string): Promise<string> {
  return (await db.selectFrom('checklist_items').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/** Drafts issues through createFoundIssues in one transaction, as the inspections module does; returns their ids. */
export async function found(
  db: Kysely<DB>,
  opts: { sourceId: string; issueClass?: IssueClass; itemCode?: string; by?: string; count?: number; description?: string; afterPhotoIds?: string[]; id?: string },
): Promise<string[]> {
  const actor = await actorOf(db, opts.by ?? 'inspector');
  const item = opts.itemCode ? await itemId(db, opts.itemCode) : null;
  const drafts: FoundIssueDraft[] = Array.from({ length: opts.count ?? 1 }, (_, i) => ({
    id: i === 0 && opts.id ? opts.id : randomUUID(),
    sourceId: opts.sourceId,
    itemId: item,
    origin: 'inspection',
    area: 'hazardous_waste',
    description: opts.description ?? `危废贮存场所未设置标识 ${i + 1}`,
    responsiblePerson: '张环保',
    measure: '按 GB 18597 设置贮存设施标识',
    class: opts.issueClass ?? 'deadline',
    foundAt: new Date().toISOString(),
    afterPhotoIds: opts.afterPhotoIds,
  }));
  await db.transaction().execute((trx) => createFoundIssues(trx, actor, drafts));
  return drafts.map((d) => d.id);
}

export function isoDay(offsetDays: number): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

export const year = () => Number(isoDay(0).slice(0, 4));

let jpegCache: Buffer | null = null;
export async function jpeg(): Promise<Buffer> {
  jpegCache ??= await sharp({ create: { width: 96, height: 64, channels: 3, background: '#2a8f5a' } }).jpeg().toBuffer();
  return jpegCache;
}

/** Takes an action with the issue's current version; returns the response. */
export async function act(client: Client, id: string, action: string, body: Record<string, unknown> = {}) {
  const current = (await client.get(`/api/issues/${id}`)).json();
  return client.post(`/api/issues/${id}/actions/${action}`, { version: current.version, ...body });
}

/** Uploads a JPEG as a photo of the issue. */
export async function putPhoto(client: Client, issueId: string, purpose = 'evidence', photoId = randomUUID()) {
  const response = await client.request('PUT', `/api/issues/${issueId}/photos/${photoId}?purpose=${purpose}`, await jpeg(), { 'content-type': 'image/jpeg' });
  return { photoId, response };
}
