import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor } from '../../db/scope';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are stored by the hash of their token, so a leaked table gives no usable cookie. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface LoadedSession {
  actor: Actor;
  csrfToken: string;
  sessionId: string;
  expiresAt: Date;
}

export type SessionLookup = { status: 'ok'; session: LoadedSession } | { status: 'missing' | 'expired' | 'disabled' };

/** Resolves a session cookie to the acting user, with the region path that scopes them. */
export async function loadSession(db: Kysely<DB>, token: string, ip: string | null): Promise<SessionLookup> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('regions', 'regions.id', 'users.region_id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'users.id as user_id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.region_id',
      'users.provider_id',
      'users.source_id',
      'users.disabled',
      'regions.path as region_path',
      'regions.level as region_level',
    ])
    .where('sessions.id', '=', sessionIdOf(token))
    .executeTakeFirst();
  if (!row) return { status: 'missing' };
  if (new Date(row.expires_at).getTime() <= Date.now()) return { status: 'expired' };
  if (row.disabled) return { status: 'disabled' };
  return {
    status: 'ok',
    session: {
      sessionId: row.session_id,
      csrfToken: row.csrf_token,
      expiresAt: new Date(row.expires_at),
      actor: {
        userId: row.user_id,
        username: row.username,
        displayName: row.display_name,
        role: row.role,
        regionId: row.region_id,
        regionPath: row.region_path,
        regionLevel: row.region_level,
        providerId: row.provider_id,
        sourceId: row.source_id,
        ip,
      },
    },
  };
}

/** Sliding expiry: a session in use is extended, at most once a minute to spare writes. */
export async function touchSession(db: Kysely<DB>, session: LoadedSession, ttlHours: number): Promise<void> {
  const newExpiry = Date.now() + ttlHours * 3600_000;
  if (newExpiry - session.expiresAt.getTime() < 60_000) return;
  await db
    .updateTable('sessions')
    .set({ last_seen_at: new Date(), expires_at: new Date(newExpiry) })
    .where('id', '=', session.sessionId)
    .execute();
}

export async function deleteExpiredSessions(db: Kysely<DB>): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<', new Date()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
