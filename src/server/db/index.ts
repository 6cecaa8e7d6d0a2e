import fs from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, type MigrationResultSet } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index';
import { PGliteDialect } from './pglite-dialect';
import type { DB } from './schema';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  close(): Promise<void>;
  /** The embedded instance, when engine is pglite (used by test support to clone databases). */
  pglite?: PGlite;
}

// Both engines return the same JS values: int8 → number (counts), date → 'YYYY-MM-DD' string.
const OID_INT8 = 20;
const OID_DATE = 1082;
pg.types.setTypeParser(OID_INT8, (value) => Number(value));
pg.types.setTypeParser(OID_DATE, (value) => value);
const pgliteParsers: PGliteOptions['parsers'] = {
  [OID_DATE]: (value: string) => value,
};

export async function openPGlite(options: { dataDir?: string; loadDataDir?: Blob | File } = {}): Promise<Database> {
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: pgliteParsers,
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    engine: 'pglite',
    pglite,
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}

export function openPostgres(connectionString: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle connection the server closes (restart, failover) must not crash the process: the pool replaces it.
  pool.on('error', (err) => console.error(`PostgreSQL: an idle connection was closed by the server (${err.message})`));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    async close() {
      await db.destroy();
    },
  };
}

/** The embedded database lives in DATA_DIR/pglite; a server is used when DATABASE_URL is set. */
export async function openDatabase(config: { dataDir: string; databaseUrl?: string }): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openPGlite({ dataDir: path.join(config.dataDir, 'pglite') });
}

export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
