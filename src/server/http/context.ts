import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Engine } from '../db/index';
import type { DB } from '../db/schema';

/** What every route and job needs: the database and the config. No other process-wide state. */
export interface AppContext {
  db: Kysely<DB>;
  engine: Engine;
  config: Config;
  version: string;
}
