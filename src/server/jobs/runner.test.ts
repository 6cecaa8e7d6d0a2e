import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../tests/support/db';
import { refreshStatistics } from './refresh-statistics';
import { runOneJob, scheduleRecurring, type JobDefinition } from './runner';

describeEachEngine('job runner', 'migrated', (get) => {
  it('runs a due one-off job once, records a failure with back-off, and re-arms a recurring job', async () => {
    const db = get().db;
    const ran: string[] = [];
    let failNext = true;
    const jobs: JobDefinition[] = [
      { kind: 'once', run: async (_db, payload) => void ran.push(`once:${(payload as { n: number }).n}`) },
      {
        kind: 'flaky',
        run: async () => {
          if (failNext) {
            failNext = false;
            throw new Error('transient failure');
          }
          ran.push('flaky');
        },
      },
      { kind: 'every_hour', everySeconds: 3600, run: async () => void ran.push('recurring') },
    ];
    await db.insertInto('jobs').values({ kind: 'once', payload: JSON.stringify({ n: 7 }), run_at: new Date(Date.now() - 1000) }).execute();
    await db.insertInto('jobs').values({ kind: 'flaky', payload: '{}', run_at: new Date(Date.now() - 500) }).execute();
    await scheduleRecurring(db, jobs);
    await scheduleRecurring(db, jobs); // idempotent: still one row per recurring kind

    while (await runOneJob(db, jobs)) {
      /* drain what is due */
    }
    expect(ran.sort()).toEqual(['once:7', 'recurring']);

    const rows = await db.selectFrom('jobs').selectAll().orderBy('id').execute();
    const once = rows.find((r) => r.kind === 'once')!;
    expect(once.done_at).not.toBeNull();
    const flaky = rows.find((r) => r.kind === 'flaky')!;
    expect(flaky.done_at).toBeNull();
    expect(flaky.last_error).toContain('transient failure');
    expect(new Date(flaky.run_at).getTime()).toBeGreaterThan(Date.now()); // backed off, not retried at once
    const recurring = rows.filter((r) => r.kind === 'every_hour');
    expect(recurring).toHaveLength(1);
    expect(recurring[0].done_at).toBeNull();
    expect(new Date(recurring[0].run_at).getTime()).toBeGreaterThan(Date.now() + 3500_000);

    // Once its back-off has passed, the failed job runs again and succeeds.
    await db.updateTable('jobs').set({ run_at: new Date(Date.now() - 1) }).where('id', '=', flaky.id).execute();
    expect(await runOneJob(db, jobs)).toBe(true);
    expect(ran).toContain('flaky');
    expect(await runOneJob(db, jobs)).toBe(false);
  });

  it('two runners never take the same job', async () => {
    const db = get().db;
    let runs = 0;
    const jobs: JobDefinition[] = [
      {
        kind: 'slow',
        run: async () => {
          runs++;
          await new Promise((resolve) => setTimeout(resolve, 50));
        },
      },
    ];
    await db.insertInto('jobs').values({ kind: 'slow', payload: '{}', run_at: new Date(Date.now() - 1000) }).execute();
    const results = await Promise.all([runOneJob(db, jobs), runOneJob(db, jobs), runOneJob(db, jobs)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(runs).toBe(1);
  });
});

describeEachEngine('statistics refresh job', 'migrated', (get) => {
  it('gives the planner row counts for tables loaded since the last refresh', async () => {
    const db = get().db;
    // So the server's autovacuum cannot do the job's work in between (PGlite has none).
    await sql`alter table jobs set (autovacuum_enabled = false)`.execute(db);
    const rows = Array.from({ length: 300 }, (_, i) => ({ kind: `stats_probe_${i}`, payload: '{}', run_at: new Date(Date.now() + 86400_000) }));
    await db.insertInto('jobs').values(rows).execute();
    const estimate = async () => Number((await sql<{ n: number }>`select reltuples::int as n from pg_class where relname = 'jobs'`.execute(db)).rows[0].n);
    expect(await estimate()).toBeLessThan(300);
    await refreshStatistics.run(db, {});
    expect(await estimate()).toBe(300);
  });
});
