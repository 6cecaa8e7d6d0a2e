import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openPGlite, openPostgres, type Database, type Engine } from '../../src/server/db/index';
import { dropDatabaseWhenIdle, pgAdmin, pgUrlFor } from './engines';

export type Template = 'migrated' | 'seeded';

/** A fresh database cloned from a template built once per run. */
export async function freshDatabase(engine: Engine, template: Template): Promise<Database & { url?: string }> {
  if (engine === 'pglite') {
    const dump = fs.readFileSync(inject('pgliteTemplates')[template]);
    return openPGlite({ loadDataDir: new Blob([dump]) });
  }
  const templates = inject('pgTemplates');
  if (!templates) throw new Error('PostgreSQL templates were not built');
  const name = `es_t_${inject('runId')}_${randomBytes(4).toString('hex')}`;
  await pgAdmin(`create database ${name} template ${templates[template]}`);
  const url = pgUrlFor(name);
  const database = openPostgres(url, 5);
  return {
    ...database,
    url,
    async close() {
      await database.close();
      await dropDatabaseWhenIdle(name);
    },
  };
}

/**
 * Declares a suite once per engine (PGlite, and the PostgreSQL server when reachable), each with
 * its own fresh database for the whole file. `get()` returns the open database inside tests.
 */
export function describeEachEngine(name: string, template: Template, body: (get: () => Database, engine: Engine) => void): void {
  for (const engine of inject('engines')) {
    describe(`${name} [${engine}]`, () => {
      let database: Database | undefined;
      beforeAll(async () => {
        database = await freshDatabase(engine, template);
      });
      afterAll(async () => {
        await database?.close();
      });
      body(() => {
        if (!database) throw new Error('database not ready');
        return database;
      }, engine);
    });
  }
}
