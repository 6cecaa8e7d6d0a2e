import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import { migrateToLatest, openDatabase, type Database } from './db/index';
import { DEMO_USERNAMES, isDatabaseEmpty, seedDemo } from './db/seed/index';
import { buildApp } from './http/app';
import type { AppContext } from './http/context';
import { ALL_JOBS, startJobLoop } from './jobs/index';
import { VERSION } from './version';

export const PROCESSES = ['web', 'jobs'] as const;
export type ProcessName = (typeof PROCESSES)[number];

export interface Running {
  database: Database;
  app?: FastifyInstance;
  url?: string;
  stop(): Promise<void>;
}

/** Opens the database, migrates it, loads the demo district into an empty one, and starts the named processes. */
export async function start(config: Config, processes: readonly ProcessName[], log = console.log): Promise<Running> {
  const database = await openDatabase(config);
  await migrateToLatest(database.db);
  let seeded = false;
  if (await isDatabaseEmpty(database.db)) {
    log('首次启动：正在生成演示辖区… / First start: generating the demo district…');
    const summary = await seedDemo(database.db, { size: 'district', password: config.demoPassword });
    log(`演示辖区 ${summary.districtName}: ${summary.sources} 个污染源, ${summary.regions} 个区域, ${summary.users} 个用户`);
    seeded = true;
  }
  const ctx: AppContext = { db: database.db, engine: database.engine, config, version: VERSION };
  const stops: Array<() => Promise<void>> = [];
  let app: FastifyInstance | undefined;
  let url: string | undefined;
  if (processes.includes('jobs')) {
    const loop = startJobLoop(database.db, ALL_JOBS);
    stops.push(() => loop.stop());
  }
  if (processes.includes('web')) {
    app = await buildApp(ctx, { logger: process.env.LOG_REQUESTS === '1' });
    await app.listen({ port: config.port, host: config.host });
    url = `http://localhost:${config.port}/`;
    stops.unshift(() => app!.close());
    log('');
    log(`EcoSteward 环保管家平台 ${VERSION} 已启动 / is running: ${url}`);
    log(`数据库 / database: ${database.engine === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL'}`);
    log(`演示账号 / demo logins: ${DEMO_USERNAMES.join(', ')}`);
    log(`演示密码 / demo password: ${config.demoPassword}${seeded ? '' : ' (生成演示数据时的 DEMO_PASSWORD / the DEMO_PASSWORD used when the demo was generated)'}`);
    log(`API 文档 / API docs: ${url}api/docs`);
  }
  return {
    database,
    app,
    url,
    async stop() {
      for (const stop of stops) await stop();
      await database.close();
    },
  };
}
