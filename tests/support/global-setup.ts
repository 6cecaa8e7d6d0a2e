import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateToLatest, openPGlite, openPostgres } from '../../src/server/db/index';
import { seedDemo } from '../../src/server/db/seed/index';
import { pgAdmin, pgReachable, pgUrlFor } from './engines';

export const TEST_DEMO_PASSWORD = 'Test@Demo2026';

declare module 'vitest' {
  export interface ProvidedContext {
    engines: Array<'pglite' | 'postgres'>;
    pgliteTemplates: { migrated: string; seeded: string };
    pgTemplates: { migrated: string; seeded: string } | null;
    runId: string;
    demoPassword: string;
  }
}

/**
 * Builds, once per run, the templates every database test file starts from: an empty migrated
 * database and one holding the demo district, on PGlite (as data-dir dumps) and on the
 * PostgreSQL server (as template databases).
 */
export default async function setup(project: TestProject) {
  const runId = `${Date.now().toString(36)}${process.pid}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecosteward-test-'));
  const pgliteTemplates = { migrated: path.join(dir, 'migrated.tar'), seeded: path.join(dir, 'seeded.tar') };

  const pglite = await openPGlite();
  await migrateToLatest(pglite.db);
  fs.writeFileSync(pgliteTemplates.migrated, Buffer.from(await (await pglite.pglite!.dumpDataDir('none')).arrayBuffer()));
  await seedDemo(pglite.db, { size: 'district', password: TEST_DEMO_PASSWORD });
  fs.writeFileSync(pgliteTemplates.seeded, Buffer.from(await (await pglite.pglite!.dumpDataDir('none')).arrayBuffer()));
  await pglite.close();

  let pgTemplates: { migrated: string; seeded: string } | null = null;
  const engines: Array<'pglite' | 'postgres'> = ['pglite'];
  if (await pgReachable()) {
    pgTemplates = { migrated: `es_tpl_m_${runId}`, seeded: `es_tpl_s_${runId}` };
    for (const [name, seeded] of [[pgTemplates.migrated, false], [pgTemplates.seeded, true]] as const) {
      await pgAdmin(`create database ${name}`);
      const database = openPostgres(pgUrlFor(name), 2);
      await migrateToLatest(database.db);
      if (seeded) await seedDemo(database.db, { size: 'district', password: TEST_DEMO_PASSWORD });
      await database.close();
    }
    engines.push('postgres');
  } else if (process.env.CI) {
    throw new Error('PostgreSQL on 127.0.0.1:5432 is unreachable: CI must run the database suites on both engines');
  } else {
    console.warn('\n\n!!!!!!!! WARNING: PostgreSQL on 127.0.0.1:5432 is unreachable — running the database suites on PGlite ONLY !!!!!!!!\n\n');
  }

  project.provide('engines', engines);
  project.provide('pgliteTemplates', pgliteTemplates);
  project.provide('pgTemplates', pgTemplates);
  project.provide('runId', runId);
  project.provide('demoPassword', TEST_DEMO_PASSWORD);

  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (pgTemplates) {
      for (const name of [pgTemplates.migrated, pgTemplates.seeded]) await pgAdmin(`drop database if exists ${name} with (force)`);
    }
  };
}
