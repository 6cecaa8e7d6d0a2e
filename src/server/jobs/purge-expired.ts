import type { JobDefinition } from './runner';
import { deleteExpiredSessions } from '../modules/identity';

/** Deletes expired sessions and login attempts older than 30 days (the rate limit only needs minutes). */
export const purgeExpired: JobDefinition = {
  kind: 'purge_expired',
  everySeconds: 3600,
  async run(db) {
    await deleteExpiredSessions(db);
    await db.deleteFrom('login_attempts').where('at', '<', new Date(Date.now() - 30 * 86400_000)).execute();
  },
};
