import { parseArgs } from 'node:util';
import { loadConfig } from './config';
import { verifyAuditChain } from './db/audit';
import { migrateToLatest, openDatabase } from './db/index';
import { isDatabaseEmpty, seedDemo } from './db/seed/index';
import type { Actor } from './db/scope';
import { createUser } from './modules/identity/users.service';
import { AppError } from './http/errors';
import { PROCESSES, start, type ProcessName } from './main';
import { ROLE, type Role } from '../common/enums';
import { CreateUserSchema } from '../common/contracts/users';

const USAGE = `ecosteward — 环保管家平台 / EcoSteward

  ecosteward start [--processes=web,jobs]   启动 / run the processes (default: all)
  ecosteward migrate                        执行数据库迁移 / migrate the database
  ecosteward seed [--size=district|province] 向空库生成演示数据 / seed an empty database
  ecosteward audit verify                   校验审计链 / verify the audit hash chain
  ecosteward user create --username U --role R --password P [--name N] [--region ID] [--provider ID] [--source ID]

Environment: PORT (8080), DATA_DIR (./data-local), DATABASE_URL (PostgreSQL instead of embedded PGlite), DEMO_PASSWORD`;

/** The command line's own identity in the audit trail. */
const CLI_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'cli',
  displayName: 'CLI',
  role: 'admin',
  regionId: null,
  regionPath: null,
  regionLevel: null,
  providerId: null,
  sourceId: null,
  ip: null,
};

export async function runCli(argv: string[]): Promise<number> {
  const [command, sub] = argv;
  const config = loadConfig();
  switch (command) {
    case 'start': {
      const { values } = parseArgs({ args: argv.slice(1), options: { processes: { type: 'string', default: PROCESSES.join(',') } } });
      const names = values.processes!.split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = names.filter((n) => !PROCESSES.includes(n as ProcessName));
      if (unknown.length) {
        console.error(`未知进程 / unknown process: ${unknown.join(', ')} (available: ${PROCESSES.join(', ')})`);
        return 2;
      }
      const running = await start(config, names as ProcessName[]);
      const shutdown = async () => {
        await running.stop();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      return -1; // keep running
    }
    case 'migrate': {
      const database = await openDatabase(config);
      const result = await migrateToLatest(database.db);
      for (const r of result.results ?? []) console.log(`${r.status}: ${r.migrationName}`);
      if (!result.results?.length) console.log('数据库已是最新 / database is up to date');
      await database.close();
      return 0;
    }
    case 'seed': {
      const { values } = parseArgs({ args: argv.slice(1), options: { size: { type: 'string', default: 'district' } } });
      if (values.size !== 'district' && values.size !== 'province') {
        console.error('--size 必须是 district 或 province / --size must be district or province');
        return 2;
      }
      const database = await openDatabase(config);
      await migrateToLatest(database.db);
      if (!(await isDatabaseEmpty(database.db))) {
        console.error('数据库非空，拒绝生成演示数据 / the database is not empty; refusing to seed (use a new DATA_DIR or database)');
        await database.close();
        return 1;
      }
      const started = Date.now();
      const summary = await seedDemo(database.db, { size: values.size, password: config.demoPassword });
      console.log(`${summary.districtName}: ${summary.sources} sources, ${summary.regions} regions, ${summary.users} users, ${summary.providers} providers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      await database.close();
      return 0;
    }
    case 'audit': {
      if (sub !== 'verify') break;
      const database = await openDatabase(config);
      const result = await verifyAuditChain(database.db);
      await database.close();
      if (result.ok) {
        console.log(`审计链完整 / audit chain intact: ${result.rows} rows`);
        return 0;
      }
      console.error(`审计链在第 ${result.brokenAt} 行断开 / audit chain broken at row ${result.brokenAt}: ${result.reason}`);
      return 1;
    }
    case 'user': {
      if (sub !== 'create') break;
      const { values } = parseArgs({
        args: argv.slice(2),
        options: {
          username: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' },
          region: { type: 'string' }, provider: { type: 'string' }, source: { type: 'string' },
        },
      });
      if (!values.username || !values.role || !values.password || !ROLE.values.includes(values.role as Role)) {
        console.error(`需要 --username、--password 和 --role (${ROLE.values.join('|')}) / --username, --password and --role are required`);
        return 2;
      }
      const database = await openDatabase(config);
      await migrateToLatest(database.db);
      try {
        const input = CreateUserSchema.safeParse({
          username: values.username,
          displayName: values.name ?? values.username,
          password: values.password,
          role: values.role,
          regionId: values.region ?? null,
          providerId: values.provider ?? null,
          sourceId: values.source ?? null,
        });
        if (!input.success) {
          const issue = input.error.issues[0];
          console.error(`参数无效 / invalid argument ${issue.path.join('.')}: ${issue.message}`);
          return 2;
        }
        const user = await createUser(database.db, CLI_ACTOR, input.data);
        console.log(`已创建用户 / created user ${user.username} (${user.role}) ${user.id}`);
        return 0;
      } catch (error) {
        if (error instanceof AppError) {
          console.error(`${error.zh} / ${error.en}${error.field ? ` (${error.field})` : ''}`);
          return 1;
        }
        throw error;
      } finally {
        await database.close();
      }
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return 0;
  }
  console.error(USAGE);
  return 2;
}
