import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appFor, loggedIn, type Client } from '../support/api';
import { describeEachEngine } from '../support/db';
import { auditCount, demoIds, sourceVersion, type DemoIds } from './lifecycle-support';

type Proposal = { id: string; status: string; version: number; sourceId: string; changes: Array<{ field: string; old: unknown; new: unknown }> };

describeEachEngine('enterprise change proposals', 'seeded', (get) => {
  let app: FastifyInstance;
  let ids: DemoIds;
  let enterprise: Client;
  let inspector: Client;
  let town: Client;
  let sourceUrl: string;

  beforeAll(async () => {
    app = await appFor(get());
    ids = await demoIds(get().db);
    enterprise = await loggedIn(app, 'enterprise', '10.34.0.1');
    inspector = await loggedIn(app, 'inspector', '10.34.0.2');
    town = await loggedIn(app, 'town', '10.34.0.3');
    sourceUrl = `/api/sources/${ids.enterpriseSourceId}`;
  });
  afterAll(() => app.close());

  const propose = async (changes: Record<string, unknown>, note?: string): Promise<Proposal> => {
    const response = await enterprise.post(`${sourceUrl}/proposals`, { changes, note });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  it('the enterprise proposes; the proposal keeps old → new; only allowed, valid fields', async () => {
    const current = await get().db.selectFrom('sources').selectAll().where('id', '=', ids.enterpriseSourceId).executeTakeFirstOrThrow();
    const proposal = await propose({ contactPhone: '13912345678', employees: (current.employees ?? 0) + 5, envDirectorName: '陈环保' }, '人员变动');
    expect(proposal).toMatchObject({ status: 'pending', version: 1, baseVersion: current.version, note: '人员变动', canDecide: false, proposedBy: { name: expect.any(String) } });
    expect(proposal.changes).toEqual(expect.arrayContaining([
      { field: 'contactPhone', label: { zh: '联系电话', en: 'Contact phone' }, old: current.contact_phone, new: '13912345678' },
      { field: 'employees', label: expect.any(Object), old: current.employees, new: (current.employees ?? 0) + 5 },
    ]));
    const audit = await get().db.selectFrom('audit_log').selectAll().where('entity_id', '=', proposal.id).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'source.proposal.create', actor_username: 'enterprise' });

    const before = await auditCount(get().db);
    const bad = async (body: unknown, field: string) => {
      const response = await enterprise.post(`${sourceUrl}/proposals`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().field).toContain(field);
    };
    await bad({ changes: { name: '新名称有限公司' } }, 'changes');
    await bad({ changes: { industryCode: '2614' } }, 'changes');
    await bad({ changes: {} }, 'changes');
    await bad({ changes: { contactPhone: 'call me' } }, 'contactPhone');
    await bad({ changes: { employees: -3 } }, 'employees');
    await bad({ changes: { longitude: 116.39, latitude: 39.91 } }, 'longitude');
    await bad({ changes: { contactPhone: current.contact_phone } }, 'changes');
    expect(await auditCount(get().db)).toBe(before);

    expect((await town.post(`${sourceUrl}/proposals`, { changes: { employees: 9 } })).statusCode).toBe(403);
  });

  it('the queues are scoped: the source list, the reviewer queue, nothing for another town', async () => {
    const mine = (await enterprise.get(`${sourceUrl}/proposals`)).json();
    expect(mine.total).toBeGreaterThan(0);
    const queue = (await inspector.get('/api/proposals?status=pending')).json();
    expect(queue.items.some((p: Proposal) => p.sourceId === ids.enterpriseSourceId)).toBe(true);
    expect(queue.items.every((p: Proposal & { canDecide: boolean }) => p.status === 'pending' && p.canDecide)).toBe(true);
    const xinzhuang = await loggedIn(app, 'town_xinzhuang', '10.34.0.4');
    expect((await xinzhuang.get('/api/proposals?status=pending')).json()).toEqual({ items: [], total: 0 });
    expect((await xinzhuang.get(`${sourceUrl}/proposals`)).statusCode).toBe(404);
  });

  it('the enterprise cannot decide (403); a rejection needs a reason; the provider’s inspector approves and the dossier changes', async () => {
    const proposal = await propose({ envDirectorPhone: '021-64001234', mainProducts: '汽车座椅骨架 50万套/年' });
    const decide = (client: Client, body: Record<string, unknown>) => client.post(`/api/proposals/${proposal.id}/decision`, body);
    expect((await decide(enterprise, { decision: 'approve', version: 1 })).statusCode).toBe(403);
    expect((await decide(inspector, { decision: 'reject', version: 1 })).json()).toMatchObject({ code: 'invalid_field', field: 'reason' });
    expect((await decide(inspector, { decision: 'approve', version: 5 })).statusCode).toBe(409);

    const version = await sourceVersion(get().db, ids.enterpriseSourceId);
    const approved = await decide(inspector, { decision: 'approve', version: 1 });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', version: 2, decidedBy: { name: expect.any(String) }, canDecide: false });
    const row = await get().db.selectFrom('sources').selectAll().where('id', '=', ids.enterpriseSourceId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ env_director_phone: '021-64001234', main_products: '汽车座椅骨架 50万套/年', version: version + 1 });
    const actions = await get().db.selectFrom('audit_log').select(['action', 'actor_username']).orderBy('seq', 'desc').limit(2).execute();
    expect(actions.map((a) => a.action).sort()).toEqual(['source.proposal.approve', 'source.update']);
    expect(actions.every((a) => a.actor_username === 'inspector')).toBe(true);

    const twice = await decide(town, { decision: 'reject', reason: '重复', version: 2 });
    expect(twice.json()).toMatchObject({ code: 'already_decided' });
  });

  it('a proposal made on a version the dossier has since left answers 409 on approval and stays pending; it can be rejected', async () => {
    const first = await propose({ legalRepresentative: '张三' });
    const second = await propose({ annualOperatingHours: 7200 });
    expect((await town.post(`/api/proposals/${first.id}/decision`, { decision: 'approve', version: 1 })).statusCode).toBe(200);
    const stale = await town.post(`/api/proposals/${second.id}/decision`, { decision: 'approve', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_version' });
    expect(stale.json().message.zh).toContain('重新提交');
    const still = await get().db.selectFrom('source_change_proposals').select(['status', 'version']).where('id', '=', second.id).executeTakeFirstOrThrow();
    expect(still).toEqual({ status: 'pending', version: 1 });
    const hours = await get().db.selectFrom('sources').select('annual_operating_hours').where('id', '=', ids.enterpriseSourceId).executeTakeFirstOrThrow();
    expect(hours.annual_operating_hours).not.toBe(7200);

    const rejected = await town.post(`/api/proposals/${second.id}/decision`, { decision: 'reject', reason: '档案已更新，请按最新信息重新提交', version: 1 });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionReason: '档案已更新，请按最新信息重新提交' });
    const history = (await enterprise.get(`${sourceUrl}/proposals`)).json();
    expect(history.items.find((p: Proposal) => p.id === second.id).status).toBe('rejected');
  });
});
