import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LIFECYCLE_STATUS, LIFECYCLE_TRANSITIONS, findTransition } from '../../src/common/lifecycle';
import { appFor, loggedIn, type Client } from '../support/api';
import { describeEachEngine } from '../support/db';
import { auditCount, demoIds, forceStatus, insertSource, sourceVersion, type DemoIds } from './lifecycle-support';

describeEachEngine('lifecycle transitions', 'seeded', (get) => {
  let app: FastifyInstance;
  let ids: DemoIds;
  const clients: Record<string, Client> = {};
  let sourceId: string;

  beforeAll(async () => {
    app = await appFor(get());
    ids = await demoIds(get().db);
    for (const name of ['town', 'inspector', 'enterprise', 'grid', 'bureau']) clients[name] = await loggedIn(app, name, `10.30.0.${Object.keys(clients).length + 1}`);
    // In the enterprise's grid and the provider's contract: every role above sees it.
    sourceId = (await insertSource(get().db, { townId: ids.townId, gridId: ids.gridId, providerId: ids.providerId })).id;
    await get().db.updateTable('users').set({ source_id: sourceId }).where('username', '=', 'enterprise').execute();
    clients.enterprise = await loggedIn(app, 'enterprise', '10.30.0.9');
  });
  afterAll(() => app.close());

  /** Every (from, to) pair for one role: allowed ones succeed, the rest are refused with the right status. */
  async function walkTable(role: string) {
    const client = clients[role];
    const outcomes: string[] = [];
    for (const from of LIFECYCLE_STATUS.values) {
      for (const to of LIFECYCLE_STATUS.values) {
        const version = await forceStatus(get().db, sourceId, from);
        const response = await client.post(`/api/sources/${sourceId}/transitions`, { to, reason: `测试 ${from}→${to}`, version });
        const rule = findTransition(from, to);
        const anyForRole = LIFECYCLE_TRANSITIONS.some((t) => t.roles.includes(role as never));
        let expected: number;
        if (!anyForRole) expected = 403;
        else if (!rule) expected = 400;
        else if (!rule.roles.includes(role as never)) expected = 403;
        else if (rule.via === 'relocate') expected = 400;
        else expected = 200;
        outcomes.push(`${from}→${to}:${response.statusCode === expected ? 'ok' : `got ${response.statusCode} want ${expected} ${response.body}`}`);
        if (expected === 200) {
          const body = response.json();
          expect(body.status).toBe(to);
          expect(body.version).toBe(version + 1);
          expect(body.history[0]).toMatchObject({ kind: 'transition', from, to, reason: `测试 ${from}→${to}` });
        } else if (expected === 400) {
          expect(response.json()).toMatchObject({ code: 'invalid_transition', field: 'to' });
          expect(response.json().message.en).toContain(`(${from})`);
          expect(response.json().message.en).toContain(`(${to})`);
        }
      }
    }
    expect(outcomes.filter((o) => !o.endsWith(':ok'))).toEqual([]);
  }

  it('the town takes exactly the transitions of the table, relocation completions only by moving', async () => {
    await walkTable('town');
  });

  it('provider staff record only a stop and a restart; enterprise and grid take none (403)', async () => {
    await walkTable('inspector');
    await walkTable('enterprise');
    await walkTable('grid');
  });

  it('each transition writes one history row and one audit row; a stale version is 409 and changes nothing', async () => {
    const town = clients.town;
    // A source without history, so an effective date in the past is in order.
    const fresh = await insertSource(get().db, { townId: ids.townId, gridId: ids.gridId }, { status: 'screening' });
    const version = fresh.version;
    const sourceId = fresh.id;
    const before = await auditCount(get().db);
    const ok = await town.post(`/api/sources/${sourceId}/transitions`, { to: 'construction', reason: '环评批复已取得，开工建设', version, effectiveDate: '2025-03-01' });
    expect(ok.statusCode).toBe(200);
    expect(await auditCount(get().db)).toBe(before + 1);
    const audit = await get().db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'source.lifecycle.transition', entity_type: 'source', entity_id: sourceId, actor_username: 'town' });
    const row = await get().db.selectFrom('source_status_history').selectAll().where('source_id', '=', sourceId).orderBy('at', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'transition', from_status: 'screening', to_status: 'construction', effective_date: '2025-03-01', reason: '环评批复已取得，开工建设' });

    const stale = await town.post(`/api/sources/${sourceId}/transitions`, { to: 'trial', reason: '调试', version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_version', field: 'version' });
    expect((await get().db.selectFrom('sources').select('lifecycle_status').where('id', '=', sourceId).executeTakeFirstOrThrow()).lifecycle_status).toBe('construction');
    expect(await auditCount(get().db)).toBe(before + 1);
  });

  it('bad input names the field: future or out-of-order effective date, missing reason, unknown status', async () => {
    const town = clients.town;
    const version = await forceStatus(get().db, sourceId, 'operating');
    const future = await town.post(`/api/sources/${sourceId}/transitions`, { to: 'suspended', reason: '停产', version, effectiveDate: '2999-01-01' });
    expect(future.json()).toMatchObject({ code: 'invalid_field', field: 'effectiveDate' });
    const early = await town.post(`/api/sources/${sourceId}/transitions`, { to: 'suspended', reason: '停产', version, effectiveDate: '2001-01-01' });
    expect(early.json()).toMatchObject({ code: 'invalid_field', field: 'effectiveDate' });
    const noReason = await town.post(`/api/sources/${sourceId}/transitions`, { to: 'suspended', reason: ' ', version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().field).toBe('reason');
    const unknown = await town.post(`/api/sources/${sourceId}/transitions`, { to: 'demolished', reason: '拆除', version });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().field).toBe('to');
    expect(await sourceVersion(get().db, sourceId)).toBe(version);
  });

  it('closed is final; the lifecycle view lists what this actor may do and the whole history', async () => {
    const version = await forceStatus(get().db, sourceId, 'closed');
    const reopen = await clients.town.post(`/api/sources/${sourceId}/transitions`, { to: 'operating', reason: '恢复', version });
    expect(reopen.json()).toMatchObject({ code: 'invalid_transition' });
    expect(reopen.json().message.zh).toContain('终态');
    expect((await clients.town.get(`/api/sources/${sourceId}/lifecycle`)).json().allowedTransitions).toEqual([]);

    await forceStatus(get().db, sourceId, 'operating');
    const forTown = (await clients.town.get(`/api/sources/${sourceId}/lifecycle`)).json();
    expect(forTown.allowedTransitions.map((t: { to: string }) => t.to).sort()).toEqual(['closed', 'relocating', 'suspended']);
    expect(forTown.relocation).toEqual({ allowed: false, outcomes: [] });
    expect(forTown.history.length).toBeGreaterThan(10);
    const forInspector = (await clients.inspector.get(`/api/sources/${sourceId}/lifecycle`)).json();
    expect(forInspector.allowedTransitions.map((t: { to: string }) => t.to)).toEqual(['suspended']);
    expect((await clients.enterprise.get(`/api/sources/${sourceId}/lifecycle`)).json().allowedTransitions).toEqual([]);
    const outsider = await loggedIn(app, 'town_xinzhuang', '10.30.1.1');
    expect((await outsider.get(`/api/sources/${sourceId}/lifecycle`)).statusCode).toBe(404);
  });
});
