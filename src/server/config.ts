import path from 'node:path';

/** One typed config from the environment; every default works with nothing installed. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** When set, use this PostgreSQL server instead of the embedded PGlite database. */
  databaseUrl: string | undefined;
  demoPassword: string;
  sessionTtlHours: number;
  /** Secure cookies only when served over https (behind a TLS proxy). */
  secureCookies: boolean;
  /** PUBLIC_URL: the web app's address as users reach it (QR codes point there); else taken from each request. */
  publicUrl?: string;
  /** MAP_TILE_URL: an optional tile layer for the map ({z}/{x}/{y}); without it the map draws no tiles and needs no internet. */
  mapTileUrl?: string;
  mapTileAttribution: string;
}

export const DEFAULT_DEMO_PASSWORD = 'Demo@2026';

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`环境变量 ${name} 必须是非负整数 / env ${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

function urlFromEnv(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`环境变量 ${name} 必须是 http(s) 地址 / env ${name} must be an http(s) URL, got "${raw}"`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function tileUrlFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.MAP_TILE_URL;
  if (!raw) return undefined;
  const probe = raw.replace(/\{[a-z]\}/g, '0');
  if (!URL.canParse(probe) || !/^https?:$/.test(new URL(probe).protocol) || !['{z}', '{x}', '{y}'].every((p) => raw.includes(p))) {
    throw new Error(`环境变量 MAP_TILE_URL 必须是含 {z}、{x}、{y} 的 http(s) 地址 / env MAP_TILE_URL must be an http(s) URL with {z}, {x} and {y}, got "${raw}"`);
  }
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFromEnv(env, 'PORT', 8080),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || './data-local'),
    databaseUrl: env.DATABASE_URL || undefined,
    demoPassword: env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
    sessionTtlHours: intFromEnv(env, 'SESSION_TTL_HOURS', 12),
    secureCookies: env.SECURE_COOKIES === '1',
    publicUrl: urlFromEnv(env, 'PUBLIC_URL'),
    mapTileUrl: tileUrlFromEnv(env),
    mapTileAttribution: env.MAP_TILE_ATTRIBUTION ?? '',
  };
}
