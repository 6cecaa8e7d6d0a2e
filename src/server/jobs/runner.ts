import { hostname } from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

export interface JobDefinition {
  kind: string;
  /** When set, the job re-schedules itself this many seconds after each run. */
  everySeconds?: number;
  run(db: Kysely<DB>, payload: unknown): Promise<void>;
}

const WORKER_ID = `${hostname()}:${process.pid}`;
const LEASE_SECONDS = 300;

/** Makes sure each recurring job has one pending row (dedupe_key = kind). */
export async function scheduleRecurring(db: Kysely<DB>, jobs: JobDefinition[]): Promise<void> {
  for (const job of jobs.filter((j) => j.everySeconds)) {
    await db
      .insertInto('jobs')
      .values({ kind: job.kind, payload: '{}', dedupe_key: job.kind, run_at: new Date() })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute();
  }
}

/**
 * Claims one due job with FOR UPDATE SKIP LOCKED (so several job processes never take the same row),
 * runs it, and records the outcome. Returns false when nothing was due.
 */
export async function runOneJob(db: Kysely<DB>, jobs: JobDefinition[]): Promise<boolean> {
  const byKind = new Map(jobs.map((j) => [j.kind, j]));
  const claimed = await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('jobs')
      .selectAll()
      .where('done_at', 'is', null)
      .where('run_at', '<=', new Date())
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', new Date())]))
      .where('kind', 'in', [...byKind.keys()])
      .orderBy('run_at')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!row) return undefined;
    await trx
      .updateTable('jobs')
      .set({ locked_by: WORKER_ID, locked_until: new Date(Date.now() + LEASE_SECONDS * 1000), attempts: sql`attempts + 1` })
      .where('id', '=', row.id)
      .execute();
    return row;
  });
  if (!claimed) return false;
  const job = byKind.get(claimed.kind)!;
  try {
    await job.run(db, claimed.payload);
    if (job.everySeconds) {
      await db
        .updateTable('jobs')
        .set({ run_at: new Date(Date.now() + job.everySeconds * 1000), attempts: 0, locked_by: null, locked_until: null, last_error: null })
        .where('id', '=', claimed.id)
        .execute();
    } else {
      await db.updateTable('jobs').set({ done_at: new Date(), locked_by: null, locked_until: null }).where('id', '=', claimed.id).execute();
    }
  } catch (error) {
    const giveUp = claimed.attempts + 1 >= claimed.max_attempts && !job.everySeconds;
    const backoffSeconds = Math.min(3600, 2 ** (claimed.attempts + 1) * 30);
    await db
      .updateTable('jobs')
      .set({
        last_error: String((error as Error)?.stack ?? error).slice(0, 2000),
        locked_by: null,
        locked_until: null,
        run_at: new Date(Date.now() + backoffSeconds * 1000),
        ...(giveUp ? { done_at: new Date() } : {}),
      })
      .where('id', '=', claimed.id)
      .execute();
  }
  return true;
}

/** Polls for due jobs until stopped. */
export function startJobLoop(db: Kysely<DB>, jobs: JobDefinition[], pollMs = 5000): { stop(): Promise<void> } {
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  const loop = async () => {
    await scheduleRecurring(db, jobs);
    while (!stopped) {
      const didWork = await runOneJob(db, jobs).catch((error) => {
        console.error('job runner:', error);
        return false;
      });
      if (!didWork) await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  };
  current = loop();
  return {
    async stop() {
      stopped = true;
      await current;
    },
  };
}
