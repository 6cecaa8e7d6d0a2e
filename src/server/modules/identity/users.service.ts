import type { Kysely, Transaction } from 'kysely';
import type { CreateUser, UpdateUser, UserView } from '../../../common/contracts/users';
import { PROVIDER_ROLES, REGION_ROLES, ROLE, type Role } from '../../../common/enums';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import { providerInScope, regionManageable, regionVisible, sourceInScope, type Actor } from '../../db/scope';
import { AppError, forbidden, invalidField, notFound, staleVersion } from '../../http/errors';
import { hashPassword } from './passwords';
import { findUserInScope, listUsersInScope } from './users.queries';

/** Which roles each administering role may grant. */
const GRANTABLE: Partial<Record<Role, readonly Role[]>> = {
  admin: ROLE.values,
  bureau: ['bureau', 'town', 'grid', 'expert', 'provider_manager', 'inspector', 'enterprise'],
  town: ['town', 'grid', 'enterprise'],
};

/** The region level each region role must be anchored at. */
const REGION_LEVELS: Partial<Record<Role, readonly string[]>> = {
  bureau: ['district'],
  town: ['town', 'park'],
  grid: ['grid'],
  expert: ['district', 'town', 'park', 'grid'],
};

export function assertMayAdministerUsers(actor: Actor): void {
  if (!GRANTABLE[actor.role]) throw forbidden();
}

function assertMayGrant(actor: Actor, role: Role): void {
  if (!GRANTABLE[actor.role]?.includes(role)) {
    throw new AppError(403, 'role_not_grantable', `您不能授予角色「${ROLE.labels[role].zh}」`, `You may not grant the role "${ROLE.labels[role].en}"`, 'role');
  }
}

type ScopeColumns = { region_id: string | null; provider_id: string | null; source_id: string | null };

/** Checks that the scope fits the role and lies inside the actor's own jurisdiction. */
async function resolveScope(
  trx: Transaction<DB>,
  actor: Actor,
  role: Role,
  input: { regionId?: string | null; providerId?: string | null; sourceId?: string | null },
): Promise<ScopeColumns> {
  const none: ScopeColumns = { region_id: null, provider_id: null, source_id: null };
  if (REGION_ROLES.includes(role)) {
    if (!input.regionId) throw invalidField('regionId', '该角色必须指定所辖区域', 'This role needs a region', );
    const region = await trx
      .selectFrom('regions')
      .select(['id', 'level'])
      .where('id', '=', input.regionId)
      .where(regionVisible(actor))
      .where(regionManageable(actor))
      .executeTakeFirst();
    if (!region) throw invalidField('regionId', '区域不存在或不在您的管辖范围内', 'Region not found or outside your jurisdiction');
    if (!REGION_LEVELS[role]?.includes(region.level)) {
      throw invalidField('regionId', `角色「${ROLE.labels[role].zh}」不能绑定到该级区域`, `Role "${ROLE.labels[role].en}" cannot be anchored at a ${region.level}`);
    }
    return { ...none, region_id: region.id };
  }
  if (PROVIDER_ROLES.includes(role)) {
    if (!input.providerId) throw invalidField('providerId', '该角色必须指定服务机构', 'This role needs a provider');
    const provider = await trx.selectFrom('providers').select('id').where('id', '=', input.providerId).where(providerInScope(actor)).executeTakeFirst();
    if (!provider) throw invalidField('providerId', '服务机构不存在或不在您的管辖范围内', 'Provider not found or outside your jurisdiction');
    return { ...none, provider_id: provider.id };
  }
  if (role === 'enterprise') {
    if (!input.sourceId) throw invalidField('sourceId', '企业用户必须指定所属污染源', 'An enterprise user needs its pollution source');
    const source = await trx.selectFrom('sources').select('id').where('id', '=', input.sourceId).where(sourceInScope(actor)).executeTakeFirst();
    if (!source) throw invalidField('sourceId', '污染源不存在或不在您的管辖范围内', 'Source not found or outside your jurisdiction');
    return { ...none, source_id: source.id };
  }
  return none;
}

export async function listUsers(db: Kysely<DB>, actor: Actor, query: Parameters<typeof listUsersInScope>[2]) {
  assertMayAdministerUsers(actor);
  return listUsersInScope(db, actor, query);
}

// Reads and writes of one user need no role check of their own: userInScope is empty for roles
// that administer no users, so such an actor gets the same 404 as for a user outside its jurisdiction.
export async function getUser(db: Kysely<DB>, actor: Actor, id: string): Promise<UserView> {
  const user = await findUserInScope(db, actor, id);
  if (!user) throw notFound('User', '用户');
  return user;
}

export async function createUser(db: Kysely<DB>, actor: Actor, input: CreateUser): Promise<UserView> {
  assertMayAdministerUsers(actor);
  assertMayGrant(actor, input.role);
  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken) throw new AppError(409, 'username_taken', `用户名 ${input.username} 已被使用`, `Username ${input.username} is already taken`, 'username');
    const scope = await resolveScope(trx, actor, input.role, input);
    const row = await trx
      .insertInto('users')
      .values({ username: input.username, display_name: input.displayName, password_hash: passwordHash, role: input.role, phone: input.phone ?? null, ...scope })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      after: { username: input.username, displayName: input.displayName, role: input.role, phone: input.phone ?? null, ...scope },
    });
    return row.id;
  });
  return getUser(db, actor, id);
}

/** Loads the user inside the transaction, in scope, locked, and at the version the client last saw. */
async function loadForUpdate(trx: Transaction<DB>, actor: Actor, id: string, version: number) {
  const user = await findUserInScope(trx, actor, id);
  if (!user) throw notFound('User', '用户');
  const locked = await trx.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  if (locked.version !== version) throw staleVersion();
  return locked;
}

export async function updateUser(db: Kysely<DB>, actor: Actor, id: string, input: UpdateUser): Promise<UserView> {
  await db.transaction().execute(async (trx) => {
    const current = await loadForUpdate(trx, actor, id, input.version);
    if (id === actor.userId && ((input.role && input.role !== current.role) || input.disabled)) {
      throw new AppError(400, 'self_change', '不能修改自己的角色或停用自己', 'You cannot change your own role or disable yourself', input.role ? 'role' : 'disabled');
    }
    const role = input.role ?? current.role;
    if (input.role && input.role !== current.role) assertMayGrant(actor, input.role);
    const scopeTouched = input.role !== undefined || input.regionId !== undefined || input.providerId !== undefined || input.sourceId !== undefined;
    const scope = scopeTouched
      ? await resolveScope(trx, actor, role, {
          regionId: input.regionId === undefined ? current.region_id : input.regionId,
          providerId: input.providerId === undefined ? current.provider_id : input.providerId,
          sourceId: input.sourceId === undefined ? current.source_id : input.sourceId,
        })
      : {};
    const changes = {
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.role !== undefined ? { role } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
      ...scope,
    };
    await trx.updateTable('users').set({ ...changes, version: current.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
    if (input.disabled) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, current[k as keyof typeof current]]));
    await writeAudit(trx, actor, { action: 'user.update', entityType: 'user', entityId: id, before, after: changes });
  });
  return getUser(db, actor, id);
}

export async function resetPassword(db: Kysely<DB>, actor: Actor, id: string, input: { version: number; password: string }): Promise<UserView> {
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    const current = await loadForUpdate(trx, actor, id, input.version);
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, failed_login_count: 0, locked_until: null, version: current.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    // A new password ends every session opened with the old one.
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await writeAudit(trx, actor, { action: 'user.reset_password', entityType: 'user', entityId: id });
  });
  return getUser(db, actor, id);
}
