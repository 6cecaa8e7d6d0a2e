import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPGlite, type Database } from './index';

describe('PGlite dialect: transactions are isolated from other callers', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openPGlite();
    await sql`create table t (id int primary key, note text)`.execute(database.db);
  });
  afterAll(() => database.close());

  it('a write by another caller during an open transaction is neither visible inside it nor lost by its rollback', async () => {
    const { db } = database;
    let releaseTransaction!: () => void;
    const holdOpen = new Promise<void>((resolve) => (releaseTransaction = resolve));
    let outsideWrite: Promise<unknown> | undefined;
    let seenInside: unknown[] = [];

    const transaction = db
      .transaction()
      .execute(async (trx) => {
        await sql`insert into t values (1, 'inside')`.execute(trx);
        // Another caller writes while this transaction is open.
        outsideWrite = sql`insert into t values (2, 'outside')`.execute(db);
        await new Promise((resolve) => setTimeout(resolve, 50));
        seenInside = (await sql<{ id: number }>`select id from t order by id`.execute(trx)).rows.map((r) => r.id);
        await holdOpen;
        throw new Error('roll back');
      })
      .catch((error: Error) => error.message);

    await new Promise((resolve) => setTimeout(resolve, 100));
    releaseTransaction();
    expect(await transaction).toBe('roll back');
    await outsideWrite;

    expect(seenInside).toEqual([1]);
    const after = (await sql<{ id: number; note: string }>`select id, note from t order by id`.execute(db)).rows;
    expect(after).toEqual([{ id: 2, note: 'outside' }]);
  });

  it('commits what a transaction wrote and serves callers in order', async () => {
    const { db } = database;
    await db.transaction().execute(async (trx) => {
      await sql`insert into t values (3, 'committed')`.execute(trx);
    });
    const results = await Promise.all([1, 2, 3].map((n) => sql<{ n: number }>`select ${n}::int as n`.execute(db)));
    expect(results.map((r) => r.rows[0].n)).toEqual([1, 2, 3]);
    const row = (await sql<{ note: string }>`select note from t where id = 3`.execute(db)).rows[0];
    expect(row.note).toBe('committed');
  });

  it('a failed statement inside a transaction rolls the whole transaction back', async () => {
    const { db } = database;
    const outcome = await db
      .transaction()
      .execute(async (trx) => {
        await sql`insert into t values (4, 'first')`.execute(trx);
        await sql`insert into t values (4, 'duplicate key')`.execute(trx);
      })
      .then(() => 'committed', () => 'failed');
    expect(outcome).toBe('failed');
    const rows = (await sql`select id from t where id = 4`.execute(db)).rows;
    expect(rows).toHaveLength(0);
  });
});
