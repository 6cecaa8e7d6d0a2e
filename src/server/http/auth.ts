import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../db/scope';
import type { AppContext } from './context';
import { AppError } from './errors';
import { loadSession, newToken, touchSession, type LoadedSession } from '../modules/identity/sessions';

export const SESSION_COOKIE = 'es_session';
export const CSRF_COOKIE = 'es_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    session: LoadedSession | null;
    sessionProblem: 'missing' | 'expired' | 'disabled' | null;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function setSessionCookies(ctx: AppContext, reply: FastifyReply, token: string, csrfToken: string): void {
  const base = { path: '/', sameSite: 'lax' as const, secure: ctx.config.secureCookies };
  reply.setCookie(SESSION_COOKIE, token, { ...base, httpOnly: true, maxAge: ctx.config.sessionTtlHours * 3600 });
  reply.setCookie(CSRF_COOKIE, csrfToken, { ...base, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Issues a pre-login CSRF token (double-submit cookie) when the browser has none. */
export function ensureCsrfCookie(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{20,100}$/.test(existing)) return existing;
  const token = newToken();
  reply.setCookie(CSRF_COOKIE, token, { path: '/', sameSite: 'lax', secure: ctx.config.secureCookies, httpOnly: false });
  return token;
}

/**
 * Resolves the session cookie on every API request, and refuses a mutation whose CSRF header
 * does not match: the session's token when logged in, the double-submit cookie before login.
 */
export function installAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('session', null);
  app.decorateRequest('sessionProblem', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const found = await loadSession(ctx.db, token, request.ip);
      if (found.status === 'ok') {
        request.session = found.session;
        await touchSession(ctx.db, found.session, ctx.config.sessionTtlHours);
      } else {
        request.sessionProblem = found.status;
      }
    }
    if (MUTATING.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      const sent = Array.isArray(header) ? header[0] : header;
      const expected = request.session ? request.session.csrfToken : request.cookies[CSRF_COOKIE];
      if (!sameToken(sent, expected)) {
        throw new AppError(403, 'csrf', '请求缺少有效的 CSRF 令牌，请刷新页面后重试', 'Missing or invalid CSRF token; reload the page and try again');
      }
    }
  });
}

/** The acting user of a request, or a 401 saying why there is none. */
export function requireActor(request: FastifyRequest): Actor {
  if (request.session) return request.session.actor;
  if (request.sessionProblem === 'expired') {
    throw new AppError(401, 'session_expired', '登录已过期，请重新登录', 'Your session has expired; please log in again');
  }
  throw new AppError(401, 'unauthenticated', '请先登录', 'Please log in first');
}
