import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation';

/** Every migration in order. Landed migrations are frozen: add a new file for each change. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
};
