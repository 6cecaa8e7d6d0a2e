import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginRequestSchema, MeSchema, type Me } from '../../../common/contracts/auth';
import { ApiErrorSchema } from '../../../common/contracts/errors';
import {
  CreateUserSchema,
  IdParamSchema,
  ResetPasswordSchema,
  UpdateUserSchema,
  UserListQuerySchema,
  UserListSchema,
  UserSchema,
} from '../../../common/contracts/users';
import { scopeOf, type Actor } from '../../db/scope';
import { clearSessionCookies, ensureCsrfCookie, requireActor, setSessionCookies } from '../../http/auth';
import type { AppContext } from '../../http/context';
import { scopeName } from '../registry/queries';
import { login, logout } from './auth.service';
import { loadSession } from './sessions';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './users.service';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };

async function describeMe(ctx: AppContext, actor: Actor, csrfToken: string): Promise<Me> {
  const scope = scopeOf(actor);
  const kind = scope.kind === 'none' ? 'all' : scope.kind;
  const id = scope.kind === 'region' ? actor.regionId : scope.kind === 'provider' ? scope.providerId : scope.kind === 'source' ? scope.sourceId : null;
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    scope: { kind, id, name: (await scopeName(ctx.db, actor)) || null },
    csrfToken,
  };
}

export function identityRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/api/auth/csrf', { schema: { tags: ['auth'], summary: '获取登录前 CSRF 令牌 / CSRF token before login', response: { 200: z.object({ csrfToken: z.string() }) } } }, async (request, reply) => {
      if (request.session) return { csrfToken: request.session.csrfToken };
      return { csrfToken: ensureCsrfCookie(ctx, request, reply) };
    });

    r.post(
      '/api/auth/login',
      { schema: { tags: ['auth'], summary: '登录 / Log in', body: LoginRequestSchema, response: { 200: MeSchema, 423: ApiErrorSchema, 429: ApiErrorSchema, ...errors } } },
      async (request, reply) => {
        const result = await login(ctx.db, {
          username: request.body.username,
          password: request.body.password,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          ttlHours: ctx.config.sessionTtlHours,
        });
        setSessionCookies(ctx, reply, result.token, result.csrfToken);
        const loaded = await loadSession(ctx.db, result.token, request.ip);
        if (loaded.status !== 'ok') throw new Error('session just created is missing');
        return describeMe(ctx, loaded.session.actor, result.csrfToken);
      },
    );

    r.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出登录 / Log out', response: { 204: z.null(), ...errors } } }, async (request, reply) => {
      const actor = requireActor(request);
      await logout(ctx.db, actor, request.session!.sessionId);
      clearSessionCookies(reply);
      return reply.status(204).send(null);
    });

    r.get('/api/me', { schema: { tags: ['auth'], summary: '当前用户 / Current user', response: { 200: MeSchema, ...errors } } }, async (request) => {
      const actor = requireActor(request);
      return describeMe(ctx, actor, request.session!.csrfToken);
    });

    r.get('/api/users', { schema: { tags: ['users'], summary: '用户列表 / List users', querystring: UserListQuerySchema, response: { 200: UserListSchema, ...errors } } }, async (request) =>
      listUsers(ctx.db, requireActor(request), request.query),
    );

    r.get('/api/users/:id', { schema: { tags: ['users'], summary: '用户详情 / One user', params: IdParamSchema, response: { 200: UserSchema, ...errors } } }, async (request) =>
      getUser(ctx.db, requireActor(request), request.params.id),
    );

    r.post('/api/users', { schema: { tags: ['users'], summary: '新建用户 / Create a user', body: CreateUserSchema, response: { 201: UserSchema, ...errors } } }, async (request, reply) => {
      const user = await createUser(ctx.db, requireActor(request), request.body);
      return reply.status(201).send(user);
    });

    r.patch(
      '/api/users/:id',
      { schema: { tags: ['users'], summary: '修改用户(角色、范围、停用) / Update a user', params: IdParamSchema, body: UpdateUserSchema, response: { 200: UserSchema, ...errors } } },
      async (request) => updateUser(ctx.db, requireActor(request), request.params.id, request.body),
    );

    r.post(
      '/api/users/:id/reset-password',
      { schema: { tags: ['users'], summary: '重置密码 / Reset a password', params: IdParamSchema, body: ResetPasswordSchema, response: { 200: UserSchema, ...errors } } },
      async (request) => resetPassword(ctx.db, requireActor(request), request.params.id, request.body),
    );
  };
}
