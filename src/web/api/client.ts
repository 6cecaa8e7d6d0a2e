import type { ApiError as ApiErrorBody } from '../../common/contracts/errors';
import type { Bilingual } from '../../common/enums';

/** A failed API call: the server's `{code, message:{zh,en}, field?}` plus the HTTP status (0 = network failure). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: Bilingual;
  readonly field?: string;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message.en);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.messages = body.message;
    this.field = body.field;
  }
}

export const NETWORK_ERROR: Bilingual = {
  zh: '无法连接服务器，请检查网络后重试',
  en: 'Cannot reach the server; check your connection and try again',
};
const UNEXPECTED: Bilingual = { zh: '服务器返回了无法识别的响应', en: 'The server sent a response that could not be read' };

const CSRF_COOKIE = 'es_csrf';
let lastCsrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Called on any 401 (except where a request opts out): the app goes back to the login page. */
export function setUnauthorizedHandler(handler: (() => void) | null) {
  onUnauthorized = handler;
}

/** Remember a token the server handed out in a body (Me.csrfToken); the cookie still wins. */
export function rememberCsrfToken(token: string | null) {
  lastCsrfToken = token;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** GET /api/auth/csrf: sets the es_csrf cookie and returns the token. */
export async function fetchCsrfToken(): Promise<string> {
  const body = await request<{ csrfToken: string }>('GET', '/api/auth/csrf', { noAuthRedirect: true });
  lastCsrfToken = body.csrfToken;
  return readCookie(CSRF_COOKIE) ?? body.csrfToken;
}

/** The token for requests sent outside `request` (raw photo PUTs, multipart uploads, the field queue): the cookie, else a fresh one. */
export async function cookieCsrfToken(): Promise<string> {
  return readCookie(CSRF_COOKIE) ?? (await fetchCsrfToken());
}

async function csrfToken(): Promise<string> {
  return readCookie(CSRF_COOKIE) ?? lastCsrfToken ?? (await fetchCsrfToken());
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  body?: unknown;
  query?: Query;
  /** Do not treat a 401 as "session over" (the login form and the initial /api/me probe). */
  noAuthRedirect?: boolean;
  signal?: AbortSignal;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function toError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON (e.g. a proxy's HTML error page)
  }
  const b = body as Partial<ApiErrorBody> | null;
  if (b && typeof b.code === 'string' && b.message && typeof b.message.zh === 'string') {
    return new ApiError(res.status, b as ApiErrorBody);
  }
  return new ApiError(res.status, { code: `http_${res.status}`, message: UNEXPECTED });
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}, retried = false): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] = await csrfToken();
  if (opts.body !== undefined) headers['content-type'] = 'application/json';

  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, { code: 'network_error', message: NETWORK_ERROR });
  }

  if (!res.ok) {
    const err = await toError(res);
    // A stale or missing csrf cookie: get a fresh one and try once more.
    if (res.status === 403 && err.code.includes('csrf') && !retried) {
      await fetchCsrfToken();
      return request<T>(method, path, opts, true);
    }
    if (res.status === 401 && !opts.noAuthRedirect) onUnauthorized?.();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(res.status, { code: 'bad_response', message: UNEXPECTED });
  }
}

export const api = {
  get: <T>(path: string, query?: Query, opts: Omit<RequestOptions, 'query' | 'body'> = {}) =>
    request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) => request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
};
