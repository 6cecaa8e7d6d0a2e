import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFor, loggedIn, type Client } from '../support/api';
import { describeEachEngine } from '../support/db';
import { jpeg, signaturePng } from '../fixtures/images';
import { allowManyVisits, planFor, putPhoto, type Detail } from './inspections-support';
import { auditCount } from './lifecycle-support';

type Summary = { id: string; version: number; sourceId: string; scheduledOn: string; night: boolean; status: string; inspectorId: string | null; revisitIssueId: string | null };

describeEachEngine('inspection plans: creation by filters, assignment, calendar, second round, 回头看', 'seeded', (get) => {
  let app: FastifyInstance;
  let town: Client;
  let provider: Client;
  let inspector: Client;
  let outsider: Client;
  const ids = { townId: '', inspectorId: '', enterpriseSourceId: '', providerId: '', otherInspectorId: '' };

  beforeAll(async () => {
    await allowManyVisits(get().db);
    app = await appFor(get());
    town = await loggedIn(app, 'town', '10.62.0.1');
    provider = await loggedIn(app, 'provider', '10.62.0.2');
    inspector = await loggedIn(app, 'inspector', '10.62.0.3');
    outsider = await loggedIn(app, 'town_xinzhuang', '10.62.0.4');
    const db = get().db;
    const user = (name: string) => db.selectFrom('users').selectAll().where('username', '=', name).executeTakeFirstOrThrow();
    const [t, i, e, p] = await Promise.all(['town', 'inspector', 'enterprise', 'provider'].map(user));
    Object.assign(ids, { townId: t.region_id!, inspectorId: i.id, enterpriseSourceId: e.source_id!, providerId: p.provider_id! });
    ids.otherInspectorId = (await db.selectFrom('users').select('id').where('role', '=', 'inspector').where('provider_id', '<>', p.provider_id!).executeTakeFirstOrThrow()).id;
  });
  afterAll(() => app.close());

  describe('creating plans', () => {
    it('the town plans all its industrial sources of a permit class: one planned inspection each, spread over the weekdays of the period', async () => {
      const db = get().db;
      const expected = await db
        .selectFrom('sources')
        .select('id')
        .where('town_id', '=', ids.townId)
        .where('source_type', '=', 'industrial')
        .where('permit_class', 'in', ['key', 'simplified'])
        .where('lifecycle_status', '<>', 'closed')
        .execute();
      expect(expected.length).toBeGreaterThan(0);
      const audit = await auditCount(db);
      const created = await town.post('/api/inspection-plans', {
        name: '2026 年二季度重点排污单位检查', kind: 'quarterly', year: 2026, quarter: 2, startsOn: '2026-04-01', endsOn: '2026-06-30',
        filters: { regionId: ids.townId, sourceTypes: ['industrial'], permitClasses: ['key', 'simplified'] },
      });
      expect(created.statusCode).toBe(201);
      const { plan, created: n, skipped } = created.json();
      expect(n + skipped.length).toBe(expected.length);
      expect(n).toBeGreaterThan(0);
      expect(plan).toMatchObject({ kind: 'quarterly', quarter: 2, regionId: ids.townId, total: n, done: 0, providerId: null });
      expect(await auditCount(db)).toBe(audit + 1 + n);
      const detail = (await town.get(`/api/inspection-plans/${plan.id}`)).json();
      const inspections = detail.inspections as Summary[];
      expect(inspections).toHaveLength(n);
      expect(new Set(inspections.map((i) => i.sourceId))).toEqual(new Set(expected.map((e) => e.id).filter((id) => !skipped.some((s: { sourceId: string }) => s.sourceId === id))));
      for (const i of inspections) {
        expect(i.status).toBe('planned');
        expect(i.scheduledOn >= '2026-04-01' && i.scheduledOn <= '2026-06-30').toBe(true);
        expect([0, 6]).not.toContain(new Date(`${i.scheduledOn}T00:00:00Z`).getUTCDay());
      }
      // The list shows progress; the other town sees neither the plan nor its inspections.
      const list = (await town.get('/api/inspection-plans?year=2026')).json();
      expect(list.items.find((p: { id: string }) => p.id === plan.id)).toMatchObject({ total: n, done: 0 });
      expect((await outsider.get(`/api/inspection-plans/${plan.id}`)).statusCode).toBe(404);
      expect((await outsider.get(`/api/inspections/${inspections[0].id}`)).statusCode).toBe(404);
    });

    it('filters by industry prefix; explicit ids; refuses bad input naming the field', async () => {
      const db = get().db;
      const some = await db.selectFrom('sources').select(['id', 'industry_code']).where('town_id', '=', ids.townId).where('source_type', '=', 'industrial').limit(1).executeTakeFirstOrThrow();
      const prefix = some.industry_code.slice(0, 2);
      const byPrefix = await town.post('/api/inspection-plans', { name: '行业专项', kind: 'special', year: 2026, startsOn: '2026-05-01', endsOn: '2026-05-31', filters: { industryPrefix: prefix, sourceTypes: ['industrial'] } });
      expect(byPrefix.statusCode).toBe(201);
      const sources = ((await town.get(`/api/inspection-plans/${byPrefix.json().plan.id}`)).json().inspections as Summary[]).map((i) => i.sourceId);
      const codes = await db.selectFrom('sources').select('industry_code').where('id', 'in', sources).execute();
      expect(codes.every((c) => c.industry_code.startsWith(prefix))).toBe(true);

      const bad = async (body: object, field: string, status = 400) => {
        const r = await town.post('/api/inspection-plans', { name: '坏计划', kind: 'special', year: 2026, startsOn: '2026-05-01', endsOn: '2026-05-31', ...body });
        expect({ status: r.statusCode, field: r.json().field }).toEqual({ status, field });
      };
      await bad({ endsOn: '2026-04-01' }, 'endsOn');
      await bad({ kind: 'quarterly' }, 'quarter');
      await bad({ kind: 'second_round' }, 'kind');
      await bad({ filters: { industryPrefix: '9' } }, 'filters.industryPrefix');
      await bad({ sourceIds: [randomUUID()] }, 'sourceIds.0', 404);
      const otherTownSource = await db.selectFrom('sources').select('id').where('town_id', '<>', ids.townId).limit(1).executeTakeFirstOrThrow();
      await bad({ sourceIds: [otherTownSource.id] }, 'sourceIds.0', 404);
      const enterprise = await loggedIn(app, 'enterprise', '10.62.0.9');
      expect((await enterprise.post('/api/inspection-plans', { name: 'x', kind: 'special', year: 2026, startsOn: '2026-05-01', endsOn: '2026-05-31' })).statusCode).toBe(403);
    });

    it('night patrol plans mark their inspections as night visits; a provider manager plans its contracted sources for its provider', async () => {
      const night = await town.post('/api/inspection-plans', { name: '夜查', kind: 'night_patrol', year: 2026, startsOn: '2026-06-01', endsOn: '2026-06-05', sourceIds: [ids.enterpriseSourceId] });
      expect(night.statusCode).toBe(201);
      const inspections = (await town.get(`/api/inspection-plans/${night.json().plan.id}`)).json().inspections as Summary[];
      expect(inspections.map((i) => i.night)).toEqual([true]);

      const own = await provider.post('/api/inspection-plans', { name: '机构年度体检', kind: 'annual', year: 2026, startsOn: '2026-01-05', endsOn: '2026-12-18' });
      expect(own.statusCode).toBe(201);
      expect(own.json().plan.providerId).toBe(ids.providerId);
      const contracted = await get().db.selectFrom('provider_sources').select('source_id').where('provider_id', '=', ids.providerId).execute();
      expect(own.json().created + own.json().skipped.length).toBe(contracted.length);
      expect((await provider.get('/api/inspection-plans')).json().items.map((p: { id: string }) => p.id)).toContain(own.json().plan.id);
      expect((await outsider.get(`/api/inspection-plans/${own.json().plan.id}`)).statusCode).toBe(404);
    });
  });

  describe('assignment and the calendar', () => {
    it('assigns one and in bulk to eligible inspectors only; stale versions are 409; the calendar filters by inspector and month', async () => {
      const { inspections } = await planFor(town, [ids.enterpriseSourceId]);
      const assignees = (await town.get(`/api/inspections/assignees?sourceId=${ids.enterpriseSourceId}`)).json().items as Array<{ id: string; role: string }>;
      expect(assignees.map((a) => a.id)).toContain(ids.inspectorId);
      expect(assignees.map((a) => a.id)).not.toContain(ids.otherInspectorId);
      const [first] = inspections;
      const wrong = await town.patch(`/api/inspections/${first.id}`, { version: first.version, inspectorId: ids.otherInspectorId });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().field).toBe('inspectorId');
      const ok = await town.patch(`/api/inspections/${first.id}`, { version: first.version, inspectorId: ids.inspectorId, scheduledOn: '2026-03-10' });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ inspectorId: ids.inspectorId, scheduledOn: '2026-03-10', version: first.version + 1 });
      const stale = await town.patch(`/api/inspections/${first.id}`, { version: first.version, inspectorId: null });
      expect(stale.statusCode).toBe(409);

      const plan = await planFor(town, [ids.enterpriseSourceId]);
      const more = [...plan.inspections, { ...first, version: first.version + 1 }];
      const bulk = await provider.post('/api/inspections/assign', { inspectorId: ids.inspectorId, inspections: more.map((i) => ({ id: i.id, version: i.version })) });
      expect(bulk.statusCode).toBe(200);
      expect(bulk.json().updated).toBe(plan.inspections.length);
      const refused = await inspector.post('/api/inspections/assign', { inspectorId: ids.inspectorId, inspections: [{ id: first.id, version: 2 }] });
      expect(refused.statusCode).toBe(403);

      const calendar = (await town.get(`/api/inspections?from=2026-03-01&to=2026-03-31&inspectorId=${ids.inspectorId}`)).json().items as Summary[];
      expect(calendar.map((i) => i.id)).toEqual(expect.arrayContaining([first.id, ...plan.inspections.map((i) => i.id)]));
      expect(calendar.every((i) => i.inspectorId === ids.inspectorId && i.scheduledOn.startsWith('2026-03'))).toBe(true);
      const mine = (await inspector.get('/api/inspections?mine=true')).json().items as Summary[];
      expect(mine.map((i) => i.id)).toContain(first.id);
    });
  });

  describe('second round and 回头看', () => {
    it('a second round covers the sources whose inspections found issues; 回头看 re-visits closed issues', async () => {
      const { planId, inspections } = await planFor(town, [ids.enterpriseSourceId]);
      const noIssues = await town.post(`/api/inspection-plans/${planId}/second-round`, { startsOn: '2026-07-01', endsOn: '2026-07-31' });
      expect(noIssues.statusCode).toBe(400);
      const [one] = inspections;
      const detail: Detail = (await inspector.get(`/api/inspections/${one.id}`)).json();
      const [a, b] = detail.template.items;
      const photo = await putPhoto(inspector, one.id, await jpeg(), '?purpose=after');
      expect(photo.statusCode).toBe(201);
      const after = photo.json().id;
      const submitted = await inspector.post(`/api/inspections/${one.id}/submit`, {
        version: detail.version,
        answers: [
          { clientId: randomUUID(), itemId: a.itemId, verdict: 'fail', issue: { clientId: randomUUID(), description: a.text, class: 'deadline', deadline: '2026-04-30' } },
          { clientId: randomUUID(), itemId: b.itemId, verdict: 'fail', issue: { clientId: randomUUID(), description: b.text, class: 'on_spot', afterPhotoIds: [after] } },
        ],
        signature: await signaturePng(),
        signerName: '企业代表',
      });
      expect(submitted.statusCode).toBe(200);
      expect((await town.get(`/api/inspection-plans/${planId}`)).json().plan).toMatchObject({ total: 1, done: 1 });

      const second = await town.post(`/api/inspection-plans/${planId}/second-round`, { startsOn: '2026-07-01', endsOn: '2026-07-31' });
      expect(second.statusCode).toBe(201);
      expect(second.json().plan).toMatchObject({ kind: 'second_round', originPlanId: planId, total: 1 });
      const secondInspections = (await town.get(`/api/inspection-plans/${second.json().plan.id}`)).json().inspections as Summary[];
      expect(secondInspections.map((i) => i.sourceId)).toEqual([ids.enterpriseSourceId]);
      expect((await outsider.post(`/api/inspection-plans/${planId}/second-round`, { startsOn: '2026-07-01', endsOn: '2026-07-31' })).statusCode).toBe(404);

      const revisit = await town.post('/api/inspection-plans/revisit', { name: '整改回头看', startsOn: '2026-08-03', endsOn: '2026-08-28' });
      expect(revisit.statusCode).toBe(201);
      const revisits = (await town.get(`/api/inspection-plans/${revisit.json().plan.id}`)).json().inspections as Summary[];
      const closed = await get().db.selectFrom('issues').select('id').where('inspection_id', '=', one.id).where('status', '=', 'closed').execute();
      expect(closed).toHaveLength(1);
      expect(revisits.find((i) => i.revisitIssueId === closed[0].id)).toMatchObject({ sourceId: ids.enterpriseSourceId, status: 'planned' });
    });
  });
});
