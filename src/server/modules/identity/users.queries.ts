import type { Kysely } from 'kysely';
import type { UserView } from '../../../common/contracts/users';
import type { DB } from '../../db/schema';
import { userInScope, type Actor } from '../../db/scope';

function baseQuery(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('users')
    .leftJoin('regions', 'regions.id', 'users.region_id')
    .leftJoin('providers', 'providers.id', 'users.provider_id')
    .leftJoin('sources', 'sources.id', 'users.source_id')
    .where(userInScope(actor));
}

const columns = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.role',
  'users.region_id',
  'regions.name as region_name',
  'users.provider_id',
  'providers.name as provider_name',
  'users.source_id',
  'sources.name as source_name',
  'users.phone',
  'users.disabled',
  'users.locked_until',
  'users.last_login_at',
  'users.version',
] as const;

type Row = {
  id: string; username: string; display_name: string; role: UserView['role'];
  region_id: string | null; region_name: string | null; provider_id: string | null; provider_name: string | null;
  source_id: string | null; source_name: string | null; phone: string | null; disabled: boolean;
  locked_until: Date | null; last_login_at: Date | null; version: number;
};

function toView(row: Row): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    regionId: row.region_id,
    regionName: row.region_name,
    providerId: row.provider_id,
    providerName: row.provider_name,
    sourceId: row.source_id,
    sourceName: row.source_name,
    phone: row.phone,
    disabled: row.disabled,
    locked: !!row.locked_until && new Date(row.locked_until).getTime() > Date.now(),
    lastLoginAt: row.last_login_at ? new Date(row.last_login_at).toISOString() : null,
    version: row.version,
  };
}

export async function findUserInScope(db: Kysely<DB>, actor: Actor, id: string): Promise<UserView | undefined> {
  const row = await baseQuery(db, actor).select(columns).where('users.id', '=', id).executeTakeFirst();
  return row ? toView(row as Row) : undefined;
}

export async function listUsersInScope(
  db: Kysely<DB>,
  actor: Actor,
  query: { q?: string; role?: UserView['role']; page: number; pageSize: number },
): Promise<{ items: UserView[]; total: number }> {
  let q = baseQuery(db, actor);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    q = q.where((eb) => eb.or([eb('users.username', 'ilike', like), eb('users.display_name', 'ilike', like)]));
  }
  if (query.role) q = q.where('users.role', '=', query.role);
  const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await q
    .select(columns)
    .orderBy('users.role')
    .orderBy('users.username')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map((r) => toView(r as Row)), total: Number(total) };
}
