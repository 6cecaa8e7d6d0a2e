/**
 * Idempotency keys of field syncs (DESIGN §7): the phone sends every queued request with an
 * `Idempotency-Key`. The first request's response is stored with the key in the same transaction as
 * its changes; a replay (same key, same user, same request) gets that stored response and changes
 * nothing; the same key with another body (or of another user) is refused with 409.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { canonicalJson } from '../../db/audit';
import type { DB } from '../../db/schema';
import type { Actor } from '../../db/scope';
import { AppError } from '../../http/errors';

export interface Idempotency {
  key: string;
  hash: string;
}

const KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

/** The key of a request (header `idempotency-key`), with the hash of what it asks; null without a header. */
export function idempotencyOf(header: string | string[] | undefined, method: string, url: string, body: unknown): Idempotency | null {
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined || key === '') return null;
  if (!KEY.test(key)) {
    throw new AppError(400, 'invalid_field', 'Idempotency-Key 须为 8～200 个字母、数字或 _ . : -', 'Idempotency-Key must be 8–200 letters, digits or _ . : -', 'Idempotency-Key');
  }
  const hash = createHash('sha256').update(`${method} ${url.split('?')[0]}\n${canonicalJson(body ?? null)}`).digest('hex');
  return { key, hash };
}

const conflict = () =>
  new AppError(409, 'idempotency_conflict', '该幂等键已用于另一个请求', 'This Idempotency-Key was already used for a different request', 'Idempotency-Key');

export interface Stored<T> {
  status: number;
  body: T;
}

async function stored<T>(db: Kysely<DB>, actor: Actor, idem: Idempotency): Promise<Stored<T> | null> {
  const row = await db.selectFrom('idempotency_keys').selectAll().where('key', '=', idem.key).executeTakeFirst();
  if (!row) return null;
  if (row.user_id !== actor.userId || row.request_hash !== idem.hash) throw conflict();
  return { status: row.status_code, body: (typeof row.response === 'string' ? JSON.parse(row.response) : row.response) as T };
}

/**
 * Runs `work` in one transaction and stores its response under the key in that transaction; a key
 * seen before returns the stored response instead. Without a key it simply runs `work`.
 */
export async function idempotent<T>(db: Kysely<DB>, actor: Actor, idem: Idempotency | null, status: number, work: (trx: Transaction<DB>) => Promise<T>): Promise<Stored<T>> {
  if (!idem) return { status, body: await db.transaction().execute(work) };
  const before = await stored<T>(db, actor, idem);
  if (before) return before;
  try {
    const body = await db.transaction().execute(async (trx) => {
      const result = await work(trx);
      const inserted = await trx
        .insertInto('idempotency_keys')
        .values({ key: idem.key, user_id: actor.userId, request_hash: idem.hash, status_code: status, response: JSON.stringify(result) })
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('key')
        .executeTakeFirst();
      // A racing replay stored it first: roll this one back and answer with the stored response.
      if (!inserted) throw new ReplayRace();
      return result;
    });
    return { status, body };
  } catch (error) {
    // A racing replay may have won (then this one met its lock and a changed row): answer as it did.
    if (!(error instanceof ReplayRace) && !(error instanceof AppError && error.status === 409)) throw error;
    const after = await stored<T>(db, actor, idem);
    if (!after) throw error;
    return after;
  }
}

class ReplayRace extends Error {}
