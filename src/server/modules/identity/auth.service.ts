import type { Kysely } from 'kysely';
import { writeAudit } from '../../db/audit';
import type { DB } from '../../db/schema';
import type { Actor } from '../../db/scope';
import { AppError } from '../../http/errors';
import { verifyAgainstDummy, verifyPassword } from './passwords';
import { newToken, sessionIdOf } from './sessions';

/** Failed attempts from one IP within the window before further attempts are refused. */
export const LOGIN_RATE_LIMIT = { maxFailures: 20, windowMinutes: 10 };
/** Consecutive failures of one account before it is locked, and for how long. */
export const LOCKOUT = { maxFailures: 5, minutes: 15 };

const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', '用户名或密码错误', 'Wrong username or password');

export interface LoginResult {
  token: string;
  csrfToken: string;
  userId: string;
}

export async function login(
  db: Kysely<DB>,
  input: { username: string; password: string; ip: string; userAgent: string | null; ttlHours: number },
): Promise<LoginResult> {
  const since = new Date(Date.now() - LOGIN_RATE_LIMIT.windowMinutes * 60_000);
  const recent = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip', '=', input.ip)
    .where('succeeded', '=', false)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(recent.n) >= LOGIN_RATE_LIMIT.maxFailures) {
    throw new AppError(
      429,
      'rate_limited',
      `登录失败次数过多，请 ${LOGIN_RATE_LIMIT.windowMinutes} 分钟后再试`,
      `Too many failed logins; try again in ${LOGIN_RATE_LIMIT.windowMinutes} minutes`,
      undefined,
      { 'retry-after': String(LOGIN_RATE_LIMIT.windowMinutes * 60) },
    );
  }

  const user = await db.selectFrom('users').selectAll().where('username', '=', input.username).executeTakeFirst();
  const recordAttempt = (succeeded: boolean) =>
    db.insertInto('login_attempts').values({ username: input.username, ip: input.ip, succeeded }).execute();

  if (!user) {
    await verifyAgainstDummy(input.password);
    await recordAttempt(false);
    throw invalidCredentials();
  }
  if (user.locked_until && user.locked_until.getTime() > Date.now()) {
    await recordAttempt(false);
    const minutes = Math.ceil((user.locked_until.getTime() - Date.now()) / 60_000);
    throw new AppError(
      423,
      'account_locked',
      `账号因多次密码错误已临时锁定，请 ${minutes} 分钟后再试或联系管理员`,
      `Account temporarily locked after repeated failures; try again in ${minutes} minutes or ask an administrator`,
    );
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const failures = user.failed_login_count + 1;
    const lock = failures >= LOCKOUT.maxFailures;
    const actor = { userId: null, username: input.username, ip: input.ip };
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({
          failed_login_count: lock ? 0 : failures,
          locked_until: lock ? new Date(Date.now() + LOCKOUT.minutes * 60_000) : user.locked_until,
        })
        .where('id', '=', user.id)
        .execute();
      await trx.insertInto('login_attempts').values({ username: input.username, ip: input.ip, succeeded: false }).execute();
      if (lock) await writeAudit(trx, actor, { action: 'auth.lockout', entityType: 'user', entityId: user.id, after: { lockedMinutes: LOCKOUT.minutes } });
    });
    throw invalidCredentials();
  }
  if (user.disabled) {
    await recordAttempt(false);
    throw new AppError(403, 'account_disabled', '账号已停用，请联系管理员', 'This account is disabled; contact an administrator');
  }

  const token = newToken();
  const csrfToken = newToken();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sessions')
      .values({
        id: sessionIdOf(token),
        user_id: user.id,
        csrf_token: csrfToken,
        ip: input.ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
        expires_at: new Date(Date.now() + input.ttlHours * 3600_000),
      })
      .execute();
    await trx
      .updateTable('users')
      .set({ failed_login_count: 0, locked_until: null, last_login_at: new Date() })
      .where('id', '=', user.id)
      .execute();
    await trx.insertInto('login_attempts').values({ username: input.username, ip: input.ip, succeeded: true }).execute();
    await writeAudit(trx, { userId: user.id, username: user.username, ip: input.ip }, { action: 'auth.login', entityType: 'user', entityId: user.id });
  });
  return { token, csrfToken, userId: user.id };
}

export async function logout(db: Kysely<DB>, actor: Actor, sessionId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
    await writeAudit(trx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
  });
}
