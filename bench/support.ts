/** What every benchmark shares: sampling and statistics, the actor of a demo user, and both engines side by side. */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openPGlite, openPostgres, type Database } from '../src/server/db/index';
import type { Actor } from '../src/server/db/scope';

export const ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const BENCH_PASSWORD = 'Bench@2026';

export interface Stats {
  median: number;
  p95: number;
  n: number;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), n: sorted.length };
}

export const ms = (v: number, digits = 2) => `${v.toFixed(digits)} ms`;

/** Wall time and this process's CPU time (PGlite runs in-process: on a loaded machine its CPU time is what a step costs). */
export async function time<T>(fn: () => Promise<T>): Promise<[T, number, number]> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await fn();
  const used = process.cpuUsage(cpu);
  return [result, performance.now() - start, (used.user + used.system) / 1000];
}

/** `n` timings of `fn` after five warm-up calls. */
export async function sample(fn: () => Promise<unknown>, n: number): Promise<number[]> {
  for (let i = 0; i < 5; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await time(fn))[1]);
  return out;
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql);
  await client.end();
}

export async function actorFor(database: Database, username: string): Promise<Actor> {
  const u = await database.db
    .selectFrom('users')
    .leftJoin('regions', 'regions.id', 'users.region_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.region_id', 'users.provider_id', 'users.source_id', 'regions.path', 'regions.level'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return {
    userId: u.id, username: u.username, displayName: u.display_name, role: u.role, regionId: u.region_id,
    regionPath: u.path, regionLevel: u.level, providerId: u.provider_id, sourceId: u.source_id, ip: null,
  };
}

export type Engines = { pglite: Database; postgres: Database };

/** An in-memory PGlite and a temporary PostgreSQL database, both empty, closed and dropped after `fn`. */
export async function withBothEngines<T>(fn: (engines: Engines) => Promise<T>): Promise<T> {
  const pgName = `es_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${pgName}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${pgName}`;
  const engines: Engines = { pglite: await openPGlite(), postgres: openPostgres(url.toString()) };
  try {
    return await fn(engines);
  } finally {
    await engines.pglite.close();
    await engines.postgres.close();
    await adminQuery(`drop database if exists ${pgName} with (force)`);
  }
}
