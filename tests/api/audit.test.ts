import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyAuditChain, writeAudit, writeAuditBatch } from '../../src/server/db/audit';
import { appFor, loggedIn } from '../support/api';
import { describeEachEngine } from '../support/db';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/ecosteward.js');

describeEachEngine('audit chain', 'seeded', (get, engine) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appFor(get());
    const bureau = await loggedIn(app, 'bureau');
    for (const name of ['审计一', '审计二', '审计三']) {
      const created = await bureau.post('/api/regions', { parentId: '310112', level: 'park', name });
      expect(created.statusCode).toBe(201);
    }
  });
  afterAll(() => app.close());

  it('every change wrote a row chained to the one before, and the chain verifies', async () => {
    const rows = await get().db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    expect(rows.filter((r) => r.action === 'region.create')).toHaveLength(3);
    expect(rows.every((r, i) => i === 0 || r.prev_hash === rows[i - 1].hash)).toBe(true);
    expect(rows.every((r) => r.actor_username && r.at && r.ip !== undefined)).toBe(true);
    expect(await verifyAuditChain(get().db)).toEqual({ ok: true, rows: rows.length });
  });

  it('a batch appends its rows in order, chained like single rows, between single writes', async () => {
    const db = get().db;
    const actor = { userId: null, username: 'batch-test', ip: null };
    const entries = Array.from({ length: 1203 }, (_, i) => ({ action: 'test.batch', entityType: 'test', entityId: null, after: { i } }));
    const before = (await db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow()).seq ?? 0;
    await db.transaction().execute(async (trx) => {
      await writeAudit(trx, actor, { action: 'test.single', entityType: 'test', entityId: null, after: { at: 'first' } });
      await writeAuditBatch(trx, actor, entries);
      await writeAuditBatch(trx, actor, []);
      await writeAudit(trx, actor, { action: 'test.single', entityType: 'test', entityId: null, after: { at: 'last' } });
    });
    const rows = await db.selectFrom('audit_log').select(['seq', 'action', 'after']).where('seq', '>', Number(before)).orderBy('seq').execute();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 1205 }, (_, i) => Number(before) + 1 + i));
    expect(rows.slice(1, -1).map((r) => (r.after as { i: number }).i)).toEqual(entries.map((_, i) => i));
    expect([rows[0].action, rows.at(-1)!.action]).toEqual(['test.single', 'test.single']);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('deleting a row from the middle is reported as a gap', async () => {
    const rows = await get().db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(2).execute();
    await get().db.deleteFrom('audit_log').where('seq', '=', rows[1].seq).execute();
    const result = await verifyAuditChain(get().db);
    expect(result).toMatchObject({ ok: false, brokenAt: rows[1].seq });
    expect(result.ok === false && result.reason).toContain('missing');
  });
  it('editing an earlier row by hand breaks the chain at exactly that row', async () => {
    const target = await get().db.selectFrom('audit_log').select('seq').where('action', '=', 'region.create').orderBy('seq').executeTakeFirstOrThrow();
    await sql`update audit_log set after = jsonb_set(after, '{name}', '"被篡改"') where seq = ${target.seq}`.execute(get().db);
    const result = await verifyAuditChain(get().db);
    expect(result).toMatchObject({ ok: false, brokenAt: target.seq });
    if (engine === 'postgres') {
      // The command line reports it too, with a failing exit code.
      const url = (get() as { url?: string }).url!;
      const outcome = await run('node', [BIN, 'audit', 'verify'], { env: { ...process.env, DATABASE_URL: url } }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toContain(`row ${target.seq}`);
    }
  });

});
