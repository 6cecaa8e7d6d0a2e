import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/server/config';
import type { Database } from '../../src/server/db/index';
import { buildApp } from '../../src/server/http/app';

/**
 * The app over a test database. Uploaded files go to a fresh temporary DATA_DIR (removed when the
 * app closes) unless `overrides.dataDir` names one.
 */
export async function appFor(database: Database, overrides: Partial<Config> = {}): Promise<FastifyInstance> {
  const tempDir = overrides.dataDir ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'ecosteward-api-'));
  const config: Config = { ...loadConfig({}), demoPassword: inject('demoPassword'), ...(tempDir ? { dataDir: tempDir } : {}), ...overrides };
  const app = await buildApp({ db: database.db, engine: database.engine, config, version: 'test' });
  if (tempDir) app.addHook('onClose', async () => fs.rmSync(tempDir, { recursive: true, force: true }));
  return app;
}

/** A browser-like client over app.inject: keeps cookies, sends the CSRF header on mutations. */
export class Client {
  cookies = new Map<string, string>();
  constructor(readonly app: FastifyInstance, readonly ip = '127.0.0.1') {}

  get csrf(): string | undefined {
    return this.cookies.get('es_csrf');
  }

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const mutating = method !== 'GET';
    const allHeaders: Record<string, string> = { ...headers };
    if (mutating && this.csrf && !('x-csrf-token' in headers)) allHeaders['x-csrf-token'] = this.csrf;
    if (this.cookies.size) allHeaders.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await this.app.inject({
      method: method as 'GET',
      url,
      headers: allHeaders,
      remoteAddress: this.ip,
      ...(body === undefined ? {} : typeof body === 'string' ? { payload: body } : { payload: body as object }),
    });
    for (const c of response.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const cleared = c.value === '' || (c.expires && c.expires.getTime() < Date.now());
      if (cleared) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, body ?? {}, headers);
  }
  patch(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('PATCH', url, body ?? {}, headers);
  }

  async login(username: string, password = inject('demoPassword')): Promise<LightMyRequestResponse> {
    if (!this.csrf) await this.get('/api/auth/csrf');
    return this.post('/api/auth/login', { username, password });
  }
}

export async function loggedIn(app: FastifyInstance, username: string, ip?: string, password?: string): Promise<Client> {
  const client = new Client(app, ip);
  const response = await client.login(username, password);
  if (response.statusCode !== 200) throw new Error(`login as ${username} failed: ${response.statusCode} ${response.body}`);
  return client;
}
